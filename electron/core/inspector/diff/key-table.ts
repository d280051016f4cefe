/**
 * A hash table of millions of keys in one typed array: each slot holds a 64-bit hash of (database, key), a
 * 64-bit hash of the value, a prefix id and a state, 20 bytes a slot, no object per key. Two different keys
 * share a 64-bit hash with a chance of about n² / 2⁶⁵ (under one in a hundred thousand at ten million
 * keys); such a pair would be counted as one key.
 */

const EMPTY = 0;
const USED = 1;
const VISITED = 2;

/** A 64-bit hash of (db, key) as two 32-bit halves: two multiply-xorshift lanes over the bytes. */
export function keyHash(db: number, key: Uint8Array, out: Uint32Array): void {
  let h1 = 0x9e3779b9 ^ db;
  let h2 = 0x85ebca6b ^ Math.imul(db, 0xc2b2ae35);
  for (let i = 0; i < key.length; i++) {
    const b = key[i] as number;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= key.length;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 = Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x7feb352d);
  h2 = Math.imul(h2 ^ (h2 >>> 15), 0x846ca68b);
  h2 ^= h2 >>> 16;
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}

/** Words per slot: key hash (2), value hash (2), then prefix id (low 16 bits) and state (bits 16–17). */
const STRIDE = 5;

export class KeyTable {
  #mask: number;
  /**
   * Every slot's five words side by side: a lookup touches one cache line, not one per field (with millions
   * of keys in random order, each touch of a separate array would be a cache miss).
   */
  #slots: Uint32Array;
  #size = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1 << 4;
    while (capacity < initialCapacity) capacity <<= 1;
    this.#mask = capacity - 1;
    this.#slots = new Uint32Array(capacity * STRIDE);
  }

  get size(): number {
    return this.#size;
  }

  /** The word offset of the key's slot: its own, or the empty one where it would go. */
  #slot(k1: number, k2: number): number {
    const slots = this.#slots;
    let i = (k1 ^ Math.imul(k2, 0x9e3779b1)) & this.#mask;
    for (;;) {
      const at = i * STRIDE;
      if ((slots[at + 4] as number) >>> 16 === EMPTY) return at;
      if (slots[at] === k1 && slots[at + 1] === k2) return at;
      i = (i + 1) & this.#mask;
    }
  }

  /** Adds (or overwrites) a key with its value hash and prefix id. */
  set(k1: number, k2: number, v1: number, v2: number, prefix: number): void {
    if ((this.#size + 1) * 4 > (this.#mask + 1) * 3) this.#grow();
    const at = this.#slot(k1, k2);
    const slots = this.#slots;
    if ((slots[at + 4] as number) >>> 16 === EMPTY) this.#size += 1;
    slots[at] = k1;
    slots[at + 1] = k2;
    slots[at + 2] = v1;
    slots[at + 3] = v2;
    slots[at + 4] = (USED << 16) | (prefix & 0xffff);
  }

  /**
   * Looks a key up and marks it visited: -1 when absent, 0 when its value hash is the same, 1 when it differs.
   * A key visited twice answers as it did the first time.
   */
  visit(k1: number, k2: number, v1: number, v2: number): -1 | 0 | 1 {
    const at = this.#slot(k1, k2);
    const slots = this.#slots;
    const meta = slots[at + 4] as number;
    if (meta >>> 16 === EMPTY) return -1;
    slots[at + 4] = (VISITED << 16) | (meta & 0xffff);
    return slots[at + 2] === v1 && slots[at + 3] === v2 ? 0 : 1;
  }

  isUnvisited(k1: number, k2: number): boolean {
    const at = this.#slot(k1, k2);
    return (this.#slots[at + 4] as number) >>> 16 === USED;
  }

  /** Calls back with the prefix id of every key never visited. */
  forEachUnvisited(fn: (prefix: number) => void): void {
    const slots = this.#slots;
    for (let at = 4; at < slots.length; at += STRIDE) {
      const meta = slots[at] as number;
      if (meta >>> 16 === USED) fn(meta & 0xffff);
    }
  }

  #grow(): void {
    const old = this.#slots;
    const capacity = (this.#mask + 1) * 2;
    this.#mask = capacity - 1;
    this.#slots = new Uint32Array(capacity * STRIDE);
    for (let from = 0; from < old.length; from += STRIDE) {
      if ((old[from + 4] as number) >>> 16 === EMPTY) continue;
      const to = this.#slot(old[from] as number, old[from + 1] as number);
      this.#slots.set(old.subarray(from, from + STRIDE), to);
    }
  }
}
