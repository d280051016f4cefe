/**
 * Large bridge messages travel over HTTP, not over the WebSocket. The socket then carries a small notice,
 * `{"id":6,"parcel":"<hex>"}` (or `{"event":…,"parcel":…}`), and the page fetches the message itself from
 * `/bridge/parcel/<hex>` with its session key, once.
 *
 * Why: in this Chromium, one very large WebSocket message (the cached fleet of 100,000 instances) was slow
 * to arrive and then froze the page's main thread while Chromium released the message's chunks
 * (`websocket_message_chunk_accumulator.cc`); the same bytes over `fetch` arrived faster with no freeze,
 * and splitting the message into many WebSocket messages was slower still (figures in docs/BENCHMARKS.md,
 * Design measurements).
 *
 * A parcel is JSON escaped to ASCII (`\uXXXX` for everything above U+007F, which JSON.parse turns back).
 * Any Chinese text (a project name such as 默认项目, the cloud's status text) makes Chromium decode the
 * bytes into a two-byte string on a slow path: for the sandbox's 100,000-instance answer, decoding and
 * JSON.parse took 1.2–1.7 s as UTF-8 against 0.35–0.6 s as ASCII. Escaping costs the core about 0.3 s more
 * than plain UTF-8 encoding, off the page's thread.
 */
import { randomBytes } from 'node:crypto';

/** Messages at least this long (in UTF-16 code units) go as parcels; smaller ones as text frames. */
export const PARCEL_CHARS = 64 * 1024;

/** Where the page fetches a parcel: `/bridge/parcel/<id>`. */
export const PARCEL_PATH = '/bridge/parcel/';

/** A parcel's id: 128 random bits, hex. */
export const PARCEL_ID = /^[0-9a-f]{32}$/;

/** How long an unfetched parcel is kept: a page that went away never fetches its parcels. */
const PARCEL_TTL_MS = 60_000;

export class ParcelStore {
  readonly #parcels = new Map<string, { body: Buffer; timer: NodeJS.Timeout; owner: object | undefined }>();
  readonly #ttlMs: number;

  constructor(ttlMs = PARCEL_TTL_MS) {
    this.#ttlMs = ttlMs;
  }

  /** Keeps `body` for one fetch by `owner` (its connection) and returns its id. */
  put(body: Buffer, owner?: object): string {
    const id = randomBytes(16).toString('hex');
    const timer = setTimeout(() => this.#parcels.delete(id), this.#ttlMs);
    timer.unref();
    this.#parcels.set(id, { body, timer, owner });
    return id;
  }

  /** Drops the parcels of a connection that closed: its page will never fetch them. */
  dropOwnedBy(owner: object): void {
    for (const [id, parcel] of this.#parcels) {
      if (parcel.owner !== owner) continue;
      clearTimeout(parcel.timer);
      this.#parcels.delete(id);
    }
  }

  /**
   * The parcel's body, once: a second fetch of the same id finds nothing. With `owner`, only the connection
   * the parcel was put for may take it; another's attempt leaves it waiting for its page.
   */
  take(id: string, owner?: object): Buffer | undefined {
    const parcel = this.#parcels.get(id);
    if (!parcel || (owner !== undefined && parcel.owner !== owner)) return undefined;
    clearTimeout(parcel.timer);
    this.#parcels.delete(id);
    return parcel.body;
  }

  get size(): number {
    return this.#parcels.size;
  }

  clear(): void {
    for (const { timer } of this.#parcels.values()) clearTimeout(timer);
    this.#parcels.clear();
  }
}

const HEX = '0123456789abcdef';

/**
 * `json` as ASCII bytes: every UTF-16 code unit above U+007F becomes a `\uXXXX` escape. That is valid only
 * because JSON.stringify puts such characters nowhere but inside strings, where an escape means the same
 * character (a surrogate pair becomes two escapes, which JSON.parse joins again).
 */
export function asciiJsonBytes(json: string): Buffer {
  let wide = 0;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) wide++;
  if (wide === 0) return Buffer.from(json, 'latin1');
  const out = Buffer.allocUnsafe(json.length + 5 * wide);
  let o = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c <= 0x7f) {
      out[o++] = c;
      continue;
    }
    out[o++] = 0x5c; // backslash
    out[o++] = 0x75; // u
    out[o++] = HEX.charCodeAt(c >> 12);
    out[o++] = HEX.charCodeAt((c >> 8) & 15);
    out[o++] = HEX.charCodeAt((c >> 4) & 15);
    out[o++] = HEX.charCodeAt(c & 15);
  }
  return out;
}
