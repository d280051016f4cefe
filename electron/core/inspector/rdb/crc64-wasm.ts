/**
 * The CRC-64 inner loop as a tiny WebAssembly function (assembled here, no build step): with native 64-bit
 * integers, slicing-by-8 costs one load and eight table lookups per 8 bytes instead of twice that in
 * JavaScript's 32-bit halves. Same tables and layout as crc64.ts (entry n of table t at (t·256+n)·8, little-
 * endian low half first, from address 0). The state lives in the module's memory at `state`.
 */
import { I32, I64, op, type WasmFunction } from './wasm-asm.js';

/** Bytes the eight tables take at the start of memory. */
export const CRC_TABLES_BYTES = 8 * 256 * 8;

/** crc(p, n): folds memory[p, p+n) into the state at `state`. Locals: 0 p, 1 n, 2 end, 3 crc, 4 v. */
export function crcFunction(state: number): WasmFunction {
  const code: number[] = [
    ...op.get(0),
    ...op.get(1),
    ...op.i32Add,
    ...op.set(2),
    ...op.i32(state),
    ...op.i64Load(0),
    ...op.set(3),
  ];
  // Eight bytes at a time.
  code.push(...op.block, ...op.loop);
  code.push(...op.get(0), ...op.i32(8), ...op.i32Add, ...op.get(2), ...op.i32GtU, ...op.brIf(1));
  code.push(...op.get(3), ...op.get(0), ...op.i64Load(0, 0), ...op.i64Xor, ...op.set(4));
  for (let j = 0; j < 8; j++) {
    code.push(...op.get(4));
    if (j > 0) code.push(...op.i64(BigInt(8 * j)), ...op.i64ShrU);
    if (j < 7) code.push(...op.i64(255n), ...op.i64And);
    code.push(...op.i32WrapI64, ...op.i32(3), ...op.i32Shl, ...op.i64Load((7 - j) * 2048));
    if (j > 0) code.push(...op.i64Xor);
  }
  code.push(...op.set(3), ...op.get(0), ...op.i32(8), ...op.i32Add, ...op.set(0), ...op.br(0));
  code.push(...op.end, ...op.end);
  // The remaining bytes one at a time.
  code.push(...op.block, ...op.loop);
  code.push(...op.get(0), ...op.get(2), ...op.i32GeU, ...op.brIf(1));
  code.push(...op.get(3), ...op.get(0), ...op.i64Load8U(0), ...op.i64Xor, ...op.i64(255n), ...op.i64And);
  code.push(...op.i32WrapI64, ...op.i32(3), ...op.i32Shl, ...op.i64Load(0));
  code.push(...op.get(3), ...op.i64(8n), ...op.i64ShrU, ...op.i64Xor, ...op.set(3));
  code.push(...op.get(0), ...op.i32(1), ...op.i32Add, ...op.set(0), ...op.br(0));
  code.push(...op.end, ...op.end);
  code.push(...op.i32(state), ...op.get(3), ...op.i64Store(0));
  return {
    name: 'crc',
    params: 2,
    locals: [
      [1, I32],
      [2, I64],
    ],
    code,
  };
}
