/**
 * CRC-64 as Redis computes the RDB checksum: the Jones polynomial, reflected, initial value 0, no final
 * xor (redis `src/crc64.c`: "crc64(0, "123456789") = 0xe9c6d914c4b8d9ca"). The 64-bit state is kept as two
 * 32-bit halves, and the table is applied eight bytes at a time (slicing-by-8, as redis `src/crcspeed.c`
 * does) so a multi-gigabyte backup is checked at memory speed.
 */

/** The reflected form of the Jones polynomial 0xad93d23594c935a9 (redis `src/crc64.c`). */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

const TABLES = 8;
const tableLo = new Uint32Array(256 * TABLES);
const tableHi = new Uint32Array(256 * TABLES);

function buildTables(): void {
  for (let n = 0; n < 256; n++) {
    let lo = n;
    let hi = 0;
    for (let k = 0; k < 8; k++) {
      const carry = lo & 1;
      lo = ((lo >>> 1) | (hi << 31)) >>> 0;
      hi = hi >>> 1;
      if (carry) {
        lo = (lo ^ POLY_LO) >>> 0;
        hi = (hi ^ POLY_HI) >>> 0;
      }
    }
    tableLo[n] = lo;
    tableHi[n] = hi;
  }
  for (let n = 0; n < 256; n++) {
    let lo = tableLo[n] as number;
    let hi = tableHi[n] as number;
    for (let t = 1; t < TABLES; t++) {
      const idx = lo & 0xff;
      lo = ((tableLo[idx] as number) ^ ((lo >>> 8) | (hi << 24))) >>> 0;
      hi = ((tableHi[idx] as number) ^ (hi >>> 8)) >>> 0;
      tableLo[t * 256 + n] = lo;
      tableHi[t * 256 + n] = hi;
    }
  }
}
buildTables();

export class Crc64 {
  lo = 0;
  hi = 0;

  update(buf: Uint8Array, start: number, end: number): void {
    let lo = this.lo;
    let hi = this.hi;
    let i = start;
    const tl = tableLo;
    const th = tableHi;
    for (; i + 8 <= end; i += 8) {
      const a =
        lo ^
        ((buf[i] as number) |
          ((buf[i + 1] as number) << 8) |
          ((buf[i + 2] as number) << 16) |
          ((buf[i + 3] as number) << 24));
      const b =
        hi ^
        ((buf[i + 4] as number) |
          ((buf[i + 5] as number) << 8) |
          ((buf[i + 6] as number) << 16) |
          ((buf[i + 7] as number) << 24));
      const i7 = 7 * 256 + (a & 0xff);
      const i6 = 6 * 256 + ((a >>> 8) & 0xff);
      const i5 = 5 * 256 + ((a >>> 16) & 0xff);
      const i4 = 4 * 256 + (a >>> 24);
      const i3 = 3 * 256 + (b & 0xff);
      const i2 = 2 * 256 + ((b >>> 8) & 0xff);
      const i1 = 256 + ((b >>> 16) & 0xff);
      const i0 = b >>> 24;
      lo =
        (tl[i7] as number) ^
        (tl[i6] as number) ^
        (tl[i5] as number) ^
        (tl[i4] as number) ^
        (tl[i3] as number) ^
        (tl[i2] as number) ^
        (tl[i1] as number) ^
        (tl[i0] as number);
      hi =
        (th[i7] as number) ^
        (th[i6] as number) ^
        (th[i5] as number) ^
        (th[i4] as number) ^
        (th[i3] as number) ^
        (th[i2] as number) ^
        (th[i1] as number) ^
        (th[i0] as number);
    }
    for (; i < end; i++) {
      const idx = (lo ^ (buf[i] as number)) & 0xff;
      lo = (tl[idx] as number) ^ ((lo >>> 8) | (hi << 24));
      hi = (th[idx] as number) ^ (hi >>> 8);
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }

  /** True when the 8 bytes at `at` (little-endian, as the RDB stores them) equal the running CRC. */
  matches(buf: Uint8Array, at: number): boolean {
    return readU32LE(buf, at) === this.lo && readU32LE(buf, at + 4) === this.hi;
  }

  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}

export function readU32LE(buf: Uint8Array, at: number): number {
  return (
    ((buf[at] as number) | ((buf[at + 1] as number) << 8) | ((buf[at + 2] as number) << 16)) +
    (buf[at + 3] as number) * 0x1000000
  );
}
