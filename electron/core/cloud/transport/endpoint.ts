/**
 * Endpoint overrides (private clouds, the local sandbox) are `scheme://host[:port]`. From one we derive the
 * URL we send to, the Host we sign and the TC3 credential-scope service — the last two exactly as the
 * official Node SDK derives them, so a server that verifies SDK requests verifies ours too.
 */
import { AppError } from '../../../../shared/errors';

export const DEFAULT_API3_ENDPOINT = 'https://redis.tencentcloudapi.com';
export const DEFAULT_LEGACY_ENDPOINT = 'https://redis.api.qcloud.com';

export interface Endpoint {
  /** `https://redis.tencentcloudapi.com`, `http://127.0.0.1:9000` — no trailing slash. */
  origin: string;
  /** Host as sent in the Host header, port included when not the default. */
  host: string;
  /** Host without the port: what TC3 signs (SDK: `urlObj.hostname`). */
  hostname: string;
  /** TC3 service: the endpoint's first dot-separated label (`redis`; `127` for `127.0.0.1:9000`). */
  service: string;
}

export function parseEndpoint(value: string | undefined, fallback: string): Endpoint {
  const raw = (value ?? '').trim() || fallback;
  // A bare host means HTTPS, like the SDK's default protocol.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AppError('SETTINGS_INVALID', `Endpoint "${raw}" is not a valid URL.`, { field: 'endpoint' });
  }
  const bad =
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username !== '' ||
    url.password !== '' ||
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search !== '' ||
    url.hash !== '';
  if (bad) {
    throw new AppError(
      'SETTINGS_INVALID',
      `Endpoint "${raw}" must be scheme://host[:port] over http or https.`,
      {
        field: 'endpoint',
      },
    );
  }
  // The SDK takes `endpoint.split('.')[0]` of its host[:port] string; mirror it, port and all.
  const service = url.host.split('.')[0] ?? url.host;
  return { origin: `${url.protocol}//${url.host}`, host: url.host, hostname: url.hostname, service };
}
