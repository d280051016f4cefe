/**
 * The CRC-64 slicing tables (redis `src/crc64.c` and `src/crcspeed.c`), shared by the JavaScript loop
 * (crc64.ts) and the WebAssembly one (crc64-wasm.ts, loaded by wasm-kernel.ts).
 */

/** The reflected form of the Jones polynomial 0xad93d23594c935a9 (redis `src/crc64.c`). */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

const TABLES = 8;
/** The eight slicing tables, each entry's low and high halves side by side (one cache line per lookup). */
export const CRC_TABLE = new Int32Array(256 * TABLES * 2);

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
    CRC_TABLE[2 * n] = lo;
    CRC_TABLE[2 * n + 1] = hi;
  }
  for (let n = 0; n < 256; n++) {
    let lo = CRC_TABLE[2 * n] as number;
    let hi = CRC_TABLE[2 * n + 1] as number;
    for (let t = 1; t < TABLES; t++) {
      const idx = (lo & 0xff) << 1;
      lo = (CRC_TABLE[idx] as number) ^ ((lo >>> 8) | (hi << 24));
      hi = (CRC_TABLE[idx + 1] as number) ^ (hi >>> 8);
      CRC_TABLE[2 * (t * 256 + n)] = lo;
      CRC_TABLE[2 * (t * 256 + n) + 1] = hi;
    }
  }
}
buildTables();
