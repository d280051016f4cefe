/**
 * The built renderer's files, as browser mode serves them: only to the app's own Host (a DNS-rebinding page
 * gets 421), only GET and HEAD, never outside the renderer folder, never cached, always with the CSP.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../core/web/content';

export async function serveRendererFile(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  hostAllowed: boolean,
): Promise<void> {
  const headers = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
  if (!hostAllowed) {
    res.writeHead(421, headers).end('Misdirected request');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = new URL(req.url ?? '/', 'http://x').pathname;
  const file = normalize(join(root, pathname === '/' ? 'index.html' : decodeURIComponentSafe(pathname)));
  if (!file.startsWith(root + sep)) {
    res.writeHead(404, headers).end('Not found');
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      ...headers,
      'content-type': contentTypeFor(extname(file)),
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, headers).end('Not found');
  }
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '/__invalid__';
  }
}
