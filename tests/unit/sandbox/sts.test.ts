// Temporary credentials in the sandbox's verifiers: a temporary key needs its token, the right one, before
// it expires (AuthFailure.TokenFailure / legacy 4105 otherwise); a long-term key takes no token.
import { describe, expect, it } from 'vitest';
import { KeyRing } from '../../../sandbox/auth/keys.js';
import { legacySign, legacyStringToSign } from '../../../sandbox/auth/legacy-sign.js';
import { NonceCache, verifyLegacy } from '../../../sandbox/auth/legacy-verify.js';
import { mintCredentials, parseMintOptions, type TemporaryGrant } from '../../../sandbox/auth/sts.js';
import { tc3Date, tc3Sign, verifyTc3 } from '../../../sandbox/auth/tc3.js';
import {
  DEFAULT_SECRET_ID,
  TEMPORARY_SECRET_ID,
  TEMPORARY_SECRET_KEY,
  TEMPORARY_TOKEN,
} from '../../../sandbox/constants.js';

const NOW = 1_700_000_000;
const TMP_ID = 'AKIDtmp';
const TMP_KEY = 'tmpKey';
const LONG_ID = 'AKIDlong';
const LONG_KEY = 'longKey';
const GRANT: TemporaryGrant = { token: 'the-token', expiredTime: NOW + 60 };

const keyOf = (id: string) => (id === TMP_ID ? TMP_KEY : id === LONG_ID ? LONG_KEY : undefined);
const grantOf = (id: string) => (id === TMP_ID ? GRANT : null);

function tc3Request(secretId: string, secretKey: string, token?: string) {
  const headers: Array<[string, string]> = [
    ['content-type', 'application/json'],
    ['host', 'redis.tencentcloudapi.com'],
  ];
  const signed = tc3Sign({
    method: 'POST',
    query: '',
    headers,
    payload: '{}',
    timestamp: NOW,
    service: 'redis',
    secretKey,
  });
  return {
    method: 'POST',
    url: '/',
    body: Buffer.from('{}'),
    headers: {
      host: 'redis.tencentcloudapi.com',
      'content-type': 'application/json',
      'x-tc-timestamp': String(NOW),
      ...(token === undefined ? {} : { 'x-tc-token': token }),
      authorization: `TC3-HMAC-SHA256 Credential=${secretId}/${tc3Date(NOW)}/redis/tc3_request, SignedHeaders=content-type;host, Signature=${signed.signature}`,
    },
  };
}

const v3 = (secretId: string, secretKey: string, token: string | undefined, nowSec = NOW) =>
  verifyTc3(tc3Request(secretId, secretKey, token), keyOf, nowSec, 300, grantOf);

let nonce = 1;
function legacy(secretId: string, secretKey: string, token: string | undefined, nowSec = NOW) {
  const params: Record<string, string> = {
    Action: 'DescribeRedis',
    Region: 'ap-guangzhou',
    SecretId: secretId,
    Timestamp: String(NOW),
    Nonce: String(nonce++),
    limit: '10',
    offset: '0',
  };
  if (token !== undefined) params.Token = token;
  const host = 'redis.api.qcloud.com';
  params.Signature = legacySign(
    legacyStringToSign('POST', host, '/v2/index.php', params),
    secretKey,
    'HmacSHA1',
  );
  return verifyLegacy(
    { method: 'POST', host, path: '/v2/index.php', params },
    keyOf,
    nowSec * 1000,
    300,
    new NonceCache(600_000),
    grantOf,
  );
}

describe('API 3.0 (X-TC-Token)', () => {
  it('accepts a temporary key with its token until ExpiredTime', () => {
    expect(v3(TMP_ID, TMP_KEY, 'the-token')).toEqual({ ok: true, secretId: TMP_ID });
    expect(v3(TMP_ID, TMP_KEY, 'the-token', NOW + 59).ok).toBe(true);
  });

  it.each([
    ['without the token', undefined, NOW, 'carries no Token'],
    ['with an empty token', '', NOW, 'carries no Token'],
    ['with a wrong token', 'the-token-error', NOW, 'check if your Token is correct'],
    ['once expired', 'the-token', NOW + 60, 'have expired'],
  ])('refuses a temporary key %s: AuthFailure.TokenFailure', (_what, token, nowSec, message) => {
    // The signature is right in every case: only the token is at fault (timestamps stay within 5 min).
    const result = v3(TMP_ID, TMP_KEY, token, nowSec);
    expect(result).toMatchObject({ ok: false, code: 'AuthFailure.TokenFailure' });
    // One code for every case, as documented; the message says which (clients must not parse it).
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('refuses a long-term key sent with a token, accepts it without', () => {
    expect(v3(LONG_ID, LONG_KEY, 'some-token')).toMatchObject({ code: 'AuthFailure.TokenFailure' });
    expect(v3(LONG_ID, LONG_KEY, undefined).ok).toBe(true);
  });

  it('still checks the signature of a temporary key with the right token', () => {
    expect(v3(TMP_ID, 'notTheKey', 'the-token')).toMatchObject({ code: 'AuthFailure.SignatureFailure' });
  });
});

describe('legacy v2 (Token parameter)', () => {
  it('accepts a temporary key with its token (signed with the other parameters)', () => {
    expect(legacy(TMP_ID, TMP_KEY, 'the-token')).toEqual({ ok: true, secretId: TMP_ID });
  });

  it.each([
    ['without the token', undefined, NOW, 'carries no Token'],
    ['with a wrong token', 'the-token-error', NOW, 'check if your Token is correct'],
    ['once expired', 'the-token', NOW + 60, 'have expired'],
  ])('refuses a temporary key %s: 4105', (_what, token, nowSec, message) => {
    const result = legacy(TMP_ID, TMP_KEY, token, nowSec);
    expect(result).toMatchObject({ ok: false, code: 4105 });
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('refuses a long-term key sent with a token; a wrong key is still 4100', () => {
    expect(legacy(LONG_ID, LONG_KEY, 'some-token')).toMatchObject({ code: 4105 });
    expect(legacy(LONG_ID, LONG_KEY, undefined).ok).toBe(true);
    expect(legacy(TMP_ID, 'notTheKey', 'the-token')).toMatchObject({ code: 4100 });
  });
});

describe('key ring and minting', () => {
  it('knows the fixed demo triple, which never expires, and mints expiring ones', () => {
    const ring = new KeyRing();
    expect(ring.secretKeyOf(TEMPORARY_SECRET_ID)).toBe(TEMPORARY_SECRET_KEY);
    expect(ring.grantOf(TEMPORARY_SECRET_ID)).toEqual({ token: TEMPORARY_TOKEN, expiredTime: null });
    expect(ring.grantOf(DEFAULT_SECRET_ID)).toBeNull();
    const minted = ring.mintTemporary({ durationSeconds: 600 }, NOW);
    const { TmpSecretId, TmpSecretKey, Token } = minted.Credentials;
    expect(TmpSecretId).toMatch(/^AKID[A-Za-z0-9]+$/);
    expect(ring.secretKeyOf(TmpSecretId)).toBe(TmpSecretKey);
    expect(ring.grantOf(TmpSecretId)).toEqual({ token: Token, expiredTime: NOW + 600 });
    expect(minted.ExpiredTime).toBe(NOW + 600);
    expect(minted.Expiration).toBe(new Date((NOW + 600) * 1000).toISOString().replace('.000Z', 'Z'));
  });

  it('defaults to STS’s 1800 s and takes an absolute expiry, past ones included', () => {
    expect(mintCredentials({}, NOW).ExpiredTime).toBe(NOW + 1800);
    expect(mintCredentials({ expiredTime: NOW - 5 }, NOW).ExpiredTime).toBe(NOW - 5);
    const a = mintCredentials({}, NOW).Credentials;
    const b = mintCredentials({}, NOW).Credentials;
    expect(a.TmpSecretId).not.toBe(b.TmpSecretId);
    expect(a.Token).not.toBe(b.Token);
  });

  it.each([
    [undefined, {}],
    [{}, {}],
    [{ durationSeconds: 0 }, { durationSeconds: 0 }],
    [{ durationSeconds: 129600 }, { durationSeconds: 129600 }],
    [{ expiredTime: 0 }, { expiredTime: 0 }],
  ])('parses mint options %j', (input, expected) => {
    expect(parseMintOptions(input)).toEqual(expected);
  });

  it.each([
    [[], 'JSON object'],
    ['600', 'JSON object'],
    [{ durationSeconds: -1 }, 'between 0 and 129600'],
    [{ durationSeconds: 129601 }, 'between 0 and 129600'],
    [{ durationSeconds: 1.5 }, 'integer'],
    [{ durationSeconds: '60' }, 'integer'],
    [{ expiredTime: -1 }, 'Unix seconds'],
    [{ expiredTime: 253402300800 }, 'Unix seconds'],
    [{ durationSeconds: 60, expiredTime: NOW }, 'not both'],
    [{ duration: 60 }, 'unknown field duration'],
  ])('refuses mint options %j with a clear message', (input, message) => {
    expect(parseMintOptions(input)).toContain(message);
  });
});
