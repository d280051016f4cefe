/**
 * The CRC-64 inner loop as a tiny WebAssembly function (assembled here, no build step): with native 64-bit
 * integers, slicing-by-8 costs one load and eight table lookups per 8 bytes instead of twice that in
 * JavaScript's 32-bit halves. Same tables and layout as crc64.ts (entry n of table t at (t·256+n)·8, little-
 * endian low half first). The state lives in the module's memory at STATE; input is copied in at DATA.
 */

const STATE = 16384;
const DATA = 16400;
const PAGE = 65536;

function uleb(n: number): number[] {
  const out: number[] = [];
  let v = n;
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a non-negative value below 2^31 (all this module needs). */
function sleb(n: number): number[] {
  const out: number[] = [];
  let v = n;
  for (;;) {
    const byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v === 0 && (byte & 0x40) === 0) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const I32_CONST = 0x41;
const I64_CONST = 0x42;
const GET = 0x20;
const SET = 0x21;
const I64_LOAD = (offset: number) => [0x29, 3, ...uleb(offset)];

/** crc(p, n): folds memory[p, p+n) into the state at STATE. Locals: 0 p, 1 n, 2 end, 3 crc, 4 v. */
function body(): number[] {
  const code: number[] = [GET, 0, GET, 1, 0x6a, SET, 2, I32_CONST, ...sleb(STATE), ...I64_LOAD(0), SET, 3];
  // Eight bytes at a time.
  code.push(0x02, 0x40, 0x03, 0x40);
  code.push(GET, 0, I32_CONST, 8, 0x6a, GET, 2, 0x4b, 0x0d, 1);
  code.push(GET, 3, GET, 0, ...I64_LOAD(0), 0x85, SET, 4);
  for (let j = 0; j < 8; j++) {
    code.push(GET, 4);
    if (j > 0) code.push(I64_CONST, ...sleb(8 * j), 0x88);
    if (j < 7) code.push(I64_CONST, ...sleb(255), 0x83);
    code.push(0xa7, I32_CONST, 3, 0x74, ...I64_LOAD((7 - j) * 2048));
    if (j > 0) code.push(0x85);
  }
  code.push(SET, 3, GET, 0, I32_CONST, 8, 0x6a, SET, 0, 0x0c, 0, 0x0b, 0x0b);
  // The remaining bytes one at a time.
  code.push(0x02, 0x40, 0x03, 0x40);
  code.push(GET, 0, GET, 2, 0x4f, 0x0d, 1);
  code.push(
    GET,
    3,
    GET,
    0,
    0x31,
    0,
    0,
    0x85,
    I64_CONST,
    ...sleb(255),
    0x83,
    0xa7,
    I32_CONST,
    3,
    0x74,
    ...I64_LOAD(0),
  );
  code.push(GET, 3, I64_CONST, 8, 0x88, 0x85, SET, 3);
  code.push(GET, 0, I32_CONST, 1, 0x6a, SET, 0, 0x0c, 0, 0x0b, 0x0b);
  code.push(I32_CONST, ...sleb(STATE), GET, 3, 0x37, 3, 0, 0x0b);
  const locals = [2, 1, 0x7f, 2, 0x7e];
  const fn = [...locals, ...code];
  return [...uleb(fn.length), ...fn];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const name = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
  // The magic \0asm and version 1, then the type, function, memory, export and code sections.
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 2, 0x7f, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 2]),
    ...section(7, [2, ...name('mem'), 2, 0, ...name('crc'), 0, 0]),
    ...section(10, [1, ...body()]),
  ]);
}

export interface WasmCrc {
  /** Folds buf[start, end) into the 64-bit state (lo, hi) and returns the new state in `out`. */
  update(buf: Uint8Array, start: number, end: number, lo: number, hi: number, out: Int32Array): void;
}

/** Builds the WebAssembly CRC over the given tables; null where WebAssembly is unavailable. */
export function createWasmCrc(table: Int32Array): WasmCrc | null {
  if (typeof WebAssembly === 'undefined') return null;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()));
    const memory = instance.exports.mem as WebAssembly.Memory;
    const crc = instance.exports.crc as (p: number, n: number) => void;
    new Int32Array(memory.buffer, 0, table.length).set(table);
    return {
      update(buf, start, end, lo, hi, out) {
        const n = end - start;
        const needed = DATA + n;
        if (memory.buffer.byteLength < needed)
          memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
        const state = new Int32Array(memory.buffer, STATE, 2);
        state[0] = lo;
        state[1] = hi;
        new Uint8Array(memory.buffer, DATA, n).set(buf.subarray(start, end));
        crc(DATA, n);
        out[0] = state[0] as number;
        out[1] = state[1] as number;
      },
    };
  } catch {
    return null;
  }
}
