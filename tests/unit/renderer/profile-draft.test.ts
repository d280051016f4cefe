import { describe, expect, it } from 'vitest';
import {
  draftOf,
  redirectedFields,
  toInput,
  validate,
} from '../../../renderer/src/components/profiles/profile-draft';
import type { ProfileView } from '../../../shared/profiles';

const profile: ProfileView = {
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: '2026-12-01T00:00:00.000Z',
  name: 'prod',
  secretId: 'AKIDexample',
  generation: 'v3',
  regions: ['ap-guangzhou'],
  defaultRegion: 'ap-guangzhou',
  environment: 'production',
  requestTimeoutSeconds: 30,
  signatureMethod: 'HmacSHA1',
  hasSecret: true,
  hasToken: true,
};

describe('profile draft', () => {
  it('asks for the SecretKey again when an edit changes where secrets go', () => {
    const draft = { ...draftOf(profile), endpoint: 'https://redis.example.internal' };
    expect(redirectedFields(profile, draft)).toEqual(['endpoint']);
    expect(validate(draft, profile).secretKey).toBe('profileForm.secretKeyRedirect');
    expect(validate({ ...draft, secretKey: 'typed' }, profile).secretKey).toBeUndefined();
  });

  it('keeps the stored SecretKey for edits that do not redirect', () => {
    const draft = { ...draftOf(profile), name: 'production' };
    expect(redirectedFields(profile, draft)).toEqual([]);
    expect(validate(draft, profile)).toEqual({});
  });

  it('needs the confirmation box for a plain-http endpoint off this machine, and sends it', () => {
    const draft = {
      ...draftOf(),
      name: 'private',
      secretId: 'AKIDx',
      secretKey: 'k',
      endpoint: 'http://10.1.2.3:8080',
    };
    expect(validate(draft).confirmInsecure).toBe('profileForm.insecureConfirmNeeded');
    const confirmed = { ...draft, confirmInsecure: true };
    expect(validate(confirmed)).toEqual({});
    expect(toInput(confirmed).confirmInsecureEndpoint).toBe(true);
    expect(validate({ ...draft, endpoint: 'http://127.0.0.1:9000' }).confirmInsecure).toBeUndefined();
  });
});
