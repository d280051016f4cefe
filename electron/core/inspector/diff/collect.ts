/**
 * Reads one backup of a diff into a sorted HashLog, with its prefix names and the few key names the diff
 * may need later: for the base, a uniform sample (the keys with the smallest first hash halves) to name
 * removed keys; for the other, the first keys in stream order, to name added and changed keys without a
 * second read when they come early (the diff's samples are the first ones in the other backup's order).
 * Runs in the calling thread or in a diff worker (diff-worker.ts), with the same result.
 */
import { escapeKey } from '../../../../shared/escape-key';
import { type ReadBackupOptions, readBackup } from '../files/read-backup';
import type { ReadRdb } from '../rdb/rdb-types';
import { HashLog, keyHash, valueHalves } from './hash-log';
import { PrefixIds } from './prefix-ids';

export type Progress = Parameters<NonNullable<ReadBackupOptions['onProgress']>>[0];

export interface CollectRequest {
  paths: readonly string[];
  role: 'base' | 'other';
  separators: string;
  maxPrefixes: number;
  /** Base: how many sampled names to keep. Other: how many first names to keep. */
  names: number;
}

export interface ReservoirKey {
  k1: number;
  k2: number;
  db: number;
  key: Uint8Array;
}

export interface Collected {
  records: Uint32Array;
  count: number;
  prefixNames: string[];
  /** Base only: the sampled keys, in the order the diff reads them. */
  reservoir: ReservoirKey[];
  /** Other only: the first keys, escaped, by stream index. */
  firstNames: Array<{ db: number; key: string }>;
}

export async function collect(
  readRdb: ReadRdb,
  req: CollectRequest,
  signal?: AbortSignal,
  onProgress?: (p: Progress) => void,
): Promise<Collected> {
  const prefixes = new PrefixIds(req.separators, req.maxPrefixes);
  const log = new HashLog();
  const k = new Uint32Array(2);
  const v = new Uint32Array(2);
  const reservoir: ReservoirKey[] = [];
  const firstNames: Array<{ db: number; key: string }> = [];
  const reservoirSize = req.role === 'base' ? req.names : 0;
  const firstSize = req.role === 'other' ? req.names : 0;
  let reservoirMax = 0xffffffff;
  const noop = () => undefined;
  await readBackup(
    req.paths,
    readRdb,
    {
      startFile: noop,
      endFile: noop,
      onKey: (entry) => {
        keyHash(entry.db, entry.key, k);
        valueHalves(entry, v);
        const k1 = k[0] as number;
        if (firstNames.length < firstSize) firstNames.push({ db: entry.db, key: escapeKey(entry.key) });
        log.add(k1, k[1] as number, v[0] as number, v[1] as number, prefixes.of(entry.key));
        if (reservoirSize > 0 && (reservoir.length < reservoirSize || k1 < reservoirMax)) {
          reservoir.push({ k1, k2: k[1] as number, db: entry.db, key: entry.key.slice() });
          // Trimmed back to size once it holds twice as many: one sort per reservoirSize keys kept.
          if (reservoir.length >= 2 * reservoirSize) {
            reservoir.sort((a, b) => a.k1 - b.k1);
            reservoir.length = reservoirSize;
            reservoirMax = (reservoir[reservoirSize - 1] as { k1: number }).k1;
          }
        }
      },
    },
    { hashValues: 'lanes', ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) },
  );
  signal?.throwIfAborted();
  if (reservoir.length > reservoirSize) {
    reservoir.sort((a, b) => a.k1 - b.k1);
    reservoir.length = reservoirSize;
  }
  log.sort(req.role === 'base');
  return {
    records: log.records,
    count: log.count,
    prefixNames: prefixes.names,
    reservoir,
    firstNames,
  };
}
