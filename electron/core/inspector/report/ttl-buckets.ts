/** The TTL histogram's buckets: time left at the reference moment, or none. */
import type { TtlBucket } from '../../../../shared/inspector';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Upper bounds (exclusive) of the bounded buckets, in order. */
const BOUNDS: ReadonlyArray<readonly [TtlBucket, number]> = [
  ['lt1m', MINUTE],
  ['lt1h', HOUR],
  ['lt1d', DAY],
  ['lt7d', 7 * DAY],
  ['lt30d', 30 * DAY],
];

/**
 * Which bucket a key falls in. Expired means strictly before the reference moment, as a master loading an
 * RDB drops keys (redis `src/rdb.c` rdbLoadRioWithLoadingCtx: `expiretime != -1 && expiretime < now`).
 */
export function isExpired(expireAtMs: number | null, referenceMs: number): boolean {
  return expireAtMs !== null && expireAtMs < referenceMs;
}

export function ttlBucket(expireAtMs: number | null, referenceMs: number): TtlBucket {
  if (expireAtMs === null) return 'none';
  const left = expireAtMs - referenceMs;
  if (left < 0) return 'expired';
  for (const [bucket, bound] of BOUNDS) if (left < bound) return bucket;
  return 'longer';
}
