// Legacy v2 signing (reference §1.3) as the legacy SDK (qcloudapi-sdk) does it; the same algorithm is
// API 3.0's "signature v1" with path "/" (vectors V4/V5).
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LegacySignatureMethod = 'HmacSHA1' | 'HmacSHA256';

/** `Placement_Zone` is signed as `Placement.Zone`; keys starting with `_` are left alone (SDK quirk). */
export function legacySignedKey(key: string): string {
  return key.startsWith('_') ? key : key.replace(/_/g, '.');
}

/** METHOD + host + path + "?" + name=value pairs sorted by (original) name, raw values. */
export function legacyStringToSign(
  method: string,
  host: string,
  path: string,
  params: Readonly<Record<string, string>>,
): string {
  const pairs = Object.keys(params)
    .filter((key) => key !== 'Signature')
    // Plain code-unit comparison = ASCII order: upper-case names sort before lower-case ones.
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => `${legacySignedKey(key)}=${params[key]}`);
  return `${method.toUpperCase()}${host}${path}?${pairs.join('&')}`;
}

/** Only SignatureMethod=HmacSHA256 selects SHA-256; anything else means HmacSHA1, as documented. */
export function legacyMethodOf(signatureMethod: string | undefined): LegacySignatureMethod {
  return signatureMethod === 'HmacSHA256' ? 'HmacSHA256' : 'HmacSHA1';
}

export function legacySign(stringToSign: string, secretKey: string, method: LegacySignatureMethod): string {
  return createHmac(method === 'HmacSHA256' ? 'sha256' : 'sha1', secretKey)
    .update(stringToSign)
    .digest('base64');
}

export function legacySignatureMatches(expected: string, provided: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(provided);
  return a.length === b.length && timingSafeEqual(a, b);
}
