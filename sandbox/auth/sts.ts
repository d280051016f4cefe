// Temporary credentials (STS): a TmpSecretId/TmpSecretKey pair is only valid with its Token, and only
// until its ExpiredTime. Field names follow the SDK's STS models (tencentcloud-sdk-nodejs
// tencentcloud/services/sts/v20180813/sts_models.d.ts: Credentials {Token, TmpSecretId, TmpSecretKey},
// GetFederationTokenResponse {Credentials, ExpiredTime, Expiration}).
import { randomBytes } from 'node:crypto';
import type {
  Credentials,
  GetFederationTokenResponse,
} from 'tencentcloud-sdk-nodejs/tencentcloud/services/sts/v20180813/sts_models';
import { STS_DEFAULT_DURATION_SECONDS, STS_MAX_DURATION_SECONDS } from '../constants.js';

/** What makes a key temporary: the token it must travel with and when it stops working. */
export interface TemporaryGrant {
  token: string;
  /** Unix seconds; `null` for the fixed demo triple, which never expires. */
  expiredTime: number | null;
}

/**
 * Why a request's token is refused. `unexpected` is a long-term key sent with a token: Tencent documents
 * the token as "not needed with long-term keys" but not what happens when one is sent anyway, so the
 * sandbox refuses it — a stale token left in a profile then shows up in tests instead of in production.
 */
export type TokenProblem = 'missing' | 'wrong' | 'expired' | 'unexpected';

/**
 * The problem with `token` (absent or empty counts as not sent) for a key with `grant` (null for a
 * long-term key) at server time `nowSec`, or null when the token is acceptable.
 */
export function tokenProblem(
  grant: TemporaryGrant | null,
  token: string | undefined,
  nowSec: number,
): TokenProblem | null {
  const sent = token !== undefined && token !== '';
  if (!grant) return sent ? 'unexpected' : null;
  if (!sent) return 'missing';
  if (token !== grant.token) return 'wrong';
  // ExpiredTime is the moment the credential stops working (the SDK model: "临时访问凭证的过期时间").
  if (grant.expiredTime !== null && nowSec >= grant.expiredTime) return 'expired';
  return null;
}

/**
 * Messages for the one code both cases get. The wrong-token text is the one Tencent's Go SDK integration
 * test expects (TencentCloud/tencentcloud-sdk-go testing/integration/temp_credentials_test.go); the others
 * are the sandbox's own, since clients must not depend on Message (reference §2.4).
 */
export const TOKEN_MESSAGES: Readonly<Record<TokenProblem, string>> = {
  missing: 'Token verification failed: this SecretId is a temporary key and the request carries no Token.',
  wrong: 'Token verification failed, please check if your Token is correct.',
  expired: 'Token verification failed: the temporary credentials have expired.',
  unexpected: 'Token verification failed: this SecretId is a long-term key and takes no Token.',
};

export interface MintOptions {
  /** Seconds from now, 0..STS_MAX_DURATION_SECONDS (default 1800); 0 gives credentials already expired. */
  durationSeconds?: number;
  /** Absolute expiry in Unix seconds (past values allowed, for tests); exclusive with durationSeconds. */
  expiredTime?: number;
}

/** The admin endpoint's answer: GetFederationToken's shape, every field present, without a RequestId. */
export interface MintedCredentials {
  Credentials: Required<Credentials>;
  ExpiredTime: number;
  Expiration: string;
}

/** 9999-12-31T23:59:59Z: beyond it Expiration has no ISO 8601 form. */
const MAX_UNIX = 253402300799;

/** Validates mint options from untrusted JSON; an error message when unusable. */
export function parseMintOptions(input: unknown): MintOptions | string {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) return 'body must be a JSON object';
  const known = new Set(['durationSeconds', 'expiredTime']);
  const extra = Object.keys(input).find((k) => !known.has(k));
  if (extra) return `unknown field ${extra}; use durationSeconds or expiredTime`;
  const { durationSeconds, expiredTime } = input as Record<string, unknown>;
  if (durationSeconds !== undefined && expiredTime !== undefined) {
    return 'give durationSeconds or expiredTime, not both';
  }
  if (durationSeconds !== undefined) {
    if (!Number.isInteger(durationSeconds)) return 'durationSeconds must be an integer';
    const n = durationSeconds as number;
    if (n < 0 || n > STS_MAX_DURATION_SECONDS) {
      return `durationSeconds must be between 0 and ${STS_MAX_DURATION_SECONDS}`;
    }
    return { durationSeconds: n };
  }
  if (expiredTime !== undefined) {
    if (!Number.isInteger(expiredTime) || (expiredTime as number) < 0 || (expiredTime as number) > MAX_UNIX) {
      return 'expiredTime must be an integer of Unix seconds, 0 to 253402300799';
    }
    return { expiredTime: expiredTime as number };
  }
  return {};
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomText = (length: number): string =>
  Array.from(randomBytes(length), (b) => BASE62[b % BASE62.length]).join('');

/** Fresh random credentials expiring as asked, relative to server time `nowSec`. */
export function mintCredentials(options: MintOptions, nowSec: number): MintedCredentials {
  const expiredTime =
    options.expiredTime ?? nowSec + (options.durationSeconds ?? STS_DEFAULT_DURATION_SECONDS);
  // `satisfies`: drift from the SDK's published shape fails the typecheck.
  const minted = {
    Credentials: {
      TmpSecretId: `AKID${randomText(68)}`,
      TmpSecretKey: randomText(44),
      Token: randomText(200),
    },
    ExpiredTime: expiredTime,
    Expiration: new Date(expiredTime * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  } satisfies GetFederationTokenResponse;
  return minted;
}
