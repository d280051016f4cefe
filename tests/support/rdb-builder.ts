/**
 * Writes RDB files byte by byte for tests, including the encodings Redis 7.0 no longer writes (zipmap,
 * ziplist, quicklist 1, RDB 6–9) and those it does not write yet (set listpack, hash field TTLs, stream 3,
 * Valkey's RDB 80). Layouts follow redis `src/rdb.c`, `src/ziplist.c`, `src/listpack.c`, `src/intset.c`,
 * `src/zipmap.c`; the trailing CRC-64 is computed with the reader's own Crc64, itself tested against the
 * vector in redis `src/crc64.c`.
 */
import { Crc64 } from '../../electron/core/inspector/rdb/crc64.js';

type Bytes = number[] | Uint8Array;

const enc = new TextEncoder();
export const bytes = (s: string | Uint8Array): Uint8Array => (typeof s === 'string' ? enc.encode(s) : s);

export function u32le(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

export function u64le(n: number): number[] {
  const lo = n % 0x100000000;
  const hi = Math.floor(n / 0x100000000);
  return [...u32le(lo >>> 0), ...u32le(hi >>> 0)];
}

/** An RDB length (redis `src/rdb.c` rdbSaveLen), optionally forced to a wider form. */
export function len(n: number, force?: 6 | 14 | 32 | 64): number[] {
  const width = force ?? (n < 64 ? 6 : n < 16384 ? 14 : n <= 0xffffffff ? 32 : 64);
  if (width === 6) return [n];
  if (width === 14) return [0x40 | (n >> 8), n & 0xff];
  if (width === 32) return [0x80, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  const hi = Math.floor(n / 0x100000000);
  const lo = n >>> 0;
  return [
    0x81,
    (hi >>> 24) & 0xff,
    (hi >>> 16) & 0xff,
    (hi >>> 8) & 0xff,
    hi & 0xff,
    (lo >>> 24) & 0xff,
    (lo >>> 16) & 0xff,
    (lo >>> 8) & 0xff,
    lo & 0xff,
  ];
}

/** A plain RDB string. */
export function str(s: string | Uint8Array): number[] {
  const b = bytes(s);
  return [...len(b.length), ...b];
}

/** An integer-encoded RDB string (RDB_ENC_INT8/16/32). */
export function intStr(v: number): number[] {
  if (v >= -128 && v <= 127) return [0xc0, v & 0xff];
  if (v >= -32768 && v <= 32767) return [0xc1, v & 0xff, (v >> 8) & 0xff];
  return [0xc2, ...u32le(v >>> 0)];
}

/** A greedy LZF compressor (the format of redis `src/lzf_c.c`), for compressed-string fixtures. */
export function lzf(input: Uint8Array): number[] {
  const out: number[] = [];
  const lit: number[] = [];
  const flush = () => {
    while (lit.length > 0) {
      const run = lit.splice(0, 32);
      out.push(run.length - 1, ...run);
    }
  };
  let i = 0;
  while (i < input.length) {
    let bestLen = 0;
    let bestOff = 0;
    for (let j = Math.max(0, i - 8191); j < i; j++) {
      let l = 0;
      while (l < 264 && i + l < input.length && input[j + l] === input[i + l]) l++;
      if (l > bestLen) {
        bestLen = l;
        bestOff = i - j - 1;
      }
    }
    if (bestLen >= 3) {
      flush();
      const l = bestLen - 2;
      if (l < 7) out.push((l << 5) | (bestOff >> 8), bestOff & 0xff);
      else out.push((7 << 5) | (bestOff >> 8), l - 7, bestOff & 0xff);
      i += bestLen;
    } else lit.push(input[i++] as number);
  }
  flush();
  return out;
}

/** An LZF-compressed RDB string (RDB_ENC_LZF). */
export function lzfStr(s: string | Uint8Array): number[] {
  const b = bytes(s);
  const c = lzf(b);
  return [0xc3, ...len(c.length), ...len(b.length), ...c];
}

/** A ziplist (redis `src/ziplist.c`): entries as strings, or integers encoded as ints. */
export function ziplist(entries: (string | number)[], declared?: number): number[] {
  const body: number[] = [];
  let prev = 0;
  for (const e of entries) {
    const entry: number[] = prev < 254 ? [prev] : [0xfe, ...u32le(prev)];
    if (typeof e === 'number') {
      if (e >= 0 && e <= 12) entry.push(0xf1 + e);
      else if (e >= -128 && e <= 127) entry.push(0xfe, e & 0xff);
      else if (e >= -32768 && e <= 32767) entry.push(0xc0, e & 0xff, (e >> 8) & 0xff);
      else entry.push(0xd0, ...u32le(e >>> 0));
    } else {
      const b = bytes(e);
      if (b.length < 64) entry.push(b.length);
      else if (b.length < 16384) entry.push(0x40 | (b.length >> 8), b.length & 0xff);
      else
        entry.push(
          0x80,
          (b.length >>> 24) & 0xff,
          (b.length >>> 16) & 0xff,
          (b.length >>> 8) & 0xff,
          b.length & 0xff,
        );
      entry.push(...b);
    }
    prev = entry.length;
    body.push(...entry);
  }
  const total = 10 + body.length + 1;
  const count = declared ?? Math.min(entries.length, 0xffff);
  return [...u32le(total), ...u32le(total - 1 - prev), count & 0xff, count >> 8, ...body, 0xff];
}

/** A listpack (redis `src/listpack.c`): small ints as 7-bit uints, the rest as strings. */
export function listpack(entries: (string | number)[], declared?: number): number[] {
  const body: number[] = [];
  for (const e of entries) {
    let entry: number[];
    if (typeof e === 'number' && e >= 0 && e < 128) entry = [e];
    else if (typeof e === 'number') entry = [0xf3, ...u32le(e >>> 0)];
    else {
      const b = bytes(e);
      if (b.length < 64) entry = [0x80 | b.length, ...b];
      else if (b.length < 4096) entry = [0xe0 | (b.length >> 8), b.length & 0xff, ...b];
      else entry = [0xf0, ...u32le(b.length), ...b];
    }
    const l = entry.length;
    const back: number[] = [];
    if (l < 128) back.push(l);
    else if (l < 16384) back.push(l >> 7, 128 | (l & 127));
    else back.push(l >> 14, 128 | ((l >> 7) & 127), 128 | (l & 127));
    body.push(...entry, ...back);
  }
  const total = 6 + body.length + 1;
  const count = declared ?? Math.min(entries.length, 0xffff);
  return [...u32le(total), count & 0xff, count >> 8, ...body, 0xff];
}

/** An intset (redis `src/intset.c`) of 2-, 4- or 8-byte members. */
export function intset(values: number[], width: 2 | 4 | 8 = 2): number[] {
  const body: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    if (width === 2) body.push(v & 0xff, (v >> 8) & 0xff);
    else if (width === 4) body.push(...u32le(v >>> 0));
    else body.push(...u64le(v));
  }
  return [...u32le(width), ...u32le(values.length), ...body];
}

/** A zipmap (redis `src/zipmap.c`), the Redis 2.4 small-hash encoding. */
export function zipmap(pairs: [string, string][], declared?: number): number[] {
  const out: number[] = [declared ?? Math.min(pairs.length, 254)];
  const zlen = (n: number) => (n < 254 ? [n] : [254, ...u32le(n)]);
  for (const [f, v] of pairs) {
    const fb = bytes(f);
    const vb = bytes(v);
    out.push(...zlen(fb.length), ...fb, ...zlen(vb.length), 0, ...vb);
  }
  out.push(0xff);
  return out;
}

/** Wraps a blob as an RDB string (plain, or LZF-compressed). */
export function blob(b: number[], compress = false): number[] {
  return compress ? lzfStr(Uint8Array.from(b)) : str(Uint8Array.from(b));
}

export class RdbBuilder {
  private readonly parts: number[] = [];

  constructor(version = 10, magic: 'REDIS' | 'VALKEY' = 'REDIS') {
    const v = magic === 'REDIS' ? String(version).padStart(4, '0') : String(version).padStart(3, '0');
    this.raw(bytes(`${magic}${v}`));
  }

  raw(b: Bytes): this {
    for (const x of b) this.parts.push(x);
    return this;
  }

  aux(key: string, value: string | number): this {
    return this.raw([250, ...str(key), ...(typeof value === 'number' ? intStr(value) : str(value))]);
  }

  selectDb(db: number): this {
    return this.raw([254, ...len(db)]);
  }

  resizeDb(keys: number, expires: number): this {
    return this.raw([251, ...len(keys), ...len(expires)]);
  }

  expireMs(at: number): this {
    return this.raw([252, ...u64le(at)]);
  }

  expireS(at: number): this {
    return this.raw([253, ...u32le(at)]);
  }

  idle(seconds: number): this {
    return this.raw([248, ...len(seconds)]);
  }

  freq(f: number): this {
    return this.raw([249, f]);
  }

  /** A key of the given RDB type, its value already encoded. */
  key(type: number, key: string | Uint8Array, value: Bytes): this {
    return this.raw([type, ...str(key), ...value]);
  }

  /** EOF and the checksum: computed, zero (checksum disabled), or a given wrong one. */
  end(checksum: 'crc' | 'zero' | 'none' | number[] = 'crc'): Uint8Array {
    this.parts.push(255);
    const body = Uint8Array.from(this.parts);
    if (checksum === 'none') return body;
    let tail: number[];
    if (checksum === 'zero') tail = [0, 0, 0, 0, 0, 0, 0, 0];
    else if (checksum === 'crc') {
      const c = new Crc64();
      c.update(body, 0, body.length);
      tail = [...u32le(c.lo), ...u32le(c.hi)];
    } else tail = checksum;
    const out = new Uint8Array(body.length + 8);
    out.set(body);
    out.set(tail, body.length);
    return out;
  }
}

/** Feeds a buffer to the reader in chunks of the given sizes (cycled), to exercise every boundary. */
export async function* chunked(data: Uint8Array, sizes: number[] = [1 << 16]): AsyncGenerator<Uint8Array> {
  let at = 0;
  let i = 0;
  while (at < data.length) {
    const n = sizes[i++ % sizes.length] as number;
    yield data.subarray(at, at + n);
    at += n;
  }
}
