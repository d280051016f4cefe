/**
 * A 64-bit non-cryptographic hash of a value's bytes as stored, fed in pieces (the bytes of one value may
 * arrive in several chunks) with the same result however the bytes are split: two 32-bit lanes, each a
 * multiply-rotate mix in the style of MurmurHash3, over 4-byte little-endian words, the last partial word
 * carried between pieces. It only needs to tell values apart for a backup diff, never to resist an attacker.
 */
export class ValueHash {
  private h1 = 0;
  private h2 = 0;
  private carry = 0;
  private carryBytes = 0;
  private length = 0;

  reset(): void {
    this.h1 = 0x9747b28c;
    this.h2 = 0x85ebca6b;
    this.carry = 0;
    this.carryBytes = 0;
    this.length = 0;
  }

  update(buf: Uint8Array, start: number, end: number): void {
    this.length += end - start;
    let i = start;
    while (this.carryBytes > 0 && this.carryBytes < 4 && i < end) {
      this.carry |= (buf[i++] as number) << (8 * this.carryBytes);
      this.carryBytes++;
      if (this.carryBytes === 4) {
        this.mix(this.carry);
        this.carry = 0;
        this.carryBytes = 0;
        break;
      }
    }
    // The word loop keeps both lanes in locals (object fields would be loaded and stored on every word).
    let h1 = this.h1;
    let h2 = this.h2;
    if (end - i >= 64) {
      const view = viewOf(buf);
      for (; i + 4 <= end; i += 4) {
        const word = view.getInt32(i, true);
        let k = Math.imul(word, 0xcc9e2d51);
        k = (k << 15) | (k >>> 17);
        h1 ^= Math.imul(k, 0x1b873593);
        h1 = (h1 << 13) | (h1 >>> 19);
        h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
        let j = Math.imul(word, 0x85ebca77);
        j = (j << 17) | (j >>> 15);
        h2 ^= Math.imul(j, 0xc2b2ae3d);
        h2 = (h2 << 11) | (h2 >>> 21);
        h2 = (Math.imul(h2, 9) + 0x27d4eb2f) | 0;
      }
    }
    this.h1 = h1;
    this.h2 = h2;
    for (; i + 4 <= end; i += 4) {
      this.mix(
        (buf[i] as number) |
          ((buf[i + 1] as number) << 8) |
          ((buf[i + 2] as number) << 16) |
          ((buf[i + 3] as number) << 24),
      );
    }
    for (; i < end; i++) {
      this.carry |= (buf[i] as number) << (8 * this.carryBytes);
      this.carryBytes++;
    }
  }

  /** Folds one 32-bit word (also used to fold element hashes in order). */
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
  }

  /** The finished 64-bit hash as two 32-bit lanes, in out[0] and out[1]. */
  finish(out: Int32Array): void {
    let h1 = this.h1;
    let h2 = this.h2;
    if (this.carryBytes > 0) {
      h1 ^= Math.imul(this.carry, 0xcc9e2d51);
      h2 ^= Math.imul(this.carry, 0x85ebca77);
    }
    h1 ^= this.length;
    h2 ^= this.length;
    h1 = fmix(h1 + h2);
    h2 = fmix(h2 + h1);
    out[0] = h1;
    out[1] = h2;
  }

  digest(): string {
    this.finish(lanes);
    return hex64(lanes[0] as number, lanes[1] as number);
  }
}

const lanes = new Int32Array(2);

let viewed: Uint8Array | null = null;
let view: DataView | null = null;

/** A DataView over the buffer, reused while the same buffer comes back (values hashed one after another). */
function viewOf(buf: Uint8Array): DataView {
  // A big one-off buffer is not kept alive by the cache.
  if (buf.byteLength > 8 << 20) return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf !== viewed || !view) {
    viewed = buf;
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return view;
}

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
