/**
 * TC3-HMAC-SHA256 (Tencent Cloud API 3.0 signature v3), written from the published algorithm and checked
 * against the official vectors (tests/unit/core/cloud/tc3-signer.test.ts) and the official SDK's signer.
 * Pure functions: the caller supplies the timestamp, so signing is deterministic and testable.
 */
import { createHash, createHmac } from 'node:crypto';

export interface Tc3SignInput {
  method: 'POST' | 'GET';
  /** Host as signed: the official SDK signs the hostname without the port, and so do we. */
  host: string;
  /** Canonical URI; always `/` for API 3.0. */
  path?: string;
  /** Already-encoded query string without `?`; empty for POST. */
  query?: string;
  contentType: string;
  /** Extra headers to sign besides content-type and host, e.g. `{ 'x-tc-action': 'DescribeInstances' }`. */
  extraSignedHeaders?: Record<string, string>;
  payload: string;
  /** Unix seconds; also sent as X-TC-Timestamp. */
  timestamp: number;
  /** Credential-scope service, e.g. `redis`. */
  service: string;
  secretId: string;
  secretKey: string;
}

export interface Tc3Signature {
  authorization: string;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
  credentialScope: string;
  signedHeaders: string;
}

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** UTC date (YYYY-MM-DD) of a Unix timestamp; the doc warns that a local date breaks the signature. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function signTc3(input: Tc3SignInput): Tc3Signature {
  // Header names lower-case, values trimmed; x-tc-action is signed lower-cased, as the official demos do.
  const headers: Record<string, string> = {
    'content-type': input.contentType.trim(),
    host: input.host.trim().toLowerCase(),
  };
  for (const [name, value] of Object.entries(input.extraSignedHeaders ?? {})) {
    headers[name.toLowerCase()] = value.trim().toLowerCase();
  }
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${headers[name]}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    input.method,
    input.path ?? '/',
    input.query ?? '',
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');

  const date = tc3Date(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [
    TC3_ALGORITHM,
    String(input.timestamp),
    credentialScope,
    sha256Hex(canonicalRequest),
  ].join('\n');

  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, input.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');

  const authorization =
    `${TC3_ALGORITHM} Credential=${input.secretId}/${credentialScope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { authorization, signature, canonicalRequest, stringToSign, credentialScope, signedHeaders };
}
