/** What the reader's fuzz tests share: a seeded PRNG and a read bounded in time. */
import { readRdb } from '../../electron/core/inspector/rdb/rdb-reader.js';
import type { RdbReadOptions } from '../../electron/core/inspector/rdb/rdb-types.js';
import { chunked } from './rdb-builder.js';

/** mulberry32: a small seeded PRNG, so a failing case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads `data` in chunks of `sizes` within 5 s; resolves with the error, or null when the read succeeded. */
export async function boundedOutcome(
  data: Uint8Array,
  sizes: number[],
  options: RdbReadOptions,
): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(new Error('timed out')), 5000);
  });
  const read = readRdb(chunked(data, sizes), () => {}, options).then(
    () => null,
    (e: unknown) => e,
  );
  const result = await Promise.race([read, timeout]);
  clearTimeout(timer);
  return result;
}
