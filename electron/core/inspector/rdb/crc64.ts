/**
 * CRC-64 as Redis computes the RDB checksum: the Jones polynomial, reflected, initial value 0, no final
 * xor (redis `src/crc64.c`: "crc64(0, "123456789") = 0xe9c6d914c4b8d9ca"). The 64-bit state is kept as two
 * 32-bit halves, and the table is applied eight bytes at a time (slicing-by-8, as redis `src/crcspeed.c`
 * does) so a multi-gigabyte backup is checked at memory speed.
 */

import { CRC_TABLE as table } from './crc64-table.js';
import { wasmKernel } from './wasm-kernel.js';

const wasm = wasmKernel();
const wasmOut = new Int32Array(2);
/** Below this a call stays in JavaScript: the call (and a copy, for bytes not mirrored) would cost more. */
const WASM_MIN = 512;

export class Crc64 {
  lo = 0;
  hi = 0;

  update(buf: Uint8Array, start: number, end: number): void {
    if (end - start >= WASM_MIN) {
      wasm.crc(buf, start, end, this.lo | 0, this.hi | 0, wasmOut);
      this.lo = (wasmOut[0] as number) >>> 0;
      this.hi = (wasmOut[1] as number) >>> 0;
      return;
    }
    this.updateJs(buf, start, end);
  }

  /** The same in JavaScript (for short ranges). */
  updateJs(buf: Uint8Array, start: number, end: number): void {
    let lo = this.lo | 0;
    let hi = this.hi | 0;
    let i = start;
    const t = table;
    // Two 32-bit little-endian loads per 8 bytes: DataView reads compile to single loads.
    if (end - start >= 64) {
      const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      for (; i + 8 <= end; i += 8) {
        const a = lo ^ view.getInt32(i, true);
        const b = hi ^ view.getInt32(i + 4, true);
        const i7 = (7 * 256 + (a & 0xff)) << 1;
        const i6 = (6 * 256 + ((a >>> 8) & 0xff)) << 1;
        const i5 = (5 * 256 + ((a >>> 16) & 0xff)) << 1;
        const i4 = (4 * 256 + (a >>> 24)) << 1;
        const i3 = (3 * 256 + (b & 0xff)) << 1;
        const i2 = (2 * 256 + ((b >>> 8) & 0xff)) << 1;
        const i1 = (256 + ((b >>> 16) & 0xff)) << 1;
        const i0 = (b >>> 24) << 1;
        lo =
          (t[i7] as number) ^
          (t[i6] as number) ^
          (t[i5] as number) ^
          (t[i4] as number) ^
          (t[i3] as number) ^
          (t[i2] as number) ^
          (t[i1] as number) ^
          (t[i0] as number);
        hi =
          (t[i7 + 1] as number) ^
          (t[i6 + 1] as number) ^
          (t[i5 + 1] as number) ^
          (t[i4 + 1] as number) ^
          (t[i3 + 1] as number) ^
          (t[i2 + 1] as number) ^
          (t[i1 + 1] as number) ^
          (t[i0 + 1] as number);
      }
    }
    for (; i < end; i++) {
      const idx = ((lo ^ (buf[i] as number)) & 0xff) << 1;
      const next = (t[idx] as number) ^ ((lo >>> 8) | (hi << 24));
      hi = (t[idx + 1] as number) ^ (hi >>> 8);
      lo = next;
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
