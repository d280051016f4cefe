/**
 * A hash table of millions of keys in typed arrays: each slot holds a 64-bit hash of (database, key), a 64-bit
 * hash of the value, a prefix id and a state byte, 19 bytes a slot, no object per key. Two different keys
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

export class KeyTable {
  #mask: number;
  #k1: Uint32Array;
  #k2: Uint32Array;
  #v1: Uint32Array;
  #v2: Uint32Array;
  #prefix: Uint16Array;
  #state: Uint8Array;
  #size = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1 << 4;
    while (capacity < initialCapacity) capacity <<= 1;
    this.#mask = capacity - 1;
    this.#k1 = new Uint32Array(capacity);
    this.#k2 = new Uint32Array(capacity);
    this.#v1 = new Uint32Array(capacity);
    this.#v2 = new Uint32Array(capacity);
    this.#prefix = new Uint16Array(capacity);
    this.#state = new Uint8Array(capacity);
  }

  get size(): number {
    return this.#size;
  }

  #slot(k1: number, k2: number): number {
    let i = (k1 ^ Math.imul(k2, 0x9e3779b1)) & this.#mask;
    while (this.#state[i] !== EMPTY && (this.#k1[i] !== k1 || this.#k2[i] !== k2)) i = (i + 1) & this.#mask;
    return i;
  }

  /** Adds (or overwrites) a key with its value hash and prefix id. */
  set(k1: number, k2: number, v1: number, v2: number, prefix: number): void {
    if ((this.#size + 1) * 4 > (this.#mask + 1) * 3) this.#grow();
    const i = this.#slot(k1, k2);
    if (this.#state[i] === EMPTY) this.#size += 1;
    this.#k1[i] = k1;
    this.#k2[i] = k2;
    this.#v1[i] = v1;
    this.#v2[i] = v2;
    this.#prefix[i] = prefix;
    this.#state[i] = USED;
  }

  /**
   * Looks a key up and marks it visited: -1 when absent, 0 when its value hash is the same, 1 when it differs.
   * A key visited twice answers as it did the first time.
   */
  visit(k1: number, k2: number, v1: number, v2: number): -1 | 0 | 1 {
    const i = this.#slot(k1, k2);
    if (this.#state[i] === EMPTY) return -1;
    this.#state[i] = VISITED;
    return this.#v1[i] === v1 && this.#v2[i] === v2 ? 0 : 1;
  }

  isUnvisited(k1: number, k2: number): boolean {
    const i = this.#slot(k1, k2);
    return this.#state[i] === USED;
  }

  /** Calls back with the prefix id of every key never visited. */
  forEachUnvisited(fn: (prefix: number) => void): void {
    for (let i = 0; i <= this.#mask; i++) if (this.#state[i] === USED) fn(this.#prefix[i] as number);
  }

  #grow(): void {
    const old = {
      k1: this.#k1,
      k2: this.#k2,
      v1: this.#v1,
      v2: this.#v2,
      prefix: this.#prefix,
      state: this.#state,
    };
    const capacity = (this.#mask + 1) * 2;
    this.#mask = capacity - 1;
    this.#k1 = new Uint32Array(capacity);
    this.#k2 = new Uint32Array(capacity);
    this.#v1 = new Uint32Array(capacity);
    this.#v2 = new Uint32Array(capacity);
    this.#prefix = new Uint16Array(capacity);
    this.#state = new Uint8Array(capacity);
    for (let j = 0; j < old.state.length; j++) {
      if (old.state[j] === EMPTY) continue;
      const i = this.#slot(old.k1[j] as number, old.k2[j] as number);
      this.#k1[i] = old.k1[j] as number;
      this.#k2[i] = old.k2[j] as number;
      this.#v1[i] = old.v1[j] as number;
      this.#v2[i] = old.v2[j] as number;
      this.#prefix[i] = old.prefix[j] as number;
      this.#state[i] = old.state[j] as number;
    }
  }
}
