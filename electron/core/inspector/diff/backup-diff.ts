/**
 * Compares two backups key by key in memory bounded by the key count (24 bytes a key, no key names kept).
 * Each backup is read into a log of key and value hashes sorted by key hash (collect.ts, hash-log.ts); with
 * the app's own reader the two reads run at once, one worker thread each (diff-threads.ts), and the two
 * sorted logs are then compared in one linear merge. Keys only the other backup (usually the newest) has
 * are `added`, keys only the base (the one a restore would bring back) has `removed`, keys in both
 * `changed` when their value hashes (the reader's 64-bit `valueHash`) differ. That hash follows a
 * collection's content whatever its encoding, but strings, streams and module values are hashed as stored:
 * the same string written once LZF-compressed and once plain (rdbcompression changed between the two
 * backups) counts as changed. A change of TTL alone is not a change of value.
 *
 * Samples: the first added and changed keys in the other backup's order, named from the first keys it kept
 * or else by a partial read of the other backup that stops at the last one needed; removed keys are named
 * from a small sample of base keys (the smallest key hashes, a uniform pick), and only when that sample holds
 * too few of them, from a partial read of the base that stops as soon as enough are named.
 */
import { escapeKey } from '../../../../shared/escape-key';
import { DEFAULT_SEPARATORS, type DiffResult } from '../../../../shared/inspector';
import { abortError, isAbort, type ReadBackupOptions, readBackup } from '../files/read-backup';
import type { SearchedBackup } from '../find/key-finder';
import { readRdb as appReader } from '../rdb/rdb-reader';
import type { ReadRdb } from '../rdb/rdb-types';
import { type Collected, type CollectRequest, collect, type Progress } from './collect';
import { collectInWorker } from './diff-threads';
import { HashLog, keyHash, MATCHED, STRIDE } from './hash-log';
import { joinPrefixes } from './prefix-ids';

export interface DiffOptions {
  separators?: string;
  /** Named keys per kind (added, removed, changed). */
  samples?: number;
  /** Base keys whose names are kept for naming removed keys without another pass. */
  reservoir?: number;
  /** Keys of the other backup, first in its order, whose names are kept for naming added and changed keys. */
  firstNames?: number;
  /** First-level prefixes counted apart; the rest are counted as `(other)`. */
  maxPrefixes?: number;
  /**
   * Read the two backups at once in two worker threads. Only the app's own reader can run there (a worker
   * loads it itself), so this is the default with that reader and refused with any other.
   */
  threads?: boolean;
  /** The worker's entry file, where the default location (beside this module or the bundle) does not fit. */
  workerEntry?: URL;
  signal?: AbortSignal;
  onProgress?: (
    label: string,
    phase: 'reading' | 'sampling',
    progress: Parameters<NonNullable<ReadBackupOptions['onProgress']>>[0],
  ) => void;
}

type Sample = { db: number; key: string };

export async function diffBackups(
  readRdb: ReadRdb,
  base: SearchedBackup,
  other: SearchedBackup,
  options: DiffOptions = {},
): Promise<DiffResult> {
  const sampleCount = options.samples ?? 10;
  const separators = options.separators ?? DEFAULT_SEPARATORS;
  const maxPrefixes = options.maxPrefixes ?? 1000;
  const threads = options.threads ?? readRdb === appReader;
  if (threads && readRdb !== appReader) throw new Error('only the app’s RDB reader can run in diff workers');
  const signal = options.signal;
  const baseReq: CollectRequest = {
    paths: base.paths,
    role: 'base',
    separators,
    maxPrefixes,
    names: options.reservoir ?? 512,
  };
  const otherReq: CollectRequest = {
    paths: other.paths,
    role: 'other',
    separators,
    maxPrefixes,
    names: options.firstNames ?? 4096,
  };
  const progress = (label: string) => (p: Progress) => options.onProgress?.(label, 'reading', p);
  let a: Collected;
  let b: Collected;
  if (threads) {
    const stop = new AbortController();
    const relay = () => stop.abort(signal?.reason);
    signal?.addEventListener('abort', relay, { once: true });
    try {
      signal?.throwIfAborted();
      // One failing side stops the other at once.
      const run = (req: CollectRequest, label: string) =>
        collectInWorker(req, stop.signal, progress(label), options.workerEntry).catch((error: unknown) => {
          stop.abort();
          throw error;
        });
      [a, b] = await Promise.all([run(baseReq, base.label), run(otherReq, other.label)]);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw error;
    } finally {
      signal?.removeEventListener('abort', relay);
    }
  } else {
    a = await collect(readRdb, baseReq, signal, progress(base.label));
    b = await collect(readRdb, otherReq, signal, progress(other.label));
  }

  const { names, otherIds } = joinPrefixes(a.prefixNames, b.prefixNames, maxPrefixes);
  const merged = merge(a, b, otherIds, names.length, sampleCount);
  const baseLog = new HashLog(a.records, a.count);

  const samples = {
    added: await nameByIndex(readRdb, other, b, merged.addedAt, options),
    removed: [] as Sample[],
    changed: await nameByIndex(readRdb, other, b, merged.changedAt, options),
  };
  const unmatched = (k1: number, k2: number) => {
    const i = baseLog.find(k1, k2);
    return i >= 0 && ((a.records[i * STRIDE + 4] as number) & MATCHED) === 0;
  };
  for (const r of a.reservoir) {
    if (samples.removed.length >= sampleCount) break;
    if (unmatched(r.k1, r.k2)) samples.removed.push({ db: r.db, key: escapeKey(r.key) });
  }
  const removed = merged.total[1] as number;
  if (samples.removed.length < Math.min(sampleCount, removed)) {
    samples.removed = await nameRemoved(readRdb, base, unmatched, Math.min(sampleCount, removed), options);
  }

  const c = merged.counts;
  const byPrefix = names
    .map((prefix, id) => ({
      prefix,
      added: c[id * 4] as number,
      removed: c[id * 4 + 1] as number,
      changed: c[id * 4 + 2] as number,
      unchanged: c[id * 4 + 3] as number,
    }))
    .filter((row) => row.added + row.removed + row.changed + row.unchanged > 0)
    .sort(
      (x, y) =>
        y.added + y.removed + y.changed - (x.added + x.removed + x.changed) ||
        (x.prefix < y.prefix ? -1 : x.prefix > y.prefix ? 1 : 0),
    );
  const [added, , changed, unchanged] = merged.total as unknown as [number, number, number, number];
  return {
    base: base.label,
    other: other.label,
    added,
    removed,
    changed,
    unchanged,
    byPrefix,
    samples,
    wouldLose: { missingKeys: added, changedKeys: changed },
  };
}

interface Merged {
  /** Per joint prefix id: added, removed, changed, unchanged. */
  counts: Float64Array;
  total: Float64Array;
  /** Stream indices in the other backup of its first added (and changed) keys, ascending. */
  addedAt: number[];
  changedAt: number[];
}

/**
 * Walks both logs in key-hash order. A key the other backup holds twice is compared twice, as a lookup per
 * key would; every base key met is marked MATCHED in the base log (for naming removed keys afterwards).
 */
function merge(a: Collected, b: Collected, otherIds: Int32Array, prefixCount: number, keep: number): Merged {
  const counts = new Float64Array(prefixCount * 4);
  const addedAt: number[] = [];
  const changedAt: number[] = [];
  const A = a.records;
  const B = b.records;
  const nA = a.count * STRIDE;
  const nB = b.count * STRIDE;
  let i = 0;
  let j = 0;
  const otherPrefix = (at: number) => (otherIds[B[at + 4] as number] as number) * 4;
  while (j < nB) {
    let c = 1;
    if (i < nA) {
      const a1 = A[i] as number;
      const b1 = B[j] as number;
      c = a1 < b1 ? -1 : a1 > b1 ? 1 : 0;
      if (c === 0) {
        const a2 = A[i + 1] as number;
        const b2 = B[j + 1] as number;
        c = a2 < b2 ? -1 : a2 > b2 ? 1 : 0;
      }
    }
    if (c < 0) {
      if (((A[i + 4] as number) & MATCHED) === 0)
        (counts[((A[i + 4] as number) & 0xffff) * 4 + 1] as number)++;
      i += STRIDE;
    } else if (c > 0) {
      (counts[otherPrefix(j)] as number)++;
      keepFirst(addedAt, B[j + 5] as number, keep);
      j += STRIDE;
    } else {
      A[i + 4] = ((A[i + 4] as number) | MATCHED) >>> 0;
      if (A[i + 2] === B[j + 2] && A[i + 3] === B[j + 3]) (counts[otherPrefix(j) + 3] as number)++;
      else {
        (counts[otherPrefix(j) + 2] as number)++;
        keepFirst(changedAt, B[j + 5] as number, keep);
      }
      j += STRIDE;
    }
  }
  for (; i < nA; i += STRIDE) {
    if (((A[i + 4] as number) & MATCHED) === 0) (counts[((A[i + 4] as number) & 0xffff) * 4 + 1] as number)++;
  }
  const total = new Float64Array(4);
  for (let p = 0; p < counts.length; p++) (total[p & 3] as number) += counts[p] as number;
  return { counts, total, addedAt, changedAt };
}

/** Keeps the `keep` smallest stream indices seen, ascending. */
function keepFirst(list: number[], at: number, keep: number): void {
  if (keep <= 0 || (list.length >= keep && at >= (list[list.length - 1] as number))) return;
  let p = list.length;
  while (p > 0 && (list[p - 1] as number) > at) p--;
  list.splice(p, 0, at);
  if (list.length > keep) list.length = keep;
}

/** Names keys of the other backup by stream index: from its kept first names, else by reading up to the last. */
async function nameByIndex(
  readRdb: ReadRdb,
  other: SearchedBackup,
  b: Collected,
  indices: readonly number[],
  options: DiffOptions,
): Promise<Sample[]> {
  const last = indices[indices.length - 1];
  if (last === undefined) return [];
  if (last < b.firstNames.length) return indices.map((i) => b.firstNames[i] as Sample);
  const wanted = new Set(indices);
  const byIndex = new Map<number, Sample>();
  let index = 0;
  await partialRead(readRdb, other, options, (entry, stop) => {
    if (wanted.has(index)) byIndex.set(index, { db: entry.db, key: escapeKey(entry.key) });
    if (index++ >= last) stop();
  });
  return indices.map((i) => byIndex.get(i)).filter((s): s is Sample => s !== undefined);
}

/** Reads the base again only until `wanted` keys the other backup lacks are named. */
async function nameRemoved(
  readRdb: ReadRdb,
  base: SearchedBackup,
  unmatched: (k1: number, k2: number) => boolean,
  wanted: number,
  options: DiffOptions,
): Promise<Sample[]> {
  const found: Sample[] = [];
  const k = new Uint32Array(2);
  await partialRead(readRdb, base, options, (entry, stop) => {
    if (found.length >= wanted) return;
    keyHash(entry.db, entry.key, k);
    if (!unmatched(k[0] as number, k[1] as number)) return;
    found.push({ db: entry.db, key: escapeKey(entry.key) });
    if (found.length >= wanted) stop();
  });
  return found;
}

/** Reads a backup in this thread until `onKey` calls `stop`. */
async function partialRead(
  readRdb: ReadRdb,
  backup: SearchedBackup,
  options: DiffOptions,
  onKey: (entry: Parameters<Parameters<ReadRdb>[1]>[0], stop: () => void) => void,
): Promise<void> {
  const enough = new AbortController();
  const outer = options.signal;
  const relay = () => enough.abort();
  outer?.addEventListener('abort', relay, { once: true });
  let stopped = false;
  const stop = () => {
    stopped = true;
    enough.abort();
  };
  try {
    await readBackup(
      backup.paths,
      readRdb,
      {
        startFile: () => undefined,
        endFile: () => undefined,
        onKey: (entry) => {
          if (!stopped) onKey(entry, stop);
        },
      },
      { signal: enough.signal, onProgress: (p) => options.onProgress?.(backup.label, 'sampling', p) },
    );
  } catch (error) {
    if (outer?.aborted) throw abortError();
    if (!(isAbort(error) && stopped)) throw error;
  } finally {
    outer?.removeEventListener('abort', relay);
  }
}
