/**
 * The start of one key's value, for the value preview (the `preview` read option): a string's first bytes,
 * or a collection's first elements from whatever encoding it is stored in. The value is still read to its
 * end, as any other (its element count and size are reported the same way), but only the preview is kept:
 * elements are caught by the element hook the content hash uses (p.logical), so every encoding the hash
 * walks (linked list, ziplist, listpack, quicklist 1/2, intset, hashtable, zipmap, skiplist, listpack-ex,
 * field-TTL hashes) is previewed by the same code, and what is kept never grows past the preview's size.
 * Layouts from redis `src/rdb.c`; scores as Redis answers them (`inf`, `-inf`, `nan`, shortest decimal).
 */
import type { ByteSink } from './byte-window.js';
import { LogicalHash } from './logical-hash.js';
import { lzfPrefix } from './lzf.js';
import * as C from './rdb-constants.js';
import { type RdbParser, S_INT, S_LZF, S_RAW, STR_HEAD } from './rdb-parser.js';
import { RdbFormatError, type RdbValuePreview } from './rdb-types.js';
import { streamPreview } from './stream-preview.js';
import { logicalKind, readValue, type ValueOut } from './value-readers.js';

const ascii = new TextEncoder();
const latin1 = new TextDecoder('latin1');
const L_ZSET = 3;
/** Not a content-hash kind: stream entries come as whole groups (addGroup). */
const L_STREAM = -1;

/** A sorted-set score as ZRANGE … WITHSCORES answers it. */
export function scoreText(d: number): string {
  if (Number.isNaN(d)) return 'nan';
  if (d === Number.POSITIVE_INFINITY) return 'inf';
  if (d === Number.NEGATIVE_INFINITY) return '-inf';
  return String(d);
}

/** A score stored as text (old RDB doubles, ziplist and listpack entries), as Redis parses it back. */
function parseScore(bytes: Uint8Array): number {
  const t = latin1.decode(bytes).trim().toLowerCase();
  if (t === 'inf' || t === '+inf') return Number.POSITIVE_INFINITY;
  if (t === '-inf') return Number.NEGATIVE_INFINITY;
  if (t === 'nan') return Number.NaN;
  return Number(t);
}

/** True when the two byte strings are equal. */
export function sameKey(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Keeps the first elements handed to it, in whole groups (a hash field with its value, a member with its
 * score), up to `limit` bytes; the first group is always kept, each element cut at `limit`. Hash field TTLs
 * (the third of a listpack-ex triple) are not part of the value and are dropped.
 */
export class PreviewCollector extends LogicalHash {
  #per = 1;
  #zset = false;
  #limit = 0;
  #at = 0;
  #used = 0;
  #items: Uint8Array[] = [];
  #group: Uint8Array[] = [];
  #groupBytes = 0;
  #full = false;
  #cut = false;
  /** The first bytes of an element too big for the window, as they stream past. */
  #big: Uint8Array | null = null;
  #bigLen = 0;
  #bigSize = 0;

  constructor(private readonly parser: RdbParser) {
    super();
  }

  start(kind: number, per: number, limit: number): void {
    this.begin(kind, per);
    this.#per = per;
    this.#zset = kind === L_ZSET;
    this.#limit = limit;
    this.#at = 0;
    this.#used = 0;
    this.#items = [];
    this.#group = [];
    this.#groupBytes = 0;
    this.#full = false;
    this.#cut = false;
  }

  result(): RdbValuePreview {
    return { items: this.#items, truncated: this.#cut };
  }

  override bytes(buf: Uint8Array, start: number, end: number): void {
    if (this.#full) this.#passed();
    else if (this.#zset && this.#at === 1) this.score(parseScore(buf.subarray(start, end)));
    else this.#element(buf.subarray(start, end), end - start);
  }

  override int(v: number): void {
    if (this.#full) {
      this.#passed();
      return;
    }
    const b = ascii.encode(String(v));
    this.#element(b, b.length);
  }

  override bigint(v: bigint): void {
    if (this.#full) {
      this.#passed();
      return;
    }
    const b = ascii.encode(v.toString());
    this.#element(b, b.length);
  }

  override score(d: number): void {
    if (this.#full) {
      this.#passed();
      return;
    }
    const b = ascii.encode(scoreText(d));
    this.#element(b, b.length);
  }

  override startStreamed(): ByteSink {
    this.#big = this.#full ? null : new Uint8Array(this.#limit);
    this.#bigLen = 0;
    this.#bigSize = 0;
    // An element compressed beyond what is decompressed in memory passes as its compressed bytes: not text.
    const compressed = this.parser.sKind === S_LZF;
    return {
      update: (buf, start, end) => {
        this.#bigSize += end - start;
        const big = this.#big;
        if (compressed || !big || this.#bigLen >= big.length) return;
        const n = Math.min(end - start, big.length - this.#bigLen);
        big.set(buf.subarray(start, start + n), this.#bigLen);
        this.#bigLen += n;
      },
    };
  }

  override endStreamed(): void {
    const caught = this.#big?.subarray(0, this.#bigLen) ?? new Uint8Array(0);
    this.#big = null;
    if (this.parser.sKind === S_LZF) {
      // Not shown rather than shown wrong: the preview stops before this element.
      this.#full = true;
      this.#group = [];
      this.#passed();
      return;
    }
    this.#element(caught, this.#bigSize);
  }

  /** An element after the preview is full: counted in its group, not decoded, and said to exist. */
  #passed(): void {
    this.#at = (this.#at + 1) % this.#per;
    this.#cut = true;
  }

  /** One element of `size` bytes, of which `b` holds the first (all of them unless it streamed past). */
  #element(b: Uint8Array, size: number): void {
    if (this.#full) {
      this.#passed();
      return;
    }
    const at = this.#at;
    this.#at = (at + 1) % this.#per;
    if (!(this.#per === 3 && at === 2)) {
      if (size > this.#limit) this.#cut = true;
      const kept = b.slice(0, this.#limit);
      this.#group.push(kept);
      this.#groupBytes += kept.length;
    }
    if (this.#at === 0) this.#commit();
  }

  /** True once the preview holds all it will: the rest of the value need not be decoded. */
  get full(): boolean {
    return this.#full;
  }

  /** Says more exists than the preview holds (elements passed over without being decoded). */
  markCut(): void {
    this.#cut = true;
    this.#full = true;
  }

  /** A group of elements given whole (a stream entry: its ID, then its fields and values). */
  addGroup(parts: Uint8Array[]): void {
    if (this.#full) {
      this.#cut = true;
      return;
    }
    for (const b of parts) {
      if (b.length > this.#limit) this.#cut = true;
      const kept = b.slice(0, this.#limit);
      this.#group.push(kept);
      this.#groupBytes += kept.length;
    }
    this.#commit();
  }

  /** Keeps the group just completed if it fits (the first one always), else stops the preview. */
  #commit(): void {
    if (this.#items.length > 0 && this.#used + this.#groupBytes > this.#limit) {
      this.#full = true;
      this.#cut = true;
    } else {
      for (const item of this.#group) this.#items.push(item);
      this.#used += this.#groupBytes;
      if (this.#used >= this.#limit) this.#full = true;
    }
    this.#group = [];
    this.#groupBytes = 0;
  }
}

/**
 * Reads the value of the key being previewed (its type byte and key already read), filling `out` as
 * readValue does. Returns its preview, or undefined for module values (only their module can decode them).
 */
export function* readPreview(
  p: RdbParser,
  type: number,
  valkey: boolean,
  out: ValueOut,
  collector: PreviewCollector,
  limit: number,
): Generator<number, RdbValuePreview | undefined, void> {
  if (type === C.T_STRING) return yield* stringPreview(p, out, limit);
  if (type === C.T_STREAM_LISTPACKS || type === C.T_STREAM_LISTPACKS_2 || type === C.T_STREAM_LISTPACKS_3) {
    collector.start(L_STREAM, 1, limit);
    yield* streamPreview(p, type, out, collector);
    return collector.result();
  }
  const kind = logicalKind(type, valkey);
  if (!kind) {
    yield* readValue(p, type, valkey, out);
    return undefined;
  }
  collector.start(kind[0], kind[1], limit);
  p.logical = collector;
  try {
    yield* readValue(p, type, valkey, out);
  } finally {
    p.logical = null;
  }
  return collector.result();
}

function* stringPreview(
  p: RdbParser,
  out: ValueOut,
  limit: number,
): Generator<number, RdbValuePreview, void> {
  const w = p.w;
  out.n = 1;
  out.moduleName = undefined;
  if (w.end - w.pos < STR_HEAD) yield STR_HEAD;
  const n = p.strHead();
  if (p.sKind === S_INT) {
    out.encoding = 'int';
    if (n > w.end - w.pos) yield n;
    return { bytes: ascii.encode(String(p.intValue(n))), truncated: false };
  }
  if (p.sKind === S_RAW) {
    out.encoding = 'raw';
    const take = Math.min(n, limit);
    if (take > w.end - w.pos) yield take;
    p.need(take);
    const bytes = w.buf.slice(w.pos, w.pos + take);
    yield* p.skip(n);
    return { bytes, truncated: n > limit };
  }
  out.encoding = 'lzf';
  const size = p.sULen;
  const at = p.sAt;
  // Literal runs cost one control byte per 32 bytes: this much input always yields `limit` bytes or the end.
  const take = Math.min(n, limit + (limit >> 4) + 16);
  if (take > w.end - w.pos) yield take;
  p.need(take);
  const want = Math.min(size, limit);
  const bytes = new Uint8Array(want);
  if (lzfPrefix(w.buf, w.pos, w.pos + take, bytes, want) !== want)
    throw new RdbFormatError(at, `LZF data that expands to ${size} bytes`);
  yield* p.skip(n);
  return { bytes, truncated: size > limit };
}
