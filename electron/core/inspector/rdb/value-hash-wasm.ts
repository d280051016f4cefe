/**
 * The value hash's WebAssembly functions (assembled here, no build step): one 64-bit lane, eight bytes a
 * step, each step xxHash64's round (Cyan4973/xxHash `xxhash.h` XXH64_round: acc + input·PRIME64_2, rotated
 * left 31, times PRIME64_1) and its final avalanche (XXH64_avalanche). With native 64-bit multiplies this
 * is a few instructions per 8 bytes where JavaScript needs several 32-bit multiplies per 4.
 *
 * The stream state lives in memory at `s`: acc (i64 at s), the carried bytes of a last partial word (i64 at
 * s+8), the length so far (i64 at s+16), how many bytes are carried (i32 at s+24); the finished hash is
 * written at s+32. Carrying the partial word makes the result the same however the bytes are split.
 *
 * Why any single changed byte changes the hash (for values of the same length): a round is a bijection of
 * acc for a given word and of the word for a given acc (an add, a rotation and a multiply by an odd number),
 * and so is everything after it, so two inputs that first differ in one word end in different hashes.
 */
import { I32, I64, op, type WasmFunction } from './wasm-asm.js';

const PRIME64_1 = 0x9e3779b185ebca87n;
const PRIME64_2 = 0xc2b2ae3d27d4eb4fn;
const PRIME64_3 = 0x165667b19e3779f9n;
const PRIME64_5 = 0x27d4eb2f165667c5n;
const SEED = PRIME64_5;

/** The stack holds acc then a word; leaves the new acc. */
const round = [
  ...op.i64(PRIME64_2),
  ...op.i64Mul,
  ...op.i64Add,
  ...op.i64(31n),
  ...op.i64Rotl,
  ...op.i64(PRIME64_1),
  ...op.i64Mul,
];

/** reset(): a new stream. */
function reset(s: number, tag: string): WasmFunction {
  const code = [
    ...op.i32(s),
    ...op.i64(SEED),
    ...op.i64Store(0),
    ...op.i32(s),
    ...op.i64(0n),
    ...op.i64Store(8),
    ...op.i32(s),
    ...op.i64(0n),
    ...op.i64Store(16),
    ...op.i32(s),
    ...op.i32(0),
    ...op.i32Store(24),
  ];
  return { name: `${tag}reset`, params: 0, locals: [], code };
}

/** One byte at p into the carried word: carry |= byte << 8·clen; p++; clen++. Locals as in update. */
const carryByte = [
  ...op.get(4),
  ...op.get(0),
  ...op.i64Load8U(0),
  ...op.get(5),
  ...op.i32(3),
  ...op.i32Shl,
  ...op.i64ExtendI32U,
  ...op.i64Shl,
  ...op.i64Or,
  ...op.set(4),
  ...op.get(0),
  ...op.i32(1),
  ...op.i32Add,
  ...op.set(0),
  ...op.get(5),
  ...op.i32(1),
  ...op.i32Add,
  ...op.set(5),
];

/** update(p, n): folds memory[p, p+n) in. Locals: 0 p, 1 n, 2 end, 3 acc, 4 carry, 5 clen. */
/**
 * Folds every whole 8-byte word of [p, end) into the accumulator, leaving p at the first byte of the tail.
 * Locals: 0 p, 2 end, 3 the accumulator (the same in the stream's update and in the one-shot hash).
 */
const wholeWords = [
  ...op.block,
  ...op.loop,
  ...op.get(0),
  ...op.i32(8),
  ...op.i32Add,
  ...op.get(2),
  ...op.i32GtU,
  ...op.brIf(1),
  ...op.get(3),
  ...op.get(0),
  ...op.i64Load(0, 0),
  ...round,
  ...op.set(3),
  ...op.get(0),
  ...op.i32(8),
  ...op.i32Add,
  ...op.set(0),
  ...op.br(0),
  ...op.end,
  ...op.end,
];

function update(s: number, tag: string): WasmFunction {
  const code = [
    ...op.get(0),
    ...op.get(1),
    ...op.i32Add,
    ...op.set(2),
    ...op.i32(s),
    ...op.i64Load(0),
    ...op.set(3),
    ...op.i32(s),
    ...op.i64Load(8),
    ...op.set(4),
    ...op.i32(s),
    ...op.i32Load(24),
    ...op.set(5),
    // length += n
    ...op.i32(s),
    ...op.i32(s),
    ...op.i64Load(16),
    ...op.get(1),
    ...op.i64ExtendI32U,
    ...op.i64Add,
    ...op.i64Store(16),
    // Complete a carried partial word first.
    ...op.block,
    ...op.loop,
    ...op.get(5),
    ...op.i32Eqz,
    ...op.brIf(1),
    ...op.get(0),
    ...op.get(2),
    ...op.i32GeU,
    ...op.brIf(1),
    ...carryByte,
    ...op.get(5),
    ...op.i32(8),
    ...op.i32Eq,
    ...op.if,
    ...op.get(3),
    ...op.get(4),
    ...round,
    ...op.set(3),
    ...op.i64(0n),
    ...op.set(4),
    ...op.i32(0),
    ...op.set(5),
    ...op.end,
    ...op.br(0),
    ...op.end,
    ...op.end,
    ...wholeWords,
    // The last bytes, carried to the next piece (fewer than 8: a whole word was folded above).
    ...op.block,
    ...op.loop,
    ...op.get(0),
    ...op.get(2),
    ...op.i32GeU,
    ...op.brIf(1),
    ...carryByte,
    ...op.br(0),
    ...op.end,
    ...op.end,
    ...op.i32(s),
    ...op.get(3),
    ...op.i64Store(0),
    ...op.i32(s),
    ...op.get(4),
    ...op.i64Store(8),
    ...op.i32(s),
    ...op.get(5),
    ...op.i32Store(24),
  ];
  return {
    name: `${tag}update`,
    params: 2,
    locals: [
      [1, I32],
      [2, I64],
      [1, I32],
    ],
    code,
  };
}

/**
 * With h and the length (as i64) on the stack: h + length·PRIME64_5, then xxHash64's avalanche, kept in local
 * `h` and stored at s+32 (the finished hash). Shared by the stream's finish and the one-shot hash.
 */
function avalanche(h: number, s: number): number[] {
  const shiftXor = (n: bigint) => [...op.get(h), ...op.get(h), ...op.i64(n), ...op.i64ShrU, ...op.i64Xor];
  return [
    ...op.i64(PRIME64_5),
    ...op.i64Mul,
    ...op.i64Add,
    ...op.set(h),
    ...shiftXor(33n),
    ...op.i64(PRIME64_2),
    ...op.i64Mul,
    ...op.set(h),
    ...shiftXor(29n),
    ...op.i64(PRIME64_3),
    ...op.i64Mul,
    ...op.set(h),
    ...shiftXor(32n),
    ...op.set(h),
    ...op.i32(s),
    ...op.get(h),
    ...op.i64Store(32),
  ];
}

/** finish(): the carried bytes as a last (zero-padded) word, the length, the avalanche; at s+32. Local 0 h. */
function finish(s: number, tag: string): WasmFunction {
  const code = [
    ...op.i32(s),
    ...op.i64Load(0),
    ...op.set(0),
    ...op.i32(s),
    ...op.i32Load(24),
    ...op.if,
    ...op.get(0),
    ...op.i32(s),
    ...op.i64Load(8),
    ...round,
    ...op.set(0),
    ...op.end,
    // The length tells a value from the same value with zero bytes appended.
    ...op.get(0),
    ...op.i32(s),
    ...op.i64Load(16),
    ...avalanche(0, s),
  ];
  return { name: `${tag}finish`, params: 0, locals: [[1, I64]], code };
}

/**
 * once(p, n): the same hash as reset, update(p, n), finish, in locals (no state read or written but the
 * result at s+32). Locals: 0 p, 1 n, 2 end, 3 acc, 4 the last partial word, 5 its shift.
 */
function once(s: number, tag: string): WasmFunction {
  const code = [
    ...op.get(0),
    ...op.get(1),
    ...op.i32Add,
    ...op.set(2),
    ...op.i64(SEED),
    ...op.set(3),
    ...wholeWords,
    // The last bytes as one zero-padded word.
    ...op.get(0),
    ...op.get(2),
    ...op.i32LtU,
    ...op.if,
    ...op.block,
    ...op.loop,
    ...op.get(0),
    ...op.get(2),
    ...op.i32GeU,
    ...op.brIf(1),
    ...op.get(4),
    ...op.get(0),
    ...op.i64Load8U(0),
    ...op.get(5),
    ...op.i64Shl,
    ...op.i64Or,
    ...op.set(4),
    ...op.get(5),
    ...op.i64(8n),
    ...op.i64Add,
    ...op.set(5),
    ...op.get(0),
    ...op.i32(1),
    ...op.i32Add,
    ...op.set(0),
    ...op.br(0),
    ...op.end,
    ...op.end,
    ...op.get(3),
    ...op.get(4),
    ...round,
    ...op.set(3),
    ...op.end,
    ...op.get(3),
    ...op.get(1),
    ...op.i64ExtendI32U,
    ...avalanche(3, s),
  ];
  return {
    name: `${tag}once`,
    params: 2,
    locals: [
      [1, I32],
      [3, I64],
    ],
    code,
  };
}

/**
 * The four functions over the state at `s`, exported as `${tag}reset`, `${tag}update`, `${tag}finish` and
 * `${tag}once`.
 */
export function valueHashFunctions(s: number, tag: string): WasmFunction[] {
  return [reset(s, tag), update(s, tag), finish(s, tag), once(s, tag)];
}
