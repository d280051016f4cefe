/**
 * A hash of what a collection holds rather than how it is stored, so comparing two backups does not call
 * a key changed because Redis re-encoded it (a hashtable hash reloaded as a listpack, a set rebuilt in
 * another iteration order after a restart or failover). Elements are hashed in canonical form (integers as
 * decimal text, LZF strings decompressed, sorted-set scores as float64) and combined in order for lists,
 * and order-independently (a sum of group hashes) for sets, hashes and sorted sets. Hash field TTLs are
 * left out: they are not the field's data. Entry layouts from redis `src/listpack.c`, `src/ziplist.c`,
 * `src/intset.c`, `src/zipmap.c`.
 */
import type { ByteSink } from './byte-window.js';
import { readU32LE } from './crc64.js';
import { B_INTSET, B_LISTPACK, B_ZIPLIST } from './rdb-constants.js';
import { fmix, hashPair, hex64, ValueHash, WordMix } from './value-hash.js';

export const L_LIST = 0;
export const L_SET = 1;
export const L_HASH = 2;
export const L_ZSET = 3;

const digits = new Uint8Array(24);
const f64 = new Float64Array(1);
const f64Bytes = new Uint8Array(f64.buffer);
const text = new TextDecoder('latin1');

export class LogicalHash {
  private kind = L_LIST;
  /** Elements per group: 1 for lists and sets, 2 for hashes and sorted sets, 3 for hashes with TTLs. */
  private per = 1;
  private pos = 0;
  private count = 0;
  private s1 = 0;
  private s2 = 0;
  private readonly element = new ValueHash();
  /** The first element's hash of the group being read (a field or member), until the second comes. */
  private first1 = 0;
  private first2 = 0;
  private readonly groupLanes = new Int32Array(2);
  private readonly ordered = new WordMix();
  private readonly lanes = new Int32Array(2);

  begin(kind: number, per: number): void {
    this.kind = kind;
    this.per = per;
    this.pos = 0;
    this.count = 0;
    this.s1 = 0;
    this.s2 = 0;
    this.ordered.reset();
  }

  /** True when the next element is a sorted-set score (canonicalised as a number, not hashed as text). */
  get scoreNext(): boolean {
    return this.kind === L_ZSET && this.pos === 1;
  }

  /** An element given as bytes. */
  bytes(buf: Uint8Array, start: number, end: number): void {
    if (this.scoreNext) {
      this.score(parseScore(text.decode(buf.subarray(start, end))));
      return;
    }
    this.element.once(buf, start, end, this.lanes);
    this.fold();
  }

  /** An element stored as an integer: hashed as its decimal text, as Redis would answer it. */
  int(v: number): void {
    if (this.scoreNext) {
      this.score(v);
      return;
    }
    let n = Math.abs(v);
    let i = digits.length;
    do {
      digits[--i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    if (v < 0) digits[--i] = 45;
    this.bytes(digits, i, digits.length);
  }

  bigint(v: bigint): void {
    if (this.scoreNext) {
      this.score(Number(v));
      return;
    }
    const b = new TextEncoder().encode(v.toString());
    this.bytes(b, 0, b.length);
  }

  score(d: number): void {
    f64[0] = d === 0 ? 0 : d;
    this.element.once(f64Bytes, 0, 8, this.lanes);
    this.fold();
  }

  /** A big element passing through in pieces: start, then update as bytes pass, then end. */
  startStreamed(): ByteSink {
    this.element.reset();
    return this.element;
  }

  endStreamed(): void {
    this.element.finish(this.lanes);
    this.fold();
  }

  /** Folds the element hash in `lanes` into its group, and a finished group into the whole. */
  private fold(): void {
    const l = this.lanes;
    // A group of one element (lists, sets) is that element's hash, already a finished 64-bit hash.
    if (this.per === 1) {
      this.count++;
      this.whole(l);
      return;
    }
    // A group is its first two elements, in order (field and value, member and score); a hash field's TTL
    // (the third of a triple) is not data.
    if (this.pos === 0) {
      this.first1 = l[0] as number;
      this.first2 = l[1] as number;
    } else if (this.pos === 1) {
      hashPair(this.first1, this.first2, l[0] as number, l[1] as number, this.groupLanes);
    }
    if (++this.pos < this.per) return;
    this.pos = 0;
    this.count++;
    this.whole(this.groupLanes);
  }

  /** Folds a group's hash into the whole: in order for lists, as a sum for the rest. */
  private whole(l: Int32Array): void {
    if (this.kind === L_LIST) {
      this.ordered.mix(l[0] as number);
      this.ordered.mix(l[1] as number);
    } else {
      this.s1 = (this.s1 + (l[0] as number)) | 0;
      this.s2 = (this.s2 + (l[1] as number)) | 0;
    }
  }

  digest(): string {
    this.finish(this.lanes);
    return hex64(this.lanes[0] as number, this.lanes[1] as number);
  }

  /** The finished 64-bit hash as two 32-bit lanes, in out[0] and out[1]. */
  finish(out: Int32Array): void {
    if (this.kind === L_LIST) {
      this.ordered.finish(out);
      return;
    }
    out[0] = fmix(this.s1 ^ this.count ^ (this.kind << 24));
    out[1] = fmix(this.s2 + this.count);
  }

  /** Every entry of a compact blob in src[s, s+n) (already checked by the counting pass). */
  blob(kind: number, src: Uint8Array, s: number, n: number): void {
    if (kind === B_LISTPACK) this.listpack(src, s, n);
    else if (kind === B_ZIPLIST) this.ziplist(src, s, n);
    else if (kind === B_INTSET) this.intset(src, s);
    else this.zipmap(src, s, n);
  }

  private listpack(b: Uint8Array, s: number, n: number): void {
    let p = s + 6;
    const end = s + n - 1;
    while (p < end) {
      const enc = b[p] as number;
      let len: number;
      if (enc < 0x80) {
        this.int(enc);
        len = 1;
      } else if (enc >> 6 === 2) {
        len = 1 + (enc & 0x3f);
        this.bytes(b, p + 1, p + len);
      } else if (enc >> 5 === 6) {
        const v = ((enc & 0x1f) << 8) | (b[p + 1] as number);
        this.int(v >= 4096 ? v - 8192 : v);
        len = 2;
      } else if (enc >> 4 === 14) {
        len = 2 + (((enc & 0x0f) << 8) | (b[p + 1] as number));
        this.bytes(b, p + 2, p + len);
      } else if (enc === 0xf0) {
        len = 5 + readU32LE(b, p + 1);
        this.bytes(b, p + 5, p + len);
      } else {
        len = enc === 0xf1 ? 3 : enc === 0xf2 ? 4 : enc === 0xf3 ? 5 : 9;
        this.intLE(b, p + 1, len - 1);
      }
      p += len + (len < 128 ? 1 : len < 16384 ? 2 : len < 2097152 ? 3 : len < 268435456 ? 4 : 5);
    }
  }

  private ziplist(b: Uint8Array, s: number, n: number): void {
    let p = s + 10;
    const end = s + n - 1;
    while (p < end) {
      p += (b[p] as number) < 254 ? 1 : 5;
      const enc = b[p] as number;
      if (enc >> 6 === 0) {
        const l = enc & 0x3f;
        this.bytes(b, p + 1, p + 1 + l);
        p += 1 + l;
      } else if (enc >> 6 === 1) {
        const l = ((enc & 0x3f) << 8) | (b[p + 1] as number);
        this.bytes(b, p + 2, p + 2 + l);
        p += 2 + l;
      } else if (enc === 0x80) {
        const l =
          (b[p + 1] as number) * 0x1000000 +
          (((b[p + 2] as number) << 16) | ((b[p + 3] as number) << 8) | (b[p + 4] as number));
        this.bytes(b, p + 5, p + 5 + l);
        p += 5 + l;
      } else if (enc >= 0xf1 && enc <= 0xfd) {
        this.int((enc & 0x0f) - 1);
        p += 1;
      } else {
        const size = enc === 0xc0 ? 2 : enc === 0xd0 ? 4 : enc === 0xe0 ? 8 : enc === 0xf0 ? 3 : 1;
        this.intLE(b, p + 1, size);
        p += 1 + size;
      }
    }
  }

  private intset(b: Uint8Array, s: number): void {
    const width = readU32LE(b, s);
    const count = readU32LE(b, s + 4);
    for (let i = 0; i < count; i++) this.intLE(b, s + 8 + i * width, width);
  }

  private zipmap(b: Uint8Array, s: number, n: number): void {
    let p = s + 1;
    const end = s + n;
    let value = false;
    while (p < end && b[p] !== 0xff) {
      let len = b[p] as number;
      if (len < 254) p += 1;
      else {
        len = readU32LE(b, p + 1);
        p += 5;
      }
      let free = 0;
      if (value) free = b[p++] as number;
      this.bytes(b, p, p + len);
      p += len + free;
      value = !value;
    }
  }

  /** A little-endian signed integer of 1, 2, 3, 4 or 8 bytes. */
  private intLE(b: Uint8Array, at: number, size: number): void {
    if (size === 8) {
      const lo = readU32LE(b, at);
      const hi =
        (b[at + 4] as number) |
        ((b[at + 5] as number) << 8) |
        ((b[at + 6] as number) << 16) |
        ((b[at + 7] as number) << 24);
      const v = hi * 0x100000000 + lo;
      if (Number.isSafeInteger(v)) this.int(v);
      else this.bigint((BigInt(hi) << 32n) + BigInt(lo));
      return;
    }
    let v = 0;
    for (let i = size - 1; i >= 0; i--) v = v * 256 + (b[at + i] as number);
    const bits = 8 * size;
    if (v >= 2 ** (bits - 1)) v -= 2 ** bits;
    this.int(v);
  }
}

/** A score as Redis writes it in text ("1.5", "inf", "-inf", "nan"). */
function parseScore(s: string): number {
  const t = s.trim().toLowerCase();
  if (t === 'inf' || t === '+inf') return Number.POSITIVE_INFINITY;
  if (t === '-inf') return Number.NEGATIVE_INFINITY;
  return Number(t);
}
