/**
 * Compares two backups key by key in memory bounded by the key count (20 bytes a key, no key names kept):
 * the base backup (the one a restore would bring back) is read into a KeyTable of key and value hashes, then
 * the other one (usually the newest) is streamed against it. Keys only the other has are `added`, keys only
 * the base has `removed`, keys in both `changed` when their value hashes (the reader's 64-bit `valueHash`)
 * differ. That hash follows a collection's content whatever its encoding, but strings, streams and module
 * values are hashed as stored: the same string written once LZF-compressed and once plain (rdbcompression
 * changed between the two backups) counts as changed. A change of TTL alone is not a change of value.
 *
 * Samples: added and changed keys are named while the other backup streams by. Removed keys are known only
 * once it ended; their names come from a small sample of base keys kept on the way (the smallest key
 * hashes, a uniform pick), and only when that sample holds too few of them, from a third, partial pass over
 * the base that stops as soon as enough are named.
 */
import { escapeKey } from '../../../../shared/escape-key';
import { DEFAULT_SEPARATORS, type DiffResult } from '../../../../shared/inspector';
import { abortError, isAbort, type ReadBackupOptions, readBackup } from '../files/read-backup';
import type { SearchedBackup } from '../find/key-finder';
import type { RdbKeyEntry, ReadRdb } from '../rdb/rdb-types';
import { KeyTable, keyHash } from './key-table';

export interface DiffOptions {
  separators?: string;
  /** Named keys per kind (added, removed, changed). */
  samples?: number;
  /** Base keys whose names are kept for naming removed keys without a third pass. */
  reservoir?: number;
  /** First-level prefixes counted apart; the rest are counted as `(other)`. */
  maxPrefixes?: number;
  signal?: AbortSignal;
  onProgress?: (
    label: string,
    phase: 'reading' | 'sampling',
    progress: Parameters<NonNullable<ReadBackupOptions['onProgress']>>[0],
  ) => void;
}

const NONE = 0;
const OTHER = 1;

interface Counts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

type Sample = { db: number; key: string };

/** A hex digit's value, or -1; indexed by char code. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** The reader's 16-hex-digit value hash as two 32-bit halves, without building strings. */
function valueHalves(entry: RdbKeyEntry, out: Uint32Array): void {
  const hex = entry.valueHash;
  let hi = 0;
  let lo = 0;
  let bad = hex === undefined || hex.length !== 16;
  if (hex !== undefined && !bad) {
    for (let i = 0; i < 16; i++) {
      const d = HEX[hex.charCodeAt(i)] ?? -1;
      if (d < 0) bad = true;
      if (i < 8) hi = hi * 16 + d;
      else lo = lo * 16 + d;
    }
  }
  if (bad) throw new Error('the RDB reader did not hash the values it was asked to hash');
  out[0] = hi;
  out[1] = lo;
}

function samePrefix(prefix: Uint8Array, key: Uint8Array, end: number): boolean {
  if (prefix.length !== end) return false;
  for (let i = 0; i < end; i++) if (prefix[i] !== key[i]) return false;
  return true;
}

/** First-level prefix ids: 0 none, 1 other, 2… in order of first sight, up to the cap. */
class PrefixIds {
  readonly names: string[] = ['(none)', '(other)'];
  /** By a 32-bit hash of the prefix bytes, then by bytes: no string per key. */
  readonly #ids = new Map<number, Array<{ bytes: Uint8Array; id: number }>>();
  readonly #isSeparator = new Uint8Array(256);
  readonly #max: number;

  constructor(separators: string, max: number) {
    for (const ch of separators) this.#isSeparator[ch.charCodeAt(0) & 0xff] = 1;
    this.#max = Math.min(max, 0xfffd);
  }

  of(key: Uint8Array): number {
    let hash = 0x811c9dc5;
    let end = -1;
    for (let i = 0; i < key.length; i++) {
      const b = key[i] as number;
      hash = Math.imul(hash ^ b, 0x01000193);
      if (this.#isSeparator[b] === 1) {
        end = i + 1;
        break;
      }
    }
    if (end === -1) return NONE;
    const bucket = this.#ids.get(hash);
    if (bucket) {
      for (const known of bucket) if (samePrefix(known.bytes, key, end)) return known.id;
    }
    if (this.names.length - 2 >= this.#max) return OTHER;
    const bytes = key.slice(0, end);
    const id = this.names.length;
    this.names.push(escapeKey(bytes));
    if (bucket) bucket.push({ bytes, id });
    else this.#ids.set(hash, [{ bytes, id }]);
    return id;
  }
}

export async function diffBackups(
  readRdb: ReadRdb,
  base: SearchedBackup,
  other: SearchedBackup,
  options: DiffOptions = {},
): Promise<DiffResult> {
  const sampleCount = options.samples ?? 10;
  const prefixes = new PrefixIds(options.separators ?? DEFAULT_SEPARATORS, options.maxPrefixes ?? 1000);
  const table = new KeyTable();
  const k = new Uint32Array(2);
  const v = new Uint32Array(2);
  // The base keys with the smallest first hash halves: a uniform sample whose names we keep.
  const reservoirSize = options.reservoir ?? 512;
  const reservoir: Array<{ k1: number; k2: number; db: number; key: Uint8Array }> = [];
  let reservoirMax = 0xffffffff;
  const noop = () => undefined;
  const signal = options.signal;
  const readOpts = (label: string, phase: 'reading' | 'sampling', s = signal) => ({
    hashValues: true,
    ...(s ? { signal: s } : {}),
    onProgress: (p: Parameters<NonNullable<ReadBackupOptions['onProgress']>>[0]) =>
      options.onProgress?.(label, phase, p),
  });

  await readBackup(
    base.paths,
    readRdb,
    {
      startFile: noop,
      endFile: noop,
      onKey: (entry) => {
        keyHash(entry.db, entry.key, k);
        valueHalves(entry, v);
        table.set(k[0] as number, k[1] as number, v[0] as number, v[1] as number, prefixes.of(entry.key));
        const k1 = k[0] as number;
        if (reservoirSize > 0 && (reservoir.length < reservoirSize || k1 < reservoirMax)) {
          reservoir.push({ k1, k2: k[1] as number, db: entry.db, key: entry.key.slice() });
          if (reservoir.length > reservoirSize) {
            reservoir.sort((a, b) => a.k1 - b.k1);
            reservoir.length = reservoirSize;
            reservoirMax = (reservoir[reservoirSize - 1] as { k1: number }).k1;
          }
        }
      },
    },
    readOpts(base.label, 'reading'),
  );

  const counts: Counts[] = [];
  const at = (id: number): Counts => {
    let c = counts[id];
    if (!c) {
      c = { added: 0, removed: 0, changed: 0, unchanged: 0 };
      counts[id] = c;
    }
    return c;
  };
  const samples = { added: [] as Sample[], removed: [] as Sample[], changed: [] as Sample[] };
  await readBackup(
    other.paths,
    readRdb,
    {
      startFile: noop,
      endFile: noop,
      onKey: (entry) => {
        keyHash(entry.db, entry.key, k);
        valueHalves(entry, v);
        const seen = table.visit(k[0] as number, k[1] as number, v[0] as number, v[1] as number);
        const c = at(prefixes.of(entry.key));
        if (seen === -1) {
          c.added += 1;
          if (samples.added.length < sampleCount)
            samples.added.push({ db: entry.db, key: escapeKey(entry.key) });
        } else if (seen === 1) {
          c.changed += 1;
          if (samples.changed.length < sampleCount) {
            samples.changed.push({ db: entry.db, key: escapeKey(entry.key) });
          }
        } else {
          c.unchanged += 1;
        }
      },
    },
    readOpts(other.label, 'reading'),
  );
  let removed = 0;
  table.forEachUnvisited((prefix) => {
    at(prefix).removed += 1;
    removed += 1;
  });

  for (const r of reservoir) {
    if (samples.removed.length >= sampleCount) break;
    if (table.isUnvisited(r.k1, r.k2)) samples.removed.push({ db: r.db, key: escapeKey(r.key) });
  }
  if (samples.removed.length < Math.min(sampleCount, removed)) {
    samples.removed = await nameRemoved(readRdb, base, table, Math.min(sampleCount, removed), options);
  }

  const total = (pick: keyof Counts) => counts.reduce((n, c) => n + (c ? c[pick] : 0), 0);
  const byPrefix = counts
    .map((c, id) => (c ? { prefix: prefixes.names[id] as string, ...c } : null))
    .filter((row): row is NonNullable<typeof row> => row !== null)
    .sort(
      (a, b) =>
        b.added + b.removed + b.changed - (a.added + a.removed + a.changed) ||
        (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0),
    );
  const added = total('added');
  const changed = total('changed');
  return {
    base: base.label,
    other: other.label,
    added,
    removed,
    changed,
    unchanged: total('unchanged'),
    byPrefix,
    samples,
    wouldLose: { missingKeys: added, changedKeys: changed },
  };
}

/** Reads the base again only until `wanted` keys the other backup lacks are named. */
async function nameRemoved(
  readRdb: ReadRdb,
  base: SearchedBackup,
  table: KeyTable,
  wanted: number,
  options: DiffOptions,
): Promise<Sample[]> {
  const found: Sample[] = [];
  const enough = new AbortController();
  const outer = options.signal;
  const relay = () => enough.abort();
  outer?.addEventListener('abort', relay, { once: true });
  const k = new Uint32Array(2);
  try {
    await readBackup(
      base.paths,
      readRdb,
      {
        startFile: () => undefined,
        endFile: () => undefined,
        onKey: (entry) => {
          if (found.length >= wanted) return;
          keyHash(entry.db, entry.key, k);
          if (!table.isUnvisited(k[0] as number, k[1] as number)) return;
          found.push({ db: entry.db, key: escapeKey(entry.key) });
          if (found.length >= wanted) enough.abort();
        },
      },
      {
        signal: enough.signal,
        onProgress: (p) => options.onProgress?.(base.label, 'sampling', p),
      },
    );
  } catch (error) {
    if (outer?.aborted) throw abortError();
    if (!(isAbort(error) && found.length >= wanted)) throw error;
  } finally {
    outer?.removeEventListener('abort', relay);
  }
  return found;
}
