/**
 * One WebAssembly instance per thread for the reader's byte work: the CRC-64 (crc64-wasm.ts) and the value
 * hash (value-hash-wasm.ts) over one memory. The window's current buffer is mirrored into that memory once
 * when it arrives (`mirror`), so the CRC and the hash of every value in it read the bytes where they already
 * sit, with no copy per call; bytes from anywhere else (a decompressed element, a number's digits, a buffer
 * too big to mirror) are staged through a scratch area, a slice at a time.
 *
 * Memory layout: the CRC tables from 0, the CRC state, the two hash states, then the scratch area at SCRATCH
 * and the mirror at MIRROR (growing to the largest buffer mirrored, at most MIRROR_MAX).
 */
import { CRC_TABLE } from './crc64-table.js';
import { CRC_TABLES_BYTES, crcFunction } from './crc64-wasm.js';
import { valueHashFunctions } from './value-hash-wasm.js';
import { moduleBytes } from './wasm-asm.js';

const PAGE = 65536;
const CRC_STATE = CRC_TABLES_BYTES;
/** The stream hash's state (a value fed in pieces) and the one-shot hash's, apart so neither disturbs the other. */
const HASH_STATE = CRC_STATE + 16;
const ONCE_STATE = HASH_STATE + 48;
/** Where each writes its finished hash (state + 32), in 32-bit words. */
const HASH_OUT_WORD = (HASH_STATE + 32) / 4;
const ONCE_OUT_WORD = (ONCE_STATE + 32) / 4;
const SCRATCH = PAGE;
const SCRATCH_SIZE = PAGE;
const MIRROR = 2 * PAGE;
/** Buffers up to this size are mirrored (the window's work buffer and every ordinary chunk fit). */
export const MIRROR_MAX = 4 << 20;
/** Below this a staged copy is a plain loop (a subarray and set cost more for a few bytes). */
const SMALL_COPY = 32;

type Pair = (p: number, n: number) => void;

export class WasmKernel {
  readonly #memory: WebAssembly.Memory;
  readonly #crc: Pair;
  readonly hreset: () => void;
  readonly #hupdate: Pair;
  readonly #hfinish: () => void;
  readonly #once: Pair;
  readonly #oreset: () => void;
  readonly #oupdate: Pair;
  readonly #ofinish: () => void;
  #u8: Uint8Array;
  #i32: Int32Array;
  /** The buffer whose bytes [0, mirrorEnd) sit at MIRROR, or null. */
  #mirrored: Uint8Array | null = null;
  #mirrorEnd = 0;

  constructor() {
    const fns = [
      crcFunction(CRC_STATE),
      ...valueHashFunctions(HASH_STATE, 'h'),
      ...valueHashFunctions(ONCE_STATE, 'o'),
    ];
    const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes(fns, 3)));
    const e = instance.exports;
    this.#memory = e.mem as WebAssembly.Memory;
    this.#crc = e.crc as Pair;
    this.hreset = e.hreset as () => void;
    this.#hupdate = e.hupdate as Pair;
    this.#hfinish = e.hfinish as () => void;
    this.#once = e.oonce as Pair;
    this.#oreset = e.oreset as () => void;
    this.#oupdate = e.oupdate as Pair;
    this.#ofinish = e.ofinish as () => void;
    this.#u8 = new Uint8Array(this.#memory.buffer);
    this.#i32 = new Int32Array(this.#memory.buffer);
    this.#i32.set(CRC_TABLE, 0);
  }

  /** Views over the memory, renewed after it grew (growing detaches the old buffer). */
  #views(): Uint8Array {
    if (this.#u8.byteLength === 0 || this.#u8.buffer !== this.#memory.buffer) {
      this.#u8 = new Uint8Array(this.#memory.buffer);
      this.#i32 = new Int32Array(this.#memory.buffer);
    }
    return this.#u8;
  }

  /**
   * Makes buf[0, to) the mirrored bytes, copying buf[from, to): `from` > 0 only when buf is already the
   * mirrored buffer and its bytes below `from` are unchanged since. A buffer over MIRROR_MAX is not mirrored.
   */
  mirror(buf: Uint8Array, from: number, to: number): void {
    if (to > MIRROR_MAX) {
      this.#mirrored = null;
      return;
    }
    const start = buf === this.#mirrored && from <= this.#mirrorEnd ? from : 0;
    const need = MIRROR + to;
    if (this.#memory.buffer.byteLength < need)
      this.#memory.grow(Math.ceil((need - this.#memory.buffer.byteLength) / PAGE));
    this.#views().set(buf.subarray(start, to), MIRROR + start);
    this.#mirrored = buf;
    this.#mirrorEnd = to;
  }

  /** Where buf[start, end) sits in memory if buf is the mirrored buffer, else -1. */
  #at(buf: Uint8Array, start: number, end: number): number {
    return buf === this.#mirrored && end <= this.#mirrorEnd ? MIRROR + start : -1;
  }

  /** Copies buf[start, end) (at most SCRATCH_SIZE bytes) to the scratch area. */
  #stage(buf: Uint8Array, start: number, end: number): number {
    // The views are renewed where the memory grows (mirror), so they are current here.
    const u8 = this.#u8;
    if (end - start <= SMALL_COPY) {
      for (let i = start, j = SCRATCH; i < end; i++, j++) u8[j] = buf[i] as number;
    } else u8.set(buf.subarray(start, end), SCRATCH);
    return SCRATCH;
  }

  /** Runs fn over buf[start, end), in place if mirrored, else staged a slice at a time. */
  #over(fn: Pair, buf: Uint8Array, start: number, end: number): void {
    const at = this.#at(buf, start, end);
    if (at >= 0) {
      fn(at, end - start);
      return;
    }
    for (let s = start; s < end; s += SCRATCH_SIZE) {
      const e = Math.min(end, s + SCRATCH_SIZE);
      fn(this.#stage(buf, s, e), e - s);
    }
  }

  /** Folds buf[start, end) into the CRC state (lo, hi); the new state in out. */
  crc(buf: Uint8Array, start: number, end: number, lo: number, hi: number, out: Int32Array): void {
    this.#views();
    const i32 = this.#i32;
    i32[CRC_STATE / 4] = lo;
    i32[CRC_STATE / 4 + 1] = hi;
    this.#over(this.#crc, buf, start, end);
    out[0] = i32[CRC_STATE / 4] as number;
    out[1] = i32[CRC_STATE / 4 + 1] as number;
  }

  hupdate(buf: Uint8Array, start: number, end: number): void {
    this.#over(this.#hupdate, buf, start, end);
  }

  /** The finished hash of the current stream, as two 32-bit halves (low first) in out. */
  hfinish(out: Int32Array): void {
    this.#hfinish();
    const i32 = this.#i32;
    out[0] = i32[HASH_OUT_WORD] as number;
    out[1] = i32[HASH_OUT_WORD + 1] as number;
  }

  /**
   * A whole value in one call, finished into out: the same hash as a stream over the same bytes, on a
   * state of its own, so it may run while a stream is half fed.
   */
  once(buf: Uint8Array, start: number, end: number, out: Int32Array): void {
    const n = end - start;
    let at = this.#at(buf, start, end);
    if (at < 0 && n <= SCRATCH_SIZE) at = this.#stage(buf, start, end);
    if (at >= 0) this.#once(at, n);
    else {
      this.#oreset();
      this.#over(this.#oupdate, buf, start, end);
      this.#ofinish();
    }
    const i32 = this.#i32;
    out[0] = i32[ONCE_OUT_WORD] as number;
    out[1] = i32[ONCE_OUT_WORD + 1] as number;
  }

  /** The one-shot hash of four 32-bit words (little-endian, in order), in out. */
  pair(a1: number, a2: number, b1: number, b2: number, out: Int32Array): void {
    const i32 = this.#i32;
    const w = SCRATCH / 4;
    i32[w] = a1;
    i32[w + 1] = a2;
    i32[w + 2] = b1;
    i32[w + 3] = b2;
    this.#once(SCRATCH, 16);
    out[0] = i32[ONCE_OUT_WORD] as number;
    out[1] = i32[ONCE_OUT_WORD + 1] as number;
  }

  /** The hash stream state (7 words) saved to, or restored from, `saved`. */
  saveHash(saved: Int32Array): void {
    saved.set(this.#i32.subarray(HASH_STATE / 4, HASH_STATE / 4 + 7));
  }

  loadHash(saved: Int32Array): void {
    this.#views();
    this.#i32.set(saved, HASH_STATE / 4);
  }
}

let kernel: WasmKernel | null = null;

/** This thread's kernel, built on first use (WebAssembly is always there in Node 20 and Electron). */
export function wasmKernel(): WasmKernel {
  kernel ??= new WasmKernel();
  return kernel;
}
