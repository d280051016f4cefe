// The HTTP front: routing, body limits, the Date and X-TC-TraceId headers, and fault injection around
// the two protocol handlers. A request can never crash the process: every path ends in a response
// (or a deliberate hang/reset), and handler exceptions become InternalError envelopes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleLegacy, legacyError, legacyParams } from '../api/legacy-handler.js';
import { encodeAnswer } from '../api/raw-json.js';
import { type ApiDeps, handleV3, v3Error } from '../api/v3-handler.js';
import type { NonceCache } from '../auth/legacy-verify.js';
import { MAX_BODY_BYTES } from '../constants.js';
import type { FaultBook } from '../faults/faults.js';
import type { RedisManager } from '../redis/redis-manager.js';
import { handleAdmin } from './admin.js';
import { readBody } from './body.js';

export interface ServerDeps extends ApiDeps {
  faults: FaultBook;
  nonces: NonceCache;
  redis: RedisManager | null;
  /** Added to every API response (--latency-ms). */
  latencyMs: number;
}

/** Legacy POST with signature v1 is capped at 1 MB by Tencent; the JSON API at 10 MB. */
const LEGACY_MAX_BODY = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SandboxServer {
  server: Server;
  /** Ends hanging responses and open sockets so close() completes. */
  shutdown(): Promise<void>;
}

export function createSandboxServer(deps: ServerDeps): SandboxServer {
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(deps, hanging, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return {
    server,
    shutdown: async () => {
      for (const res of hanging) res.destroy();
      hanging.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function handle(
  deps: ServerDeps,
  hanging: Set<ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  // The sandbox clock, not the host's, so clients computing skew from Date see the emulated server.
  res.setHeader('Date', new Date(deps.state.now()).toUTCString());
  const traceId = req.headers['x-tc-traceid'];
  if (typeof traceId === 'string') res.setHeader('X-TC-TraceId', traceId);
  const url = req.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  const protocol =
    path === '/'
      ? 'v3'
      : path === '/v2/index.php'
        ? 'legacy'
        : path.startsWith('/__sandbox/')
          ? 'admin'
          : null;
  if (!protocol) {
    res
      .writeHead(404, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ error: `no route ${path}` }));
    return;
  }
  const read = await readBody(req, protocol === 'legacy' ? LEGACY_MAX_BODY : MAX_BODY_BYTES);
  if (!read.ok && read.reason === 'aborted') return;
  if (protocol === 'admin') return handleAdmin(deps, req, res, path, read.ok ? read.body : Buffer.alloc(0));
  if (!read.ok) {
    const limit = protocol === 'legacy' ? '1 MB' : '10 MB';
    const body =
      protocol === 'legacy'
        ? legacyError(4000, `Request body exceeds ${limit}.`)
        : v3Error('InvalidParameter', `Request body exceeds ${limit}.`);
    return sendJson(res, body, true);
  }
  const raw = { method: req.method ?? 'GET', url, headers: req.headers, body: read.body };
  const action =
    protocol === 'v3' ? String(req.headers['x-tc-action'] ?? '') : (legacyParams(raw).Action ?? '');

  deps.state.logRequest(action);
  const before = deps.faults.take(action, 'before');
  const delay = before.latencyMs + deps.latencyMs;
  if (delay > 0) await sleep(delay);
  switch (before.fault?.kind) {
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'drop':
      req.socket.destroy();
      return;
    case 'http5xx':
      res.writeHead(before.fault.status ?? 502, { 'Content-Type': 'text/html' });
      res.end(`<html><body><h1>${before.fault.status ?? 502} Bad Gateway</h1></body></html>`);
      return;
    case 'rateLimit':
      return sendJson(
        res,
        protocol === 'v3'
          ? v3Error('RequestLimitExceeded', `Your current request rate for ${action} exceeds the limit.`)
          : legacyError(4400, `Request quota exceeded for ${action}.`),
      );
    case 'apiError':
      return sendJson(
        res,
        protocol === 'v3'
          ? v3Error(before.fault.code ?? 'InternalError.InternalError', `${action} failed (injected).`)
          : legacyError(6000, `${action} failed (injected).`),
      );
  }

  const body = protocol === 'v3' ? handleV3(deps, raw) : handleLegacy(deps, deps.nonces, raw);

  const after = deps.faults.take(action, 'after');
  if (after.fault?.kind === 'hang') {
    // The action ran (a restore task may now be running) but the client never hears back.
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
    return;
  }
  if (after.fault?.kind === 'malformedJson') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(encodeAnswer(body).subarray(0, 40));
    return;
  }
  sendJson(res, body);
}

function sendJson(res: ServerResponse, body: unknown, close = false): void {
  const text = encodeAnswer(body);
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': text.length,
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}
