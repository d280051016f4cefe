// Test-side clients for the sandbox, written independently of the sandbox's own verifier: a TC3 signer
// (SDK-style or docs-style signed headers) and a legacy v2 signer.
import { createHash, createHmac, randomInt } from 'node:crypto';
import { connect } from 'node:net';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../sandbox/constants.js';

export interface Tc3Options {
  secretId?: string;
  secretKey?: string;
  region?: string | null;
  timestamp?: number;
  /** 'sdk' signs content-type;host with the port stripped; 'docs' adds x-tc-action and keeps the port. */
  style?: 'sdk' | 'docs';
  version?: string;
  service?: string;
  /** Raw body instead of JSON.stringify(params). */
  rawBody?: string | Buffer;
  contentType?: string;
  /** Headers to drop after signing (to test missing ones). */
  omit?: string[];
  traceId?: string;
  /** STS token, sent as X-TC-Token (not a signed header, as the SDK sends it). */
  token?: string;
}

export interface ApiReply {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

export function tc3Headers(
  baseUrl: string,
  action: string,
  body: string | Buffer,
  o: Tc3Options = {},
): Record<string, string> {
  const url = new URL(baseUrl);
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const contentType = o.contentType ?? 'application/json';
  const style = o.style ?? 'sdk';
  const signedHost = style === 'sdk' ? url.hostname : url.host;
  const signed: Array<[string, string]> = [
    ['content-type', contentType],
    ['host', signedHost],
  ];
  if (style === 'docs') signed.push(['x-tc-action', action.toLowerCase()]);
  const canonical = [
    'POST',
    '/',
    '',
    signed.map(([k, v]) => `${k}:${v}\n`).join(''),
    signed.map(([k]) => k).join(';'),
    sha256(body),
  ].join('\n');
  const service = o.service ?? (style === 'sdk' ? (url.host.split('.')[0] ?? '') : 'redis');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(`TC3${o.secretKey ?? DEFAULT_SECRET_KEY}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-TC-Action': action,
    'X-TC-Timestamp': String(timestamp),
    'X-TC-Version': o.version ?? '2018-04-12',
    Authorization: `TC3-HMAC-SHA256 Credential=${o.secretId ?? DEFAULT_SECRET_ID}/${scope}, SignedHeaders=${signed.map(([k]) => k).join(';')}, Signature=${signature}`,
  };
  if (o.region !== null) headers['X-TC-Region'] = o.region ?? 'ap-guangzhou';
  if (o.traceId) headers['X-TC-TraceId'] = o.traceId;
  if (o.token !== undefined) headers['X-TC-Token'] = o.token;
  for (const name of o.omit ?? []) {
    for (const k of Object.keys(headers)) if (k.toLowerCase() === name.toLowerCase()) delete headers[k];
  }
  return headers;
}

/** Calls an API 3.0 action; returns the parsed envelope's Response. */
export async function callV3(
  baseUrl: string,
  action: string,
  params: unknown,
  o: Tc3Options = {},
): Promise<ApiReply> {
  const body = o.rawBody ?? JSON.stringify(params);
  const res = await fetch(`${baseUrl}/`, {
    method: 'POST',
    headers: tc3Headers(baseUrl, action, body, o),
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const json = (await res.json()) as { Response: Record<string, unknown> };
  return { status: res.status, headers: res.headers, json: json.Response };
}

export function errorCode(reply: ApiReply): string | undefined {
  return (reply.json.Error as { Code?: string } | undefined)?.Code;
}

export interface LegacyOptions {
  secretId?: string;
  secretKey?: string;
  method?: 'GET' | 'POST';
  signatureMethod?: 'HmacSHA1' | 'HmacSHA256';
  region?: string;
  timestamp?: number;
  nonce?: number;
  /** Replace the computed signature. */
  signature?: string;
  /** Common params to leave out. */
  omit?: string[];
  /** STS token: the signed `Token` common parameter. */
  token?: string;
}

/** Independent legacy v2 signer: sorted keys, raw values, `_` → `.` in keys, host with port. */
export function legacySignedParams(
  baseUrl: string,
  action: string,
  params: Record<string, string>,
  o: LegacyOptions = {},
) {
  const method = o.method ?? 'GET';
  const all: Record<string, string> = {
    Action: action,
    Region: o.region ?? 'ap-guangzhou',
    Timestamp: String(o.timestamp ?? Math.floor(Date.now() / 1000)),
    Nonce: String(o.nonce ?? randomInt(1, 2 ** 31)),
    SecretId: o.secretId ?? DEFAULT_SECRET_ID,
    ...params,
  };
  if (o.signatureMethod) all.SignatureMethod = o.signatureMethod;
  if (o.token !== undefined) all.Token = o.token;
  for (const k of o.omit ?? []) delete all[k];
  const keys = Object.keys(all).sort();
  const query = keys.map((k) => `${k.startsWith('_') ? k : k.replace(/_/g, '.')}=${all[k]}`).join('&');
  const toSign = `${method}${new URL(baseUrl).host}/v2/index.php?${query}`;
  const algo = o.signatureMethod === 'HmacSHA256' ? 'sha256' : 'sha1';
  all.Signature =
    o.signature ??
    createHmac(algo, o.secretKey ?? DEFAULT_SECRET_KEY)
      .update(toSign)
      .digest('base64');
  return all;
}

export async function callLegacy(
  baseUrl: string,
  action: string,
  params: Record<string, string>,
  o: LegacyOptions = {},
): Promise<Record<string, unknown>> {
  const signed = legacySignedParams(baseUrl, action, params, o);
  const form = new URLSearchParams(signed).toString();
  const res =
    (o.method ?? 'GET') === 'GET'
      ? await fetch(`${baseUrl}/v2/index.php?${form}`)
      : await fetch(`${baseUrl}/v2/index.php`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form,
        });
  return (await res.json()) as Record<string, unknown>;
}

export async function adminState(baseUrl: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${baseUrl}/__sandbox/state`)).json()) as Record<string, unknown>;
}

export async function addFault(baseUrl: string, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${baseUrl}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) });
  if (res.status !== 200) throw new Error(`fault rejected: ${await res.text()}`);
}

/** Polls DescribeTaskInfo until the task leaves preparing/running. */
export async function waitTask(
  baseUrl: string,
  taskId: number,
  region = 'ap-guangzhou',
  timeoutMs = 15_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await callV3(baseUrl, 'DescribeTaskInfo', { TaskId: taskId }, { region });
    const status = reply.json.Status;
    if (status !== 'preparing' && status !== 'running') return reply.json;
    if (Date.now() > deadline) throw new Error(`task ${taskId} still ${String(status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** True when something accepts TCP connections on 127.0.0.1:port (a redis-server still running). */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
