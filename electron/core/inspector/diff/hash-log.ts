/**
 * One backup's keys for a diff, as a log of fixed-size records in one typed array (24 bytes a key, no object
 * or name per key): a 64-bit hash of (database, key), the reader's 64-bit value hash, a prefix id and the
 * key's place in the backup's stream. Filled in stream order (appends only, no random memory access), then
 * sorted by key hash so that two backups compare in one linear merge. Two different keys share a 64-bit hash
 * with a chance of about n² / 2⁶⁵ (under one in a hundred thousand at ten million keys); such a pair would be
 * counted as one key.
 */
import type { RdbKeyEntry } from '../rdb/rdb-types';
import { wasmRadix } from './radix-wasm';

/** Words per record: key hash (2), value hash (2), prefix id (bit 31: matched in the diff), stream index. */
export const STRIDE = 6;
export const MATCHED = 0x80000000;

/**
 * A 64-bit hash of (db, key) as two 32-bit halves: two MurmurHash3-style lanes over the key's 4-byte
 * little-endian words, then multiply-xorshift steps over its last bytes, then MurmurHash3's finaliser.
 */
export function keyHash(db: number, key: Uint8Array, out: Uint32Array): void {
  let h1 = 0x9e3779b9 ^ db;
  let h2 = 0x85ebca6b ^ Math.imul(db, 0xc2b2ae35);
  const n = key.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const w =
      (key[i] as number) |
      ((key[i + 1] as number) << 8) |
      ((key[i + 2] as number) << 16) |
      ((key[i + 3] as number) << 24);
    // MurmurHash3's word step in each lane, with other constants in the second.
    let k = Math.imul(w, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h1 ^= Math.imul(k, 0x1b873593);
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    let j = Math.imul(w, 0x85ebca77);
    j = (j << 17) | (j >>> 15);
    h2 ^= Math.imul(j, 0xc2b2ae3d);
    h2 = (h2 << 11) | (h2 >>> 21);
    h2 = (Math.imul(h2, 9) + 0x27d4eb2f) | 0;
  }
  for (; i < n; i++) {
    const b = key[i] as number;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= n;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x7feb352d);
  h2 = Math.imul(h2 ^ (h2 >>> 15), 0x846ca68b);
  h2 ^= h2 >>> 16;
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}

/** A hex digit's value, or -1; indexed by char code. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** The reader's value hash as two unsigned 32-bit halves: from its lanes, else from its 16 hex digits. */
export function valueHalves(entry: RdbKeyEntry, out: Uint32Array): void {
  const lanes = entry.valueLanes;
  if (lanes !== undefined) {
    out[0] = lanes[0] as number;
    out[1] = lanes[1] as number;
    return;
  }
  const hex = entry.valueHash;
  let hi = 0;
  let lo = 0;
  let bad = hex === undefined || hex.length !== 16;
  if (hex !== undefined && !bad) {
    for (let i = 0; i < 16; i++) {
      const d = HEX[hex.charCodeAt(i)] ?? -1;
      if (d < 0) bad = true;
      if (i < 8) hi = hi * 16 + d;
      else lo = lo * 16 + d;
    }
  }
  if (bad) throw new Error('the RDB reader did not hash the values it was asked to hash');
  out[0] = hi;
  out[1] = lo;
}

/** Records are appended to one of 64 buckets by the top 6 bits of the key hash, sorted bucket by bucket. */
const BUCKETS = 64;
/** Records per page of a bucket: pages are appended, never copied, as a bucket grows. */
const PAGE = 4096;

export class HashLog {
  /** After sort(): every record, in key-hash order. */
  records: Uint32Array;
  count = 0;
  /** Each bucket's full pages, then its current page (the last), filled up to #lengths. */
  #pages: Uint32Array[][] = [];
  #current: Uint32Array[] = [];
  #lengths = new Int32Array(BUCKETS);
  #sizes = new Float64Array(BUCKETS);

  constructor(records: Uint32Array = new Uint32Array(0), count = 0) {
    this.records = records;
    this.count = count;
    if (count === 0) {
      for (let b = 0; b < BUCKETS; b++) {
        const page = new Uint32Array(STRIDE * 64);
        this.#current.push(page);
        this.#pages.push([page]);
      }
    }
  }

  add(k1: number, k2: number, v1: number, v2: number, prefix: number): void {
    const b = k1 >>> 26;
    let r = this.#current[b] as Uint32Array;
    let at = this.#lengths[b] as number;
    if (at + STRIDE > r.length) {
      r = this.#newPage(b);
      at = 0;
    }
    r[at] = k1;
    r[at + 1] = k2;
    r[at + 2] = v1;
    r[at + 3] = v2;
    r[at + 4] = prefix;
    r[at + 5] = this.count;
    this.#lengths[b] = at + STRIDE;
    this.count += 1;
  }

  /** Starts a new page for bucket b: the first few double from a small one, so tiny logs stay tiny. */
  #newPage(b: number): Uint32Array {
    const full = this.#current[b] as Uint32Array;
    this.#sizes[b] = (this.#sizes[b] as number) + full.length;
    const page = new Uint32Array(Math.min(full.length * 2, STRIDE * PAGE));
    (this.#pages[b] as Uint32Array[]).push(page);
    this.#current[b] = page;
    this.#lengths[b] = 0;
    return page;
  }

  /**
   * Sorts the records by (key hash, stream order) into one array: each bucket (a few MB at ten million keys,
   * so its passes stay near the processor's caches, unlike passes over the whole log) by an LSD radix sort
   * of the first half's low 26 bits, two stable passes of 13 bits in WebAssembly (radix-wasm.ts: a record
   * moves as three 64-bit words, with no bounds check per word); then each run of equal first halves (rare
   * and short) by an insertion sort on the second half. With `dedupe`, only the last record of a key in
   * stream order is kept, as a map would keep it.
   */
  sort(dedupe: boolean): void {
    const n = this.count;
    const out = new Uint32Array(n * STRIDE);
    const radix = wasmRadix();
    let offset = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const pages = this.#pages[b] as Uint32Array[];
      const last = this.#lengths[b] as number;
      const size = (this.#sizes[b] as number) + last;
      radix.sortInto(
        size,
        (into) => {
          let at = 0;
          for (let p = 0; p < pages.length; p++) {
            const page = pages[p] as Uint32Array;
            const len = p === pages.length - 1 ? last : page.length;
            into.set(len === page.length ? page : page.subarray(0, len), at);
            at += len;
          }
        },
        out,
        offset,
      );
      offset += size;
      this.#pages[b] = [];
      this.#current[b] = EMPTY;
    }
    this.records = out;
    sortRuns(out, n);
    if (dedupe) this.count = dedupeLast(out, n);
  }

  /** The index of the record of a key (the log must be sorted and deduplicated), or -1. */
  find(k1: number, k2: number): number {
    const r = this.records;
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const a = r[mid * STRIDE] as number;
      const b = r[mid * STRIDE + 1] as number;
      if (a === k1 && b === k2) return mid;
      if (a < k1 || (a === k1 && b < k2)) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

const EMPTY = new Uint32Array(0);

const tmp = new Uint32Array(STRIDE);

/** Orders each run of equal first halves by (second half, stream index). */
function sortRuns(r: Uint32Array, n: number): void {
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && r[end * STRIDE] === r[start * STRIDE]) end++;
    for (let i = start + 1; i < end; i++) {
      tmp.set(r.subarray(i * STRIDE, i * STRIDE + STRIDE));
      let j = i - 1;
      while (j >= start && before(tmp, r, j)) {
        r.copyWithin((j + 1) * STRIDE, j * STRIDE, j * STRIDE + STRIDE);
        j--;
      }
      r.set(tmp, (j + 1) * STRIDE);
    }
    start = end;
  }
}

function before(t: Uint32Array, r: Uint32Array, j: number): boolean {
  const k2 = r[j * STRIDE + 1] as number;
  return (
    (t[1] as number) < k2 || ((t[1] as number) === k2 && (t[5] as number) < (r[j * STRIDE + 5] as number))
  );
}

/** Keeps the last record of each key (records sorted by key, then stream index); answers the new count. */
function dedupeLast(r: Uint32Array, n: number): number {
  let out = 0;
  for (let i = 0; i < n; i++) {
    const next = i + 1;
    if (next < n && r[next * STRIDE] === r[i * STRIDE] && r[next * STRIDE + 1] === r[i * STRIDE + 1])
      continue;
    if (out !== i) r.copyWithin(out * STRIDE, i * STRIDE, i * STRIDE + STRIDE);
    out++;
  }
  return out;
}
