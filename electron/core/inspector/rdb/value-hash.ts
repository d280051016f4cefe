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

  private mix(word: number): void {
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

  digest(): string {
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
    return hex32(h1) + hex32(h2);
  }
}

/** Byte to two hex digits: Number#toString(16) costs more than the whole hash of a small value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(h: number): string {
  return (
    (HEX[(h >>> 24) & 0xff] as string) +
    (HEX[(h >>> 16) & 0xff] as string) +
    (HEX[(h >>> 8) & 0xff] as string) +
    (HEX[h & 0xff] as string)
  );
}

function fmix(h: number): number {
  let x = h | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x;
}
