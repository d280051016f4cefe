/**
 * A profile holding temporary credentials, through the guarded IPC handlers as the renderer calls them,
 * against the sandbox: the token lives in the secret store only, the renderer sees `hasToken`, and the
 * connection test works with the right token and says TOKEN_INVALID without it, with a wrong one, or
 * once the credentials expired — in both API generations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPORARY_SECRET_ID, TEMPORARY_SECRET_KEY, TEMPORARY_TOKEN } from '../../../sandbox/index';
import { secretAccounts } from '../../../shared/profiles';
import { type Harness, startHarness } from '../../support/core-harness';

let h: Harness;
const secretsSeen: string[] = [TEMPORARY_TOKEN, TEMPORARY_SECRET_KEY];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const base = () => ({
  name: 'temporary',
  endpoint: h.sandbox.url,
  regions: ['ap-guangzhou'],
  defaultRegion: 'ap-guangzhou',
  environment: 'testing' as const,
});

function mint(durationSeconds: number) {
  const { Credentials } = h.sandbox.mintTemporaryCredentials({ durationSeconds });
  secretsSeen.push(Credentials.TmpSecretKey, Credentials.Token);
  return { secretId: Credentials.TmpSecretId, secretKey: Credentials.TmpSecretKey, token: Credentials.Token };
}

describe.each(['v3', 'legacy-v2'] as const)('a %s profile with an STS token', (generation) => {
  it('keeps the token in the secret store, shows only hasToken, and connects', async () => {
    const view = await h.value('profiles:create', {
      ...base(),
      generation,
      secretId: TEMPORARY_SECRET_ID,
      secretKey: TEMPORARY_SECRET_KEY,
      token: TEMPORARY_TOKEN,
    });
    expect(view).toMatchObject({ hasSecret: true, hasToken: true });
    expect(await h.secrets.get(secretAccounts.token(view.id))).toBe(TEMPORARY_TOKEN);
    expect(await h.value('profiles:test', { id: view.id })).toMatchObject({ ok: true });

    // Without the token the temporary key is refused, and the app says why.
    const cleared = await h.value('profiles:update', { id: view.id, clearToken: true });
    expect(cleared.hasToken).toBe(false);
    expect(await h.secrets.get(secretAccounts.token(view.id))).toBeUndefined();
    expect(await h.value('profiles:test', { id: view.id })).toMatchObject({
      ok: false,
      errorCode: 'TOKEN_INVALID',
    });

    await h.value('profiles:update', { id: view.id, token: `${TEMPORARY_TOKEN}x` });
    expect(await h.value('profiles:test', { id: view.id })).toMatchObject({
      ok: false,
      errorCode: 'TOKEN_INVALID',
    });

    // New temporary credentials: all three replaced, then they expire.
    await h.value('profiles:update', { id: view.id, ...mint(600) });
    expect(await h.value('profiles:test', { id: view.id })).toMatchObject({ ok: true });
    await h.value('profiles:update', { id: view.id, ...mint(0) });
    expect(await h.value('profiles:test', { id: view.id })).toMatchObject({
      ok: false,
      errorCode: 'TOKEN_INVALID',
    });
  });

  it('tests a draft with a token before saving it', async () => {
    const draft = { ...base(), generation, ...mint(600) };
    expect(await h.value('profiles:test', { draft })).toMatchObject({ ok: true });
    const { token: _omitted, ...withoutToken } = draft;
    expect(await h.value('profiles:test', { draft: withoutToken })).toMatchObject({
      ok: false,
      errorCode: 'TOKEN_INVALID',
    });
  });
});

describe('secret hygiene', () => {
  it('no token or temporary SecretKey in profile views, settings, events or logs', async () => {
    const views = JSON.stringify(await h.value('profiles:list', {}));
    const places = {
      views,
      settings: JSON.stringify(h.settings.store),
      events: JSON.stringify(h.events),
      logs: h.logs.join('\n'),
    };
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secretsSeen) expect(text, place).not.toContain(secret);
    }
  });
});
