/**
 * Just enough of the WebAssembly binary format (webassembly.github.io/spec, "Binary Format") to assemble
 * the reader's few small functions here, with no build step and no tool: LEB128 numbers, the opcodes they
 * use, and a module of (i32, i32) → () and () → () functions over one exported memory.
 */

export function uleb(n: number): number[] {
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

/** Signed LEB128 of a non-negative value below 2^31. */
export function sleb(n: number): number[] {
  return sleb64(BigInt(n));
}

/** Signed LEB128 of a 64-bit pattern given as an unsigned or signed BigInt (i64.const's immediate). */
export function sleb64(n: bigint): number[] {
  const out: number[] = [];
  let v = BigInt.asIntN(64, n);
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** The opcodes used (spec §5.4), by their text-format names. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  get: (local: number) => [0x20, local],
  set: (local: number) => [0x21, local],
  i32: (n: number) => [0x41, ...sleb(n)],
  i64: (n: bigint) => [0x42, ...sleb64(n)],
  i32Load: (offset: number) => [0x28, 2, ...uleb(offset)],
  i64Load: (offset: number, align = 3) => [0x29, align, ...uleb(offset)],
  i64Load8U: (offset: number) => [0x31, 0, ...uleb(offset)],
  i32Store: (offset: number) => [0x36, 2, ...uleb(offset)],
  i64Store: (offset: number) => [0x37, 3, ...uleb(offset)],
  i32Eqz: [0x45],
  i32Eq: [0x46],
  i32LtU: [0x49],
  i32GtU: [0x4b],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32And: [0x71],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  i64Add: [0x7c],
  i64Mul: [0x7e],
  i64And: [0x83],
  i64Or: [0x84],
  i64Xor: [0x85],
  i64Shl: [0x86],
  i64ShrU: [0x88],
  i64Rotl: [0x89],
  i32WrapI64: [0xa7],
  i64ExtendI32U: [0xad],
} as const;

export const I32 = 0x7f;
export const I64 = 0x7e;

export interface WasmFunction {
  name: string;
  /** Number of i32 parameters: 0 or 2. */
  params: 0 | 2;
  /** Local declarations after the parameters, as (count, type) pairs. */
  locals: Array<[number, number]>;
  code: number[];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

function name(s: string): number[] {
  return [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
}

/** A module exporting `mem` (of `pages` 64 KiB pages to start) and the functions, indexed in order. */
export function moduleBytes(fns: readonly WasmFunction[], pages: number): Uint8Array<ArrayBuffer> {
  // Type 0: (i32, i32) → (); type 1: () → ().
  const types = [2, 0x60, 2, I32, I32, 0, 0x60, 0, 0];
  const bodies = fns.map((f) => {
    const body = [
      ...uleb(f.locals.length),
      ...f.locals.flatMap(([n, t]) => [...uleb(n), t]),
      ...f.code,
      0x0b,
    ];
    return [...uleb(body.length), ...body];
  });
  const exports = [
    ...uleb(fns.length + 1),
    ...name('mem'),
    2,
    0,
    ...fns.flatMap((f, i) => [...name(f.name), 0, ...uleb(i)]),
  ];
  // The magic \0asm and version 1, then the type, function, memory, export and code sections.
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, types),
    ...section(3, [...uleb(fns.length), ...fns.map((f) => (f.params === 2 ? 0 : 1))]),
    ...section(5, [1, 0, ...uleb(pages)]),
    ...section(7, exports),
    ...section(10, [...uleb(fns.length), ...bodies.flat()]),
  ]);
}
