/**
 * A 64-bit non-cryptographic hash of a value's bytes as stored, fed in pieces (the bytes of one value may
 * arrive in several chunks) with the same result however the bytes are split: xxHash64's round over 8-byte
 * little-endian words in WebAssembly (value-hash-wasm.ts), the last partial word carried between pieces.
 * Every byte counts. It only needs to tell values apart for a backup diff, never to resist an attacker.
 *
 * The thread's one WebAssembly instance holds one stream state; the hash that last used it owns it, and
 * another hash taking it over saves the owner's state first (two reads may interleave at their awaits).
 */
import type { ByteSink } from './byte-window.js';
import { wasmKernel } from './wasm-kernel.js';

const kernel = wasmKernel();
let owner: ValueHash | null = null;

export class ValueHash implements ByteSink {
  /** This hash's stream state while another hash owns the kernel's. */
  private readonly saved = new Int32Array(7);

  private claim(fresh: boolean): void {
    if (owner) kernel.saveHash(owner.saved);
    owner = this;
    if (!fresh) kernel.loadHash(this.saved);
  }

  /** Set by reset until the first bytes come: most values are hashed with `once` and never start a stream. */
  private fresh = true;

  reset(): void {
    this.fresh = true;
  }

  private begin(): void {
    if (this.fresh) {
      if (owner !== this) this.claim(true);
      kernel.hreset();
      this.fresh = false;
    } else if (owner !== this) this.claim(false);
  }

  update(buf: Uint8Array, start: number, end: number): void {
    this.begin();
    kernel.hupdate(buf, start, end);
  }

  /** The finished 64-bit hash as two 32-bit lanes, in out[0] and out[1]. */
  finish(out: Int32Array): void {
    this.begin();
    kernel.hfinish(out);
  }

  /** The hash of a value whose bytes are all at hand, in one step; this stream is left as it was. */
  once(buf: Uint8Array, start: number, end: number, out: Int32Array): void {
    kernel.once(buf, start, end, out);
  }

  digest(): string {
    this.finish(lanes);
    return hex64(lanes[0] as number, lanes[1] as number);
  }
}

/** The hash of two 64-bit hashes in order (16 bytes: a's halves then b's), in out. */
export function hashPair(a1: number, a2: number, b1: number, b2: number, out: Int32Array): void {
  kernel.pair(a1, a2, b1, b2, out);
}

/**
 * Folds 32-bit words (element hashes, in order) into a 64-bit hash: two lanes, each a multiply-rotate
 * mix in the style of MurmurHash3, then its finaliser.
 */
export class WordMix {
  private h1 = 0x9747b28c;
  private h2 = 0x85ebca6b;
  private words = 0;

  reset(): void {
    this.h1 = 0x9747b28c;
    this.h2 = 0x85ebca6b;
    this.words = 0;
  }

  mix(word: number): void {
    let k = Math.imul(word, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let h1 = this.h1 ^ k;
    h1 = (h1 << 13) | (h1 >>> 19);
    this.h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
    let j = Math.imul(word, 0x85ebca77);
    j = (j << 17) | (j >>> 15);
    j = Math.imul(j, 0xc2b2ae3d);
    let h2 = this.h2 ^ j;
    h2 = (h2 << 11) | (h2 >>> 21);
    this.h2 = (Math.imul(h2, 9) + 0x27d4eb2f) | 0;
    this.words++;
  }

  finish(out: Int32Array): void {
    const h1 = fmix((this.h1 ^ this.words) + this.h2);
    out[0] = h1;
    out[1] = fmix((this.h2 ^ this.words) + h1);
  }
}

const lanes = new Int32Array(2);

/** Sixteen hex digits for a 64-bit hash given as two 32-bit lanes. */
export function hex64(h1: number, h2: number): string {
  // One flat string from sixteen character codes: concatenating pieces left ropes for the GC.
  const n = (h: number, shift: number) => HEX_CODES[(h >>> shift) & 0xf] as number;
  return String.fromCharCode(
    n(h1, 28),
    n(h1, 24),
    n(h1, 20),
    n(h1, 16),
    n(h1, 12),
    n(h1, 8),
    n(h1, 4),
    n(h1, 0),
    n(h2, 28),
    n(h2, 24),
    n(h2, 20),
    n(h2, 16),
    n(h2, 12),
    n(h2, 8),
    n(h2, 4),
    n(h2, 0),
  );
}

const HEX_CODES = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

export function fmix(h: number): number {
  let x = h | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}
