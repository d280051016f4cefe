// Verifies legacy v2 requests: common parameters (4000), timestamp window and Nonce replay (4500),
// unknown SecretId (4104), STS token (4105), signature (4100). The signed host is the Host header exactly as sent
// (port included), which is what the legacy SDK signs when given `host: '127.0.0.1:PORT'`.
import { legacyMethodOf, legacySign, legacySignatureMatches, legacyStringToSign } from './legacy-sign.js';
import { type TemporaryGrant, TOKEN_MESSAGES, tokenProblem } from './sts.js';

export type LegacyVerifyResult =
  | { ok: true; secretId: string }
  | { ok: false; code: number; message: string };

/** Remembers (SecretId, Timestamp, Nonce) triples for the length of the timestamp window. */
export class NonceCache {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  /** Returns false when the triple was already used (a replay). */
  remember(key: string, nowMs: number): boolean {
    if (this.seen.size > 50_000) {
      for (const [k, expires] of this.seen) if (expires <= nowMs) this.seen.delete(k);
    }
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > nowMs) return false;
    this.seen.set(key, nowMs + this.ttlMs);
    return true;
  }
}

export interface LegacyVerifyInput {
  method: string;
  host: string;
  path: string;
  params: Readonly<Record<string, string>>;
}

export function verifyLegacy(
  input: LegacyVerifyInput,
  lookupKey: (secretId: string) => string | undefined,
  nowMs: number,
  maxSkewSec: number,
  nonces: NonceCache,
  grantOf: (secretId: string) => TemporaryGrant | null = () => null,
): LegacyVerifyResult {
  const p = input.params;
  for (const name of ['Action', 'SecretId', 'Timestamp', 'Nonce', 'Signature']) {
    if (!p[name]) return { ok: false, code: 4000, message: `Missing common parameter ${name}.` };
  }
  const timestamp = Number(p.Timestamp);
  if (!/^\d{1,12}$/.test(p.Timestamp ?? '') || !/^\d{1,12}$/.test(p.Nonce ?? '') || Number(p.Nonce) <= 0) {
    return { ok: false, code: 4000, message: 'Timestamp and Nonce must be positive integers.' };
  }
  if (Math.abs(nowMs / 1000 - timestamp) > maxSkewSec) {
    return {
      ok: false,
      code: 4500,
      message: `Timestamp ${timestamp} is more than ${maxSkewSec} s from server time.`,
    };
  }
  const secretId = p.SecretId ?? '';
  const secretKey = lookupKey(secretId);
  if (secretKey === undefined) return { ok: false, code: 4104, message: 'The SecretId does not exist.' };
  // 4105 "token错误" is the legacy common code for a token (QDOC 调用方式/返回值/错误码.md, reference §1.4);
  // as with API 3.0, one code for a missing, wrong or expired token. Token is a signed parameter.
  const problem = tokenProblem(grantOf(secretId), p.Token, Math.floor(nowMs / 1000));
  if (problem) return { ok: false, code: 4105, message: TOKEN_MESSAGES[problem] };
  const stringToSign = legacyStringToSign(input.method, input.host, input.path, p);
  const expected = legacySign(stringToSign, secretKey, legacyMethodOf(p.SignatureMethod));
  if (!legacySignatureMatches(expected, p.Signature ?? '')) {
    return {
      ok: false,
      code: 4100,
      message: 'Signature verification failed (remember to URL-encode Signature).',
    };
  }
  // Only after the signature: unauthenticated junk must not fill the cache or burn nonces.
  if (!nonces.remember(`${secretId}|${timestamp}|${p.Nonce}`, nowMs)) {
    return { ok: false, code: 4500, message: 'Replay attack: this Nonce was already used.' };
  }
  return { ok: true, secretId };
}
