// TC3-HMAC-SHA256 exactly as Tencent documents it (reference §2.3), plus the leniencies the real gateway
// needs for the official Node SDK (§4.3): it signs `content-type;host`, drops the port from the signed
// host, and derives the scope's service from the endpoint's first label (`127` for 127.0.0.1:PORT).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type TemporaryGrant, TOKEN_MESSAGES, tokenProblem } from './sts.js';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** UTC date (YYYY-MM-DD) of a Unix timestamp in seconds: the credential scope's date. */
export function tc3Date(timestampSec: number): string {
  return new Date(timestampSec * 1000).toISOString().slice(0, 10);
}

export interface Tc3SignInput {
  method: string;
  /** Canonical URI; always "/" for API 3.0. */
  path?: string;
  /** The query string after "?" as sent ("" for POST). */
  query: string;
  /** Signed header names (lower-case) → values, in SignedHeaders order. */
  headers: ReadonlyArray<readonly [string, string]>;
  payload: string | Buffer;
  timestamp: number;
  service: string;
  secretKey: string;
}

export interface Tc3SignOutput {
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  stringToSign: string;
  credentialScope: string;
  signedHeaders: string;
  signature: string;
}

export function tc3Sign(input: Tc3SignInput): Tc3SignOutput {
  const canonicalHeaders = input.headers
    .map(([k, v]) => `${k.toLowerCase()}:${v.trim().toLowerCase()}\n`)
    .join('');
  const signedHeaders = input.headers.map(([k]) => k.toLowerCase()).join(';');
  const canonicalRequest = [
    input.method.toUpperCase(),
    input.path ?? '/',
    input.query,
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');
  const date = tc3Date(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const hashedCanonicalRequest = sha256Hex(canonicalRequest);
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), credentialScope, hashedCanonicalRequest].join(
    '\n',
  );
  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, input.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign).digest('hex');
  return {
    canonicalRequest,
    hashedCanonicalRequest,
    stringToSign,
    credentialScope,
    signedHeaders,
    signature,
  };
}

export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b, Signature=hex`. */
export function parseTc3Authorization(header: string): ParsedAuthorization | null {
  const match =
    /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      header.trim(),
    );
  if (!match) return null;
  const [, secretId, date, service, signedHeaders, signature] = match;
  if (!secretId || !date || !service || !signedHeaders || !signature) return null;
  return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}

export type VerifyFailure = { ok: false; code: string; message: string };
export type Tc3VerifyResult = { ok: true; secretId: string } | VerifyFailure;

export interface Tc3Request {
  method: string;
  /** Raw request target, e.g. "/" or "/?Limit=10". */
  url: string;
  /** Lower-case header names, as Node's IncomingMessage gives them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
}

const SIGNATURE_FAILURE =
  'The provided credentials could not be validated. Please check your signature is correct.';

function headerValue(headers: Tc3Request['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Verifies a TC3 request. `nowSec` is the server clock; `lookupKey` returns the SecretKey for an id and
 * `grantOf` the token a temporary key needs (null for long-term keys). Check order: expiry, key
 * existence, the STS token, then the signature itself. The token comes before the signature because a
 * temporary SecretKey is only known through a valid token.
 */
export function verifyTc3(
  req: Tc3Request,
  lookupKey: (secretId: string) => string | undefined,
  nowSec: number,
  maxSkewSec = 300,
  grantOf: (secretId: string) => TemporaryGrant | null = () => null,
): Tc3VerifyResult {
  const fail = (code: string, message: string): VerifyFailure => ({ ok: false, code, message });
  const auth = parseTc3Authorization(headerValue(req.headers, 'authorization') ?? '');
  if (!auth) return fail('AuthFailure.SignatureFailure', 'The Authorization header is malformed.');
  const timestamp = Number(headerValue(req.headers, 'x-tc-timestamp'));
  if (!Number.isInteger(timestamp))
    return fail('AuthFailure.SignatureFailure', 'X-TC-Timestamp is not an integer.');
  if (Math.abs(nowSec - timestamp) > maxSkewSec) {
    return fail(
      'AuthFailure.SignatureExpire',
      `Signature expired: timestamp ${timestamp}, server time ${nowSec}.`,
    );
  }
  const secretKey = lookupKey(auth.secretId);
  if (secretKey === undefined) return fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
  // Missing, wrong and expired tokens all answer AuthFailure.TokenFailure ("token错误", reference §2.5):
  // Tencent's Go SDK test expects it for a wrong token (TencentCloud/tencentcloud-sdk-go
  // testing/integration/temp_credentials_test.go); the other cases are not documented separately.
  const problem = tokenProblem(grantOf(auth.secretId), headerValue(req.headers, 'x-tc-token'), nowSec);
  if (problem) return fail('AuthFailure.TokenFailure', TOKEN_MESSAGES[problem]);
  if (auth.date !== tc3Date(timestamp)) {
    return fail('AuthFailure.SignatureFailure', `Credential date must be the UTC date of X-TC-Timestamp.`);
  }
  const host = headerValue(req.headers, 'host') ?? '';
  const hostNoPort = host.replace(/:\d+$/, '');
  const services = new Set(['redis', host.split('.')[0], hostNoPort.split('.')[0]]);
  if (!services.has(auth.service))
    return fail('AuthFailure.SignatureFailure', `Unexpected service ${auth.service}.`);
  if (!auth.signedHeaders.includes('content-type') || !auth.signedHeaders.includes('host')) {
    return fail('AuthFailure.SignatureFailure', 'SignedHeaders must include content-type and host.');
  }
  const queryIndex = req.url.indexOf('?');
  const query = queryIndex >= 0 ? req.url.slice(queryIndex + 1) : '';
  const provided = Buffer.from(auth.signature, 'hex');
  for (const signedHost of new Set([host, hostNoPort])) {
    const headers: Array<[string, string]> = [];
    for (const name of auth.signedHeaders) {
      const value = name === 'host' ? signedHost : headerValue(req.headers, name);
      if (value === undefined)
        return fail('AuthFailure.SignatureFailure', `Signed header ${name} is missing.`);
      headers.push([name, value]);
    }
    const expected = tc3Sign({
      method: req.method,
      query,
      headers,
      payload: req.body,
      timestamp,
      service: auth.service,
      secretKey,
    });
    if (timingSafeEqual(Buffer.from(expected.signature, 'hex'), provided))
      return { ok: true, secretId: auth.secretId };
  }
  return fail('AuthFailure.SignatureFailure', SIGNATURE_FAILURE);
}
