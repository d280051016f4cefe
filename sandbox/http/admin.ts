// Loopback-only test hooks: GET /__sandbox/state, GET|POST|DELETE /__sandbox/faults,
// POST /__sandbox/sts to mint temporary credentials, and POST /__sandbox/account (admin-account.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyRing } from '../auth/keys.js';
import { parseMintOptions } from '../auth/sts.js';
import { type FaultBook, type FaultSpec, parseFaultSpec } from '../faults/faults.js';
import type { RedisManager } from '../redis/redis-manager.js';
import type { SandboxState } from '../state/store.js';
import { stateSummary } from '../state/summary.js';
import { accountView, applyAccountPatch, parseAccountPatch } from './admin-account.js';

export interface AdminDeps {
  state: SandboxState;
  faults: FaultBook;
  redis: RedisManager | null;
  keys: KeyRing;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(req: IncomingMessage): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '');
}

type AdminReply = { status: number; body: unknown };

export function handleAdmin(
  deps: AdminDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  body: Buffer,
) {
  const reply = route(deps, req, path, body);
  res.writeHead(reply.status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(reply.body));
}

function route(deps: AdminDeps, req: IncomingMessage, path: string, body: Buffer): AdminReply {
  // Bound to 127.0.0.1 anyway; the check keeps these hooks closed if someone rebinds the server.
  if (!isLoopback(req)) return { status: 403, body: { error: 'admin endpoints are loopback-only' } };
  if (path === '/__sandbox/state' && req.method === 'GET') {
    const redis: Record<string, number> = {};
    if (deps.redis) {
      for (const id of deps.state.instances.keys()) {
        const port = deps.redis.portOf(id);
        if (port !== undefined) redis[id] = port;
      }
    }
    return { status: 200, body: { ...stateSummary(deps.state), faults: deps.faults.list(), redis } };
  }
  if (path === '/__sandbox/faults') {
    if (req.method === 'GET') return { status: 200, body: { faults: deps.faults.list() } };
    if (req.method === 'DELETE') {
      deps.faults.clear();
      return { status: 200, body: { ok: true } };
    }
    if (req.method === 'POST') return addFaults(deps, body);
  }
  if (path === '/__sandbox/sts' && req.method === 'POST') return mintTemporary(deps, body);
  if (path === '/__sandbox/account' && req.method === 'POST') return patchAccount(deps, body);
  return { status: 404, body: { error: `no admin route ${req.method} ${path}` } };
}

function addFaults(deps: AdminDeps, body: Buffer): AdminReply {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return { status: 400, body: { error: 'body must be JSON: a fault object or {"faults": [...]}' } };
  }
  const items =
    typeof input === 'object' && input !== null && 'faults' in input && Array.isArray(input.faults)
      ? (input.faults as unknown[])
      : [input];
  const specs: FaultSpec[] = [];
  for (const item of items) {
    const spec = parseFaultSpec(item);
    if (typeof spec === 'string') return { status: 400, body: { error: spec } };
    specs.push(spec);
  }
  return { status: 200, body: { ok: true, ids: specs.map((s) => deps.faults.add(s)) } };
}

/** `{}`, `{"durationSeconds": N}` or `{"expiredTime": T}` → GetFederationToken-shaped credentials. */
function mintTemporary(deps: AdminDeps, body: Buffer): AdminReply {
  let input: unknown;
  try {
    input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    return {
      status: 400,
      body: { error: 'body must be JSON: {"durationSeconds": N} or {"expiredTime": T}' },
    };
  }
  const options = parseMintOptions(input);
  if (typeof options === 'string') return { status: 400, body: { error: options } };
  return { status: 200, body: deps.keys.mintTemporary(options, Math.floor(deps.state.now() / 1000)) };
}

/** Sets the clone account's balance, currency, amount unit or quotas; answers the account as it now is. */
function patchAccount(deps: AdminDeps, body: Buffer): AdminReply {
  let input: unknown;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return { status: 400, body: { error: 'body must be JSON, e.g. {"balancePent": 0}' } };
  }
  const patch = parseAccountPatch(input);
  if (typeof patch === 'string') return { status: 400, body: { error: patch } };
  applyAccountPatch(deps.state.clones.account, patch);
  return { status: 200, body: accountView(deps.state.clones.account) };
}
