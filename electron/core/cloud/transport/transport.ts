/**
 * One HTTP exchange with a timeout, and the classification of its failures. The distinction that matters
 * for writes is whether the request may have reached the server: a refused connection or a DNS failure
 * means it certainly did not (safe to report as a plain network error); anything else — a timeout, a reset
 * mid-way — means it may have, so a restore's outcome becomes unknown.
 */
import type { BodyStreamLike, FetchInitLike, FetchLike } from '../crs-api';
import { AsciiJsonDecoder } from '../parsing/json-text';

export interface WireRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

export interface WireResponse {
  status: number;
  statusText: string;
  /** The `Date` header, used to measure clock skew. */
  date: string | null;
  /** The body as JSON text; non-ASCII characters may come `\uXXXX`-escaped (json-text.ts). */
  body: string;
}

export interface TransportFailure {
  kind: 'TIMEOUT' | 'NETWORK';
  /** False only when the request certainly never left this machine. */
  mayHaveBeenSent: boolean;
  /** A system error code such as ECONNREFUSED, when the runtime gave one. */
  code?: string;
  message: string;
}

/** Thrown by `exchange` for transport failures; never carries the request (it holds signatures). */
export class TransportError extends Error {
  readonly failure: TransportFailure;
  constructor(failure: TransportFailure) {
    super(failure.message);
    this.name = 'TransportError';
    this.failure = failure;
  }
}

/** Error codes that mean no byte of the request reached the server. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

function errorCode(error: unknown): string | undefined {
  // undici wraps the system error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }).
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') break;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What may be said about a transport failure: the error's class and code, never its text. undici's texts
 * quote header values ("… is an invalid header value"), and the headers carry the SecretId, the signature and
 * the STS token; such a text must not reach a response, a log, the journal or the audit log.
 */
export function safeTransportMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const code = errorCode(error);
  return code ? `${name} (${code})` : name;
}

export function classifyTransportError(error: unknown, timedOut: boolean): TransportFailure {
  const name = error instanceof Error ? error.name : '';
  const message = safeTransportMessage(error);
  const code = errorCode(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'TIMEOUT', mayHaveBeenSent: false, code, message };
  if (timedOut || name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'TIMEOUT', mayHaveBeenSent: true, ...(code ? { code } : {}), message };
  }
  const mayHaveBeenSent = !(code && NOT_SENT_CODES.has(code));
  return { kind: 'NETWORK', mayHaveBeenSent, ...(code ? { code } : {}), message };
}

/**
 * Bodies are JSON, decoded to one-byte ASCII JSON (the same value, faster to parse). The chunks are kept as
 * they arrive (bytes outside the JS heap, not gathered into one page-sized buffer) and decoded once complete,
 * so that the string is parsed at once and dies young instead of growing while the page trickles in.
 */
async function readAsciiJson(body: BodyStreamLike): Promise<string> {
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    if (part.value) chunks.push(part.value);
  }
  const decoder = new AsciiJsonDecoder();
  for (const chunk of chunks) decoder.write(chunk);
  return decoder.end();
}

/**
 * Sends one request and reads the whole body, aborting after `timeoutMs`. `onAnswer` runs as soon as the
 * response head arrives: the server has certainly received the request by then, so the rate limiter's slot
 * can start its window without waiting for a large body to be read.
 */
export async function exchange(
  fetch: FetchLike,
  request: WireRequest,
  timeoutMs: number,
  onAnswer?: () => void,
): Promise<WireResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  try {
    const init: FetchInitLike = {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
    };
    const response = await fetch(request.url, init);
    onAnswer?.();
    const body = response.body ? await readAsciiJson(response.body) : await response.text();
    return {
      status: response.status,
      statusText: response.statusText,
      date: response.headers.get('date'),
      body,
    };
  } catch (error) {
    throw new TransportError(classifyTransportError(error, timedOut));
  } finally {
    clearTimeout(timer);
  }
}
