/**
 * The hash log's radix pass (hash-log.ts) as a WebAssembly function (assembled here with rdb/wasm-asm.ts, no
 * build step): a stable counting sort of 24-byte records on 13 bits of their first 32-bit word, each record
 * moved as three 64-bit loads and stores. One bucket of the log at a time is copied in, sorted by two passes
 * and copied out, so the memory holds two buckets, whatever the log's size.
 *
 * Memory: the 8,192 counts from 0, the pass's parameters at PARAMS (record count, shift), records from DATA.
 */
import { I32, moduleBytes, op, type WasmFunction } from '../rdb/wasm-asm';

const RECORD = 24;
const COUNTS_BYTES = 8192 * 4;
const PARAMS = COUNTS_BYTES;
const DATA = 65536;
const PAGE = 65536;

/** pass(src, dst): records [src, src + n·24) to dst, stable, by (word >>> shift) & 0x1fff. */
function passFunction(): WasmFunction {
  // Locals: 0 src, 1 dst, 2 end, 3 shift, 4 p, 5 d, 6 sum, 7 to.
  const digit = [
    ...op.get(4),
    ...op.i32Load(0),
    ...op.get(3),
    ...op.i32ShrU,
    ...op.i32(0x1fff),
    ...op.i32And,
    ...op.i32(2),
    ...op.i32Shl,
    ...op.set(5),
  ];
  const loopUntil = (limit: number[], step: number, body: number[]) => [
    ...op.block,
    ...op.loop,
    ...op.get(4),
    ...limit,
    ...op.i32GeU,
    ...op.brIf(1),
    ...body,
    ...op.get(4),
    ...op.i32(step),
    ...op.i32Add,
    ...op.set(4),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
  const move = (offset: number) => [
    ...op.get(7),
    ...op.get(4),
    ...op.i64Load(offset, 0),
    ...op.i64Store(offset),
  ];
  const code = [
    ...op.get(0),
    ...op.i32(PARAMS),
    ...op.i32Load(0),
    ...op.i32(RECORD),
    ...op.i32Mul,
    ...op.i32Add,
    ...op.set(2),
    ...op.i32(PARAMS),
    ...op.i32Load(4),
    ...op.set(3),
    // Counts to zero.
    ...op.i32(0),
    ...op.set(4),
    ...loopUntil(op.i32(COUNTS_BYTES), 4, [...op.get(4), ...op.i32(0), ...op.i32Store(0)]),
    // Count each digit.
    ...op.get(0),
    ...op.set(4),
    ...loopUntil(op.get(2), RECORD, [
      ...digit,
      ...op.get(5),
      ...op.get(5),
      ...op.i32Load(0),
      ...op.i32(1),
      ...op.i32Add,
      ...op.i32Store(0),
    ]),
    // Counts to each digit's first place in dst.
    ...op.get(1),
    ...op.set(6),
    ...op.i32(0),
    ...op.set(4),
    ...loopUntil(op.i32(COUNTS_BYTES), 4, [
      ...op.get(4),
      ...op.i32Load(0),
      ...op.set(5),
      ...op.get(4),
      ...op.get(6),
      ...op.i32Store(0),
      ...op.get(6),
      ...op.get(5),
      ...op.i32(RECORD),
      ...op.i32Mul,
      ...op.i32Add,
      ...op.set(6),
    ]),
    // Each record to its place.
    ...op.get(0),
    ...op.set(4),
    ...loopUntil(op.get(2), RECORD, [
      ...digit,
      ...op.get(5),
      ...op.i32Load(0),
      ...op.set(7),
      ...op.get(5),
      ...op.get(7),
      ...op.i32(RECORD),
      ...op.i32Add,
      ...op.i32Store(0),
      ...move(0),
      ...move(8),
      ...move(16),
    ]),
  ];
  return { name: 'pass', params: 2, locals: [[6, I32]], code };
}

export class WasmRadix {
  readonly #memory: WebAssembly.Memory;
  readonly #pass: (src: number, dst: number) => void;

  constructor() {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes([passFunction()], 2)));
    this.#memory = instance.exports.mem as WebAssembly.Memory;
    this.#pass = instance.exports.pass as (src: number, dst: number) => void;
  }

  /**
   * Sorts `words` (whole records, fed by `fill` into the view it is given, from index 0) by the first word's
   * low 26 bits, stable, and copies them to out[offset, …).
   */
  sortInto(words: number, fill: (into: Uint32Array) => void, out: Uint32Array, offset: number): void {
    const bytes = words * 4;
    const need = DATA + 2 * bytes;
    if (this.#memory.buffer.byteLength < need)
      this.#memory.grow(Math.ceil((need - this.#memory.buffer.byteLength) / PAGE));
    const a = DATA;
    const b = DATA + bytes;
    const buffer = this.#memory.buffer;
    fill(new Uint32Array(buffer, a, words));
    const params = new Uint32Array(buffer, PARAMS, 2);
    params[0] = words / 6;
    params[1] = 0;
    this.#pass(a, b);
    params[1] = 13;
    this.#pass(b, a);
    out.set(new Uint32Array(buffer, a, words), offset);
  }
}

let radix: WasmRadix | null = null;

/** This thread's radix sorter, built on first use. */
export function wasmRadix(): WasmRadix {
  radix ??= new WasmRadix();
  return radix;
}
