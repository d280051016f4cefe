/** Profile schemas: room for STS temporary credentials, and a token that can travel as a header. */
import { describe, expect, it } from 'vitest';
import { ProfileInputSchema, ProfilePatchSchema } from '../../../shared/profiles';

const input = (over: Record<string, unknown> = {}) => ({
  name: 'temporary',
  secretId: 'AKIDabc',
  secretKey: 'key',
  generation: 'v3',
  regions: ['ap-guangzhou'],
  defaultRegion: 'ap-guangzhou',
  environment: 'testing',
  ...over,
});

const parse = (over: Record<string, unknown>) => ProfileInputSchema.safeParse(input(over));

describe('temporary credentials in a profile', () => {
  it('accepts a TmpSecretId and TmpSecretKey up to the 1024 bytes STS allows, not more', () => {
    expect(parse({ secretId: `AKID${'a'.repeat(1020)}`, secretKey: 'k'.repeat(1024) }).success).toBe(true);
    expect(parse({ secretId: `AKID${'a'.repeat(1021)}` }).success).toBe(false);
    expect(parse({ secretKey: 'k'.repeat(1025) }).success).toBe(false);
  });

  it('accepts a token up to 4096 characters, trimmed of the whitespace a paste brings', () => {
    const token = `${'A1+/=_-'.repeat(585)}a`;
    expect(token.length).toBe(4096);
    const parsed = parse({ token: `  ${token}\n` });
    expect(parsed.success && parsed.data.token).toBe(token);
    expect(parse({ token: `${token}a` }).success).toBe(false);
  });

  it.each([
    ['a space inside', 'abc def'],
    ['a line break inside', 'abc\ndef'],
    ['a non-ASCII character', 'abc令牌'],
    ['only whitespace', '   '],
  ])('refuses a token with %s: it could not be sent as X-TC-Token', (_what, token) => {
    const parsed = parse({ token });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['token']);
  });

  it('applies the same rule to an edit', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(ProfilePatchSchema.safeParse({ id, token: 'abc def' }).success).toBe(false);
    const ok = ProfilePatchSchema.safeParse({ id, token: ' abc\n' });
    expect(ok.success && ok.data.token).toBe('abc');
  });
});
