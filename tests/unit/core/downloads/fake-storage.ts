/**
 * An in-memory object storage for the download tests, speaking the HTTP the download code reads: signed
 * links that expire (COS-style `q-sign-time=start;end`), Range → 206 with Content-Range, 403 XML bodies, and
 * faults — a connection cut after N bytes, a Range ignored (200), a wrong Content-Range, a pause.
 */
import type { DownloadFetch } from '../../../../electron/core/downloads/file-fetch';

export interface StorageFaults {
  /** The next body errors after this many bytes (once). */
  cutAfter?: number;
  /** Answers 200 with the whole object even to a Range request. */
  ignoreRange?: boolean;
  /** The next 206 names another start than asked (once). */
  wrongRange?: boolean;
  /** Every answer is 403 with this body while set. */
  deny?: string;
  /** The next body waits for this before its second chunk (once). */
  hold?: Promise<void>;
}

export const EXPIRED_XML =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
export const DENIED_XML =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied.</Message></Error>';

export class FakeStorage {
  readonly objects = new Map<string, Buffer>();
  readonly requests: Array<{ path: string; range: string | undefined; status: number }> = [];
  faults: StorageFaults = {};
  /** Links without a sign time (like the legacy API's) expire when their token is listed here. */
  readonly expiredTokens = new Set<string>();
  #serial = 0;
  readonly #now: () => number;
  readonly chunkBytes: number;

  constructor(now: () => number, chunkBytes = 4096) {
    this.#now = now;
    this.chunkBytes = chunkBytes;
  }

  /** A signed link valid until `endMs` (COS form), or a token link when `endMs` is undefined. */
  link(path: string, endMs?: number): string {
    this.#serial++;
    if (endMs === undefined) return `https://storage.test/${path}?token=t${this.#serial}`;
    const start = Math.floor(this.#now() / 1000) - 1;
    const sign = `q-sign-algorithm=sha1&q-sign-time=${start};${Math.floor(endMs / 1000)}&q-signature=s${this.#serial}`;
    return `https://storage.test/${path}?sign=${encodeURIComponent(sign)}`;
  }

  readonly fetch: DownloadFetch = async (url, init) => {
    const parsed = new URL(url);
    const path = parsed.pathname.slice(1);
    const range = init.headers.Range;
    const answer = (status: number, body: BodyInit | null, headers: Record<string, string> = {}) => {
      this.requests.push({ path, range, status });
      return new Response(body, { status, headers });
    };
    if (this.faults.deny) return answer(403, this.faults.deny, { 'content-type': 'application/xml' });
    const token = parsed.searchParams.get('token');
    const sign = new URLSearchParams(parsed.searchParams.get('sign') ?? '');
    const end = Number((sign.get('q-sign-time') ?? '').split(';')[1] ?? Number.NaN);
    if ((token && this.expiredTokens.has(token)) || (Number.isFinite(end) && end * 1000 < this.#now())) {
      return answer(403, EXPIRED_XML);
    }
    const object = this.objects.get(path);
    if (!object) return answer(404, '<Error><Code>NoSuchKey</Code></Error>');
    let from = 0;
    const match = /^bytes=(\d+)-$/.exec(range ?? '');
    if (match && !this.faults.ignoreRange) {
      from = Number(match[1]);
      if (from >= object.length) return answer(416, '', { 'content-range': `bytes */${object.length}` });
    }
    if (match && !this.faults.ignoreRange) {
      // A server that serves (and names) another start than the one asked for: one byte further.
      const shown = this.faults.wrongRange ? Math.min(object.length - 1, from + 1) : from;
      this.faults.wrongRange = false;
      const slice = object.subarray(shown);
      return answer(206, this.#stream(slice, init.signal), {
        'content-range': `bytes ${shown}-${object.length - 1}/${object.length}`,
        'content-length': String(slice.length),
      });
    }
    return answer(200, this.#stream(object, init.signal), { 'content-length': String(object.length) });
  };

  #stream(bytes: Buffer, signal: AbortSignal): ReadableStream<Uint8Array> {
    const cut = this.faults.cutAfter;
    this.faults.cutAfter = undefined;
    const hold = this.faults.hold;
    this.faults.hold = undefined;
    let at = 0;
    let chunks = 0;
    return new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        if (chunks === 1 && hold) await Promise.race([hold, aborted(signal)]);
        if (signal.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
        if (cut !== undefined && at >= cut) return controller.error(new TypeError('terminated'));
        if (at >= bytes.length) return controller.close();
        const end = Math.min(bytes.length, at + this.chunkBytes, cut ?? Number.POSITIVE_INFINITY);
        controller.enqueue(new Uint8Array(bytes.subarray(at, end)));
        at = end;
        chunks++;
      },
    });
  }
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Deterministic pseudo-random bytes that start like an RDB file. */
export function rdbLike(size: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  bytes.write('REDIS0011', 0, 'latin1');
  return bytes;
}
