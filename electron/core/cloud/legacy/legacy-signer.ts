/**
 * The legacy v2 signature (HmacSHA1 by default, HmacSHA256 on request), as documented for
 * `/v2/index.php` and implemented by the legacy Node SDK (qcloudapi-sdk).
 */
import { createHmac } from 'node:crypto';

export type LegacySignatureMethod = 'HmacSHA1' | 'HmacSHA256';

export type LegacyParams = Record<string, string | number>;

/**
 * Keys with `_` are signed with `.` instead (the wire keeps the original key); like the legacy SDK, a key
 * *starting* with `_` is left alone.
 */
function signedKey(key: string): string {
  return key.indexOf('_') > 0 ? key.replace(/_/g, '.') : key;
}

/**
 * `METHOD + host + path + '?' + k=v&…` over the parameters sorted by (signed) key in byte order, values
 * raw — not URL-encoded. `host` is exactly what is sent, port included.
 */
export function legacyStringToSign(
  method: 'GET' | 'POST',
  host: string,
  path: string,
  params: LegacyParams,
): string {
  const pairs = Object.entries(params)
    .filter(([key]) => key !== 'Signature')
    .map(([key, value]) => [signedKey(key), String(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = pairs.map(([key, value]) => `${key}=${value}`).join('&');
  return `${method}${host}${path}?${query}`;
}

/** Base64 HMAC of the string to sign; the caller URL-encodes it once when building the body. */
export function legacySign(stringToSign: string, secretKey: string, method: LegacySignatureMethod): string {
  const algorithm = method === 'HmacSHA256' ? 'sha256' : 'sha1';
  return createHmac(algorithm, secretKey).update(stringToSign, 'utf8').digest('base64');
}

/** Form body (`application/x-www-form-urlencoded`) with every value encoded once, the signature included. */
export function legacyFormBody(params: LegacyParams, signature: string): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) search.append(key, String(value));
  search.append('Signature', signature);
  return search.toString();
}
