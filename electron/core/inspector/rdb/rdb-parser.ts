/**
 * The RDB grammar's primitives over the byte window: lengths, strings (raw, integer, LZF) and compact
 * blobs, from redis `src/rdb.c` (rdbLoadLenByRef, rdbGenericLoadStringObject, rdbLoadLzfStringObject,
 * rdbLoadIntegerObject) and `src/rdb.h` (RDB_6BITLEN, RDB_14BITLEN, RDB_32BITLEN 0x80, RDB_64BITLEN 0x81,
 * RDB_ENC_INT8/16/32, RDB_ENC_LZF). The synchronous ones work on bytes the caller made sure are buffered and
 * report a shortfall as truncation; the generator ones yield the number of bytes they need (0 asks the
 * driver to stream `skipLeft` bytes through) and resume once the window holds them.
 */
import type { ByteWindow } from './byte-window.js';
import { intsetEntries, listpackEntries, ziplistEntries, zipmapPairs } from './containers.js';
import type { LogicalHash } from './logical-hash.js';
import { lzfDecompress } from './lzf.js';
import { B_INTSET, B_LISTPACK, B_ZIPLIST } from './rdb-constants.js';
import { RdbFormatError } from './rdb-types.js';

/** Payloads up to this size are buffered whole; bigger ones stream through the window. */
export const STREAM_THRESHOLD = 256 << 10;
/** Largest compact blob (ziplist, listpack, intset, zipmap) the reader decodes: they are tiny in practice. */
export const MAX_BLOB = 64 << 20;
/** The longest string header: the LZF marker and two 9-byte lengths. */
export const STR_HEAD = 19;

const ascii = new TextEncoder();

export const S_RAW = 0;
export const S_INT = 1;
export const S_LZF = 2;

export type Need = Generator<number, void, void>;

export { B_INTSET, B_LISTPACK, B_ZIPLIST, B_ZIPMAP } from './rdb-constants.js';

export class RdbParser {
  /** Kind of the last string header read: S_RAW, S_INT or S_LZF. */
  sKind = S_RAW;
  /** Uncompressed length of the last LZF string. */
  sULen = 0;
  /** File offset of the last string header. */
  sAt = 0;
  private scratch = new Uint8Array(64 << 10);
  /** Set while a collection value is hashed by content (hashValues); blobs then feed it their entries. */
  logical: LogicalHash | null = null;

  constructor(readonly w: ByteWindow) {}

  truncated(n: number): RdbFormatError {
    return new RdbFormatError(
      this.w.offset,
      `${n - (this.w.end - this.w.pos)} more bytes`,
      'the file ends early',
    );
  }

  need(n: number): void {
    if (this.w.end - this.w.pos < n) throw this.truncated(n);
  }

  u8(): number {
    this.need(1);
    const w = this.w;
    return w.buf[w.pos++] as number;
  }

  /** Reads an RDB length; an encoded-value marker here is corruption. */
  len(what: string): number {
    const w = this.w;
    const at = w.offset;
    this.need(1);
    const b = w.buf[w.pos] as number;
    const kind = b >> 6;
    if (kind === 0) {
      w.pos++;
      return b & 0x3f;
    }
    if (kind === 1) {
      this.need(2);
      w.pos += 2;
      return ((b & 0x3f) << 8) | (w.buf[w.pos - 1] as number);
    }
    if (b === 0x80) {
      this.need(5);
      const p = w.pos;
      w.pos += 5;
      const c = w.buf;
      return (
        (c[p + 1] as number) * 0x1000000 +
        (((c[p + 2] as number) << 16) | ((c[p + 3] as number) << 8) | (c[p + 4] as number))
      );
    }
    if (b === 0x81) {
      this.need(9);
      const p = w.pos;
      w.pos += 9;
      const c = w.buf;
      let v = 0;
      for (let i = 1; i <= 8; i++) v = v * 256 + (c[p + i] as number);
      return v;
    }
    throw new RdbFormatError(at, what, `length byte 0x${b.toString(16)}`);
  }

  /** Reads a 64-bit length exactly (module ids use all 64 bits). */
  len64(what: string): bigint {
    const w = this.w;
    this.need(1);
    if (w.buf[w.pos] === 0x81) {
      this.need(9);
      let v = 0n;
      for (let i = 1; i <= 8; i++) v = (v << 8n) | BigInt(w.buf[w.pos + i] as number);
      w.pos += 9;
      return v;
    }
    return BigInt(this.len(what));
  }

  /**
   * Reads a string header and returns how many payload bytes follow in the file (the integer's bytes for
   * an integer-encoded string, the compressed bytes for LZF). Sets sKind and sULen.
   */
  strHead(): number {
    const w = this.w;
    this.sAt = w.offset;
    this.need(1);
    const b = w.buf[w.pos] as number;
    if (b >> 6 !== 3) {
      this.sKind = S_RAW;
      return this.len('a string length');
    }
    w.pos++;
    const enc = b & 0x3f;
    if (enc <= 2) {
      this.sKind = S_INT;
      return enc === 0 ? 1 : enc === 1 ? 2 : 4;
    }
    if (enc === 3) {
      this.sKind = S_LZF;
      const clen = this.len('an LZF compressed length');
      this.sULen = this.len('an LZF original length');
      if (clen === 0 || this.sULen === 0)
        throw new RdbFormatError(this.sAt, 'an LZF string with non-zero lengths');
      return clen;
    }
    throw new RdbFormatError(this.sAt, 'a string encoding (int8, int16, int32 or LZF)', `encoding ${enc}`);
  }

  /** After strHead: the string's bytes, decoded (integers as decimal text, LZF decompressed). For keys and AUX. */
  strValue(n: number): Uint8Array {
    const w = this.w;
    this.need(n);
    const p = w.pos;
    w.pos += n;
    if (this.sKind === S_RAW) return w.buf.subarray(p, p + n);
    if (this.sKind === S_INT) {
      const c = w.buf;
      const v =
        n === 1
          ? ((c[p] as number) << 24) >> 24
          : n === 2
            ? (((c[p] as number) | ((c[p + 1] as number) << 8)) << 16) >> 16
            : (c[p] as number) |
              ((c[p + 1] as number) << 8) |
              ((c[p + 2] as number) << 16) |
              ((c[p + 3] as number) << 24);
      return ascii.encode(String(v));
    }
    if (this.sULen > MAX_BLOB)
      throw new RdbFormatError(
        this.sAt,
        `a compressed key or AUX string of at most ${MAX_BLOB} bytes`,
        `${this.sULen}`,
      );
    const out = new Uint8Array(this.sULen);
    if (lzfDecompress(w.buf, p, p + n, out, this.sULen) !== this.sULen)
      throw new RdbFormatError(this.sAt, `LZF data that expands to ${this.sULen} bytes`);
    return out;
  }

  /** After strHead of an integer-encoded string: its value. */
  intValue(n: number): number {
    this.need(n);
    const w = this.w;
    const c = w.buf;
    const p = w.pos;
    w.pos += n;
    if (n === 1) return ((c[p] as number) << 24) >> 24;
    if (n === 2) return (((c[p] as number) | ((c[p + 1] as number) << 8)) << 16) >> 16;
    return (
      (c[p] as number) |
      ((c[p + 1] as number) << 8) |
      ((c[p + 2] as number) << 16) |
      ((c[p + 3] as number) << 24)
    );
  }

  /** After strHead of an LZF string whose n compressed bytes are buffered: its bytes, in the scratch buffer. */
  lzfValue(n: number): Uint8Array {
    const w = this.w;
    const size = this.sULen;
    if (size > MAX_BLOB)
      throw new RdbFormatError(this.sAt, `a compressed element of at most ${MAX_BLOB} bytes`, `${size}`);
    if (this.scratch.length < size) this.scratch = new Uint8Array(Math.max(size, this.scratch.length * 2));
    if (lzfDecompress(w.buf, w.pos, w.pos + n, this.scratch, size) !== size)
      throw new RdbFormatError(this.sAt, `LZF data that expands to ${size} bytes`);
    w.pos += n;
    return this.scratch.subarray(0, size);
  }

  /** Passes n payload bytes: in the window when they are there, streamed through otherwise. */
  *skip(n: number): Need {
    const w = this.w;
    if (n <= w.end - w.pos) {
      w.pos += n;
      return;
    }
    if (n <= STREAM_THRESHOLD) {
      yield n;
      this.need(n);
      w.pos += n;
      return;
    }
    w.skipLeft = n;
    yield 0;
  }

  /** Reads one string and drops its payload. */
  *str(): Need {
    const w = this.w;
    if (w.end - w.pos < STR_HEAD) yield STR_HEAD;
    const n = this.strHead();
    if (n <= w.end - w.pos) w.pos += n;
    else yield* this.skip(n);
  }

  /** Reads one string holding a compact encoding and returns its entry count. */
  *blob(kind: number, out: { n: number }): Need {
    const w = this.w;
    if (w.end - w.pos < STR_HEAD) yield STR_HEAD;
    const n = this.strHead();
    const at = this.sAt;
    if (this.sKind === S_INT)
      throw new RdbFormatError(at, 'a string holding an encoded collection', 'an integer');
    const size = this.sKind === S_LZF ? this.sULen : n;
    if (n > MAX_BLOB || size > MAX_BLOB)
      throw new RdbFormatError(at, `an encoded collection of at most ${MAX_BLOB} bytes`, `${size} bytes`);
    if (n > w.end - w.pos) {
      yield n;
      this.need(n);
    }
    const p = w.pos;
    w.pos += n;
    out.n = this.countBlob(kind, p, n, at);
  }

  /** Counts the entries of the blob at buf[p, p+n) (decompressing it first when it is LZF). */
  countBlob(kind: number, p: number, n: number, at: number): number {
    let src = this.w.buf;
    let start = p;
    let size = n;
    if (this.sKind === S_LZF) {
      size = this.sULen;
      if (this.scratch.length < size) this.scratch = new Uint8Array(Math.max(size, this.scratch.length * 2));
      if (lzfDecompress(src, p, p + n, this.scratch, size) !== size)
        throw new RdbFormatError(at, `LZF data that expands to ${size} bytes`);
      src = this.scratch;
      start = 0;
    }
    const count =
      kind === B_ZIPLIST
        ? ziplistEntries(src, start, size, at)
        : kind === B_LISTPACK
          ? listpackEntries(src, start, size, at)
          : kind === B_INTSET
            ? intsetEntries(src, start, size, at)
            : zipmapPairs(src, start, size, at);
    if (this.logical) this.logical.blob(kind, src, start, size);
    if (this.scratch.length > 1 << 20) this.scratch = new Uint8Array(64 << 10);
    return count;
  }
}
