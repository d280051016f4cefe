/**
 * Finds keys by exact name or Redis glob across one or several backups: one streaming pass per backup, each
 * key tested as bytes, matches kept up to a limit (the count goes on past it). A key found in several
 * backups is one row naming every backup that holds it; its figures are those of the first backup searched
 * that holds it (the request's order).
 */
import { escapeKey } from '../../../../shared/escape-key';
import type { FindResult, KeyMatch } from '../../../../shared/inspector';
import { type ReadBackupOptions, readBackup } from '../files/read-backup';
import type { RdbKeyEntry, ReadRdb } from '../rdb/rdb-types';
import { compileGlob, sameBytes } from './glob-match';

export interface SearchedBackup {
  /** How the answer names the backup (its id; a file name on the command line). */
  label: string;
  paths: readonly string[];
}

export interface FindOptions {
  pattern: Uint8Array;
  glob: boolean;
  limit: number;
  /** TTLs are time left at this moment (epoch ms). */
  referenceMs: number;
  signal?: AbortSignal;
  onProgress?: (label: string, progress: Parameters<NonNullable<ReadBackupOptions['onProgress']>>[0]) => void;
}

function rowId(db: number, key: Uint8Array): string {
  let s = `${db}:`;
  for (const b of key) s += String.fromCharCode(b);
  return s;
}

/** Collects matches key by key; `findKeys` drives it, the command line feeds it during its report pass. */
export class KeyFinder {
  readonly #test: (key: Uint8Array) => boolean;
  readonly #rows = new Map<string, KeyMatch>();
  readonly #limit: number;
  readonly #referenceMs: number;
  readonly #searched: string[] = [];
  #matched = 0;
  #truncated = false;

  constructor(options: Pick<FindOptions, 'pattern' | 'glob' | 'limit' | 'referenceMs'>) {
    const pattern = options.pattern;
    this.#test = options.glob ? compileGlob(pattern) : (key) => sameBytes(key, pattern);
    this.#limit = options.limit;
    this.#referenceMs = options.referenceMs;
  }

  /** The `onKey` for one backup's read. */
  visitor(label: string): (entry: RdbKeyEntry) => void {
    this.#searched.push(label);
    return (entry) => {
      if (!this.#test(entry.key)) return;
      this.#matched += 1;
      const id = rowId(entry.db, entry.key);
      const row = this.#rows.get(id);
      if (row) {
        if (!row.backups.includes(label)) row.backups.push(label);
        return;
      }
      if (this.#rows.size >= this.#limit) {
        this.#truncated = true;
        return;
      }
      this.#rows.set(id, {
        db: entry.db,
        key: escapeKey(entry.key),
        type: entry.type,
        encoding: entry.encoding,
        expireAtMs: entry.expireAtMs,
        ttlMs: entry.expireAtMs === null ? null : entry.expireAtMs - this.#referenceMs,
        elements: entry.elements,
        bytes: entry.bytes,
        backups: [label],
      });
    };
  }

  result(): FindResult {
    const matches = [...this.#rows.values()].sort(
      (a, b) => a.db - b.db || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    return {
      matches,
      truncated: this.#truncated,
      matched: this.#matched,
      referenceMs: this.#referenceMs,
      searched: [...this.#searched],
    };
  }
}

export async function findKeys(
  readRdb: ReadRdb,
  backups: readonly SearchedBackup[],
  options: FindOptions,
): Promise<FindResult> {
  const finder = new KeyFinder(options);
  for (const backup of backups) {
    await readBackup(
      backup.paths,
      readRdb,
      { startFile: () => undefined, onKey: finder.visitor(backup.label), endFile: () => undefined },
      {
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => options.onProgress?.(backup.label, p),
      },
    );
  }
  return finder.result();
}
