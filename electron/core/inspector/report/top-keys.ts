/**
 * The N biggest keys of a stream of millions, in O(N) memory: a min-heap on file bytes whose root is the
 * smallest kept key, so a key smaller than it costs one comparison and no copy.
 */
import type { RdbKeyEntry } from '../rdb/rdb-types';

export interface KeptKey {
  db: number;
  /** A copy of the key's bytes (the reader's view is only valid during its callback). */
  key: Uint8Array;
  type: RdbKeyEntry['type'];
  encoding: string;
  bytes: number;
  elements: number;
  expireAtMs: number | null;
}

export class TopKeys {
  readonly #heap: KeptKey[] = [];
  readonly #limit: number;

  constructor(limit = 100) {
    this.#limit = limit;
  }

  /** The smallest size a key must exceed to be kept now (0 until the heap is full). */
  get threshold(): number {
    return this.#heap.length < this.#limit ? 0 : (this.#heap[0]?.bytes ?? 0);
  }

  offer(entry: RdbKeyEntry): void {
    if (this.#limit <= 0) return;
    if (this.#heap.length >= this.#limit && entry.bytes <= (this.#heap[0]?.bytes ?? 0)) return;
    const kept: KeptKey = {
      db: entry.db,
      key: entry.key.slice(),
      type: entry.type,
      encoding: entry.encoding,
      bytes: entry.bytes,
      elements: entry.elements,
      expireAtMs: entry.expireAtMs,
    };
    if (this.#heap.length < this.#limit) {
      this.#heap.push(kept);
      this.#up(this.#heap.length - 1);
    } else {
      this.#heap[0] = kept;
      this.#down(0);
    }
  }

  /** Biggest first; equal sizes by database then key bytes, so the order never depends on file order. */
  sorted(): KeptKey[] {
    return [...this.#heap].sort((a, b) => b.bytes - a.bytes || a.db - b.db || compareBytes(a.key, b.key));
  }

  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as KeptKey).bytes <= (heap[i] as KeptKey).bytes) return;
      [heap[parent], heap[i]] = [heap[i] as KeptKey, heap[parent] as KeptKey];
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < heap.length && (heap[l] as KeptKey).bytes < (heap[min] as KeptKey).bytes) min = l;
      if (r < heap.length && (heap[r] as KeptKey).bytes < (heap[min] as KeptKey).bytes) min = r;
      if (min === i) return;
      [heap[min], heap[i]] = [heap[i] as KeptKey, heap[min] as KeptKey];
      i = min;
    }
  }
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
