/**
 * Element counts of the compact encodings stored as one RDB string: ziplist (redis `src/ziplist.c`),
 * listpack (redis `src/listpack.c`), intset (redis `src/intset.c`) and zipmap (redis `src/zipmap.c`). The
 * count comes from the header when it holds one; entries are walked only when it does not (a ziplist or
 * listpack of 65535 entries or more). Each checks the header against the blob it came in, so a corrupt
 * length is caught here instead of being believed. Counts are of raw entries: callers divide by 2 or 3.
 */
import { readU32LE } from './crc64.js';
import { RdbFormatError } from './rdb-types.js';

const fail = (offset: number, expected: string, detail?: string): never => {
  throw new RdbFormatError(offset, expected, detail);
};

function u16(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

/** Entries of the ziplist in b[s, s+n). `at` is the file offset reported on error. */
export function ziplistEntries(b: Uint8Array, s: number, n: number, at: number): number {
  if (n < 11) fail(at, 'a ziplist of at least 11 bytes', `${n} bytes`);
  if (readU32LE(b, s) !== n)
    fail(at, `a ziplist header giving its size ${n}`, `header says ${readU32LE(b, s)}`);
  if (b[s + n - 1] !== 0xff) fail(at, 'a ziplist ending with 0xFF');
  const declared = u16(b, s + 8);
  if (declared < 0xffff) return declared;
  let p = s + 10;
  const end = s + n - 1;
  let count = 0;
  while (p < end) {
    p += (b[p] as number) < 254 ? 1 : 5;
    if (p >= end) break;
    const enc = b[p] as number;
    let size: number;
    if (enc >> 6 === 0) size = 1 + (enc & 0x3f);
    else if (enc >> 6 === 1) size = 2 + (((enc & 0x3f) << 8) | (b[p + 1] as number));
    else if (enc === 0x80)
      size =
        5 +
        ((b[p + 1] as number) * 0x1000000 +
          ((b[p + 2] as number) << 16) +
          ((b[p + 3] as number) << 8) +
          (b[p + 4] as number));
    else if (enc === 0xc0) size = 3;
    else if (enc === 0xd0) size = 5;
    else if (enc === 0xe0) size = 9;
    else if (enc === 0xf0) size = 4;
    else if (enc === 0xfe) size = 2;
    else if (enc >= 0xf1 && enc <= 0xfd) size = 1;
    else return fail(at + (p - s), 'a ziplist entry encoding', `byte 0x${enc.toString(16)}`);
    p += size;
    count++;
  }
  if (p !== end) fail(at, 'ziplist entries ending at its end marker');
  return count;
}

/** Entries of the listpack in b[s, s+n). */
export function listpackEntries(b: Uint8Array, s: number, n: number, at: number): number {
  if (n < 7) fail(at, 'a listpack of at least 7 bytes', `${n} bytes`);
  if (readU32LE(b, s) !== n)
    fail(at, `a listpack header giving its size ${n}`, `header says ${readU32LE(b, s)}`);
  if (b[s + n - 1] !== 0xff) fail(at, 'a listpack ending with 0xFF');
  const declared = u16(b, s + 4);
  if (declared < 0xffff) return declared;
  let p = s + 6;
  const end = s + n - 1;
  let count = 0;
  while (p < end) {
    const enc = b[p] as number;
    let len: number;
    if (enc < 0x80) len = 1;
    else if (enc >> 6 === 2) len = 1 + (enc & 0x3f);
    else if (enc >> 5 === 6) len = 2;
    else if (enc >> 4 === 14) len = 2 + (((enc & 0x0f) << 8) | (b[p + 1] as number));
    else if (enc === 0xf0) len = 5 + readU32LE(b, p + 1);
    else if (enc === 0xf1) len = 3;
    else if (enc === 0xf2) len = 4;
    else if (enc === 0xf3) len = 5;
    else if (enc === 0xf4) len = 9;
    else return fail(at + (p - s), 'a listpack entry encoding', `byte 0x${enc.toString(16)}`);
    const back = len < 128 ? 1 : len < 16384 ? 2 : len < 2097152 ? 3 : len < 268435456 ? 4 : 5;
    p += len + back;
    count++;
  }
  if (p !== end) fail(at, 'listpack entries ending at its end marker');
  return count;
}

/** Members of the intset in b[s, s+n): an encoding (2, 4 or 8 bytes a member), a count, the members. */
export function intsetEntries(b: Uint8Array, s: number, n: number, at: number): number {
  if (n < 8) fail(at, 'an intset of at least 8 bytes', `${n} bytes`);
  const enc = readU32LE(b, s);
  if (enc !== 2 && enc !== 4 && enc !== 8) fail(at, 'an intset encoding of 2, 4 or 8', `${enc}`);
  const count = readU32LE(b, s + 4);
  if (8 + enc * count !== n)
    fail(at, `an intset of ${8 + enc * count} bytes for ${count} members`, `${n} bytes`);
  return count;
}

/** Field-value pairs of the zipmap in b[s, s+n) (Redis 2.4 and older wrote these for small hashes). */
export function zipmapPairs(b: Uint8Array, s: number, n: number, at: number): number {
  if (n < 2) fail(at, 'a zipmap of at least 2 bytes', `${n} bytes`);
  let p = s + 1;
  const end = s + n;
  let strings = 0;
  for (;;) {
    if (p >= end) return fail(at, 'a zipmap ending with 0xFF');
    const first = b[p] as number;
    if (first === 0xff) break;
    let len: number;
    if (first < 254) {
      len = first;
      p += 1;
    } else if (first === 254) {
      if (p + 5 > end) return fail(at, 'a zipmap length');
      len = readU32LE(b, p + 1);
      p += 5;
    } else return fail(at, 'a zipmap length');
    // A value carries one "free" byte after its length, counting unused bytes after the value.
    if (strings % 2 === 1) {
      if (p >= end) return fail(at, 'a zipmap free byte');
      len += (b[p] as number) + 1;
    }
    p += len;
    strings++;
  }
  if (p !== end - 1 || strings % 2 !== 0) fail(at, 'a zipmap of whole field-value pairs ending at its end');
  const declared = b[s] as number;
  const pairs = strings / 2;
  if (declared < 254 && declared !== pairs) fail(at, `a zipmap of ${declared} pairs`, `${pairs} found`);
  return pairs;
}
