// Temporary credentials over real HTTP: the official Node SDK (credential { secretId, secretKey, token },
// which sends X-TC-Token) and an independent legacy v2 signer (signed Token parameter) against the sandbox.
// Without the token, with a wrong one, or once expired: AuthFailure.TokenFailure / 4105; with it: success.
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  ManualClock,
  type MintedCredentials,
  type RunningSandbox,
  startSandbox,
  TEMPORARY_SECRET_ID,
  TEMPORARY_SECRET_KEY,
  TEMPORARY_TOKEN,
} from '../../../sandbox/index.js';
import { callLegacy } from './helpers.js';

let sandbox: RunningSandbox;
let clock: ManualClock;
let minted: MintedCredentials;

interface Key {
  secretId: string;
  secretKey: string;
  token?: string;
}

function sdk(credential: Key): Client {
  const endpoint = `127.0.0.1:${sandbox.port}`;
  return new Client({
    credential,
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint, protocol: 'http://' } },
  });
}

/** The SDK's answer: 'ok', or the error code it rejected with. */
async function sdkOutcome(credential: Key): Promise<string> {
  return sdk(credential)
    .DescribeInstances({ Limit: 1 })
    .then(
      (res) => (typeof res.TotalCount === 'number' ? 'ok' : 'no TotalCount'),
      (e: unknown) => String((e as { code?: string }).code),
    );
}

async function legacyOutcome(key: Key): Promise<string> {
  const reply = await callLegacy(
    sandbox.url,
    'DescribeRedis',
    { limit: '1', offset: '0' },
    {
      method: 'POST',
      secretId: key.secretId,
      secretKey: key.secretKey,
      ...(key.token === undefined ? {} : { token: key.token }),
    },
  );
  return reply.code === 0 ? 'ok' : String(reply.code);
}

const tmp = (token?: string): Key => ({
  secretId: minted.Credentials.TmpSecretId,
  secretKey: minted.Credentials.TmpSecretKey,
  ...(token === undefined ? {} : { token }),
});

beforeAll(async () => {
  clock = new ManualClock();
  sandbox = await startSandbox({ seed: 'demo', clock });
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(async () => {
  clock.set(Date.now());
  // Through the admin endpoint, as a script would mint them.
  const res = await fetch(`${sandbox.url}/__sandbox/sts`, {
    method: 'POST',
    body: JSON.stringify({ durationSeconds: 120 }),
  });
  expect(res.status).toBe(200);
  minted = (await res.json()) as MintedCredentials;
});

describe.each([
  ['official Node SDK, API 3.0 (X-TC-Token)', sdkOutcome, 'AuthFailure.TokenFailure'],
  ['legacy v2 (Token parameter)', legacyOutcome, '4105'],
] as const)('%s', (_name, outcome, refused) => {
  it('succeeds with the right token, for a minted triple and the fixed demo triple', async () => {
    expect(await outcome(tmp(minted.Credentials.Token))).toBe('ok');
    expect(
      await outcome({
        secretId: TEMPORARY_SECRET_ID,
        secretKey: TEMPORARY_SECRET_KEY,
        token: TEMPORARY_TOKEN,
      }),
    ).toBe('ok');
  });

  it('refuses a temporary key without its token', async () => {
    expect(await outcome(tmp())).toBe(refused);
  });

  it('refuses a wrong token', async () => {
    expect(await outcome(tmp(`${minted.Credentials.Token}error`))).toBe(refused);
    expect(await outcome(tmp(TEMPORARY_TOKEN))).toBe(refused);
  });

  it('refuses the token once the credentials expire, and not a second before', async () => {
    clock.advance(119_000);
    expect(await outcome(tmp(minted.Credentials.Token))).toBe('ok');
    clock.advance(1_000);
    expect(await outcome(tmp(minted.Credentials.Token))).toBe(refused);
  });

  it('refuses a long-term key sent with a token (a sandbox decision, not documented)', async () => {
    const longTerm = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY };
    expect(await outcome({ ...longTerm, token: TEMPORARY_TOKEN })).toBe(refused);
    expect(await outcome(longTerm)).toBe('ok');
  });
});

describe('POST /__sandbox/sts', () => {
  it('answers GetFederationToken’s fields, expiring as asked', async () => {
    const nowSec = Math.floor(clock.now() / 1000);
    expect(minted.ExpiredTime).toBe(nowSec + 120);
    expect(minted.Expiration).toBe(new Date((nowSec + 120) * 1000).toISOString().replace('.000Z', 'Z'));
    expect(Object.keys(minted.Credentials).sort()).toEqual(['TmpSecretId', 'TmpSecretKey', 'Token']);
    const past = await fetch(`${sandbox.url}/__sandbox/sts`, {
      method: 'POST',
      body: JSON.stringify({ expiredTime: nowSec - 1 }),
    });
    const expired = (await past.json()) as MintedCredentials;
    expect(await sdkOutcome(toKey(expired))).toBe('AuthFailure.TokenFailure');
  });

  it.each([
    ['not JSON', '{'],
    ['too long', '{"durationSeconds": 999999}'],
    ['unknown field', '{"ttl": 60}'],
  ])('refuses a bad body (%s) with 400 and a message', async (_what, body) => {
    const res = await fetch(`${sandbox.url}/__sandbox/sts`, { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBeTruthy();
  });

  it('mints with the STS default of 1800 s from code', () => {
    const nowSec = Math.floor(clock.now() / 1000);
    expect(sandbox.mintTemporaryCredentials().ExpiredTime).toBe(nowSec + 1800);
    expect(() => sandbox.mintTemporaryCredentials({ durationSeconds: -1 })).toThrow(/between 0 and/);
  });
});

function toKey(m: MintedCredentials): Key {
  return {
    secretId: m.Credentials.TmpSecretId,
    secretKey: m.Credentials.TmpSecretKey,
    token: m.Credentials.Token,
  };
}
