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

export async function findKeys(
  readRdb: ReadRdb,
  backups: readonly SearchedBackup[],
  options: FindOptions,
): Promise<FindResult> {
  const test = options.glob
    ? compileGlob(options.pattern)
    : (key: Uint8Array) => sameBytes(key, options.pattern);
  const rows = new Map<string, KeyMatch>();
  let matched = 0;
  let truncated = false;
  for (const backup of backups) {
    const onKey = (entry: RdbKeyEntry) => {
      if (!test(entry.key)) return;
      matched += 1;
      const id = rowId(entry.db, entry.key);
      const row = rows.get(id);
      if (row) {
        if (!row.backups.includes(backup.label)) row.backups.push(backup.label);
        return;
      }
      if (rows.size >= options.limit) {
        truncated = true;
        return;
      }
      rows.set(id, {
        db: entry.db,
        key: escapeKey(entry.key),
        type: entry.type,
        encoding: entry.encoding,
        expireAtMs: entry.expireAtMs,
        ttlMs: entry.expireAtMs === null ? null : entry.expireAtMs - options.referenceMs,
        elements: entry.elements,
        bytes: entry.bytes,
        backups: [backup.label],
      });
    };
    await readBackup(
      backup.paths,
      readRdb,
      { startFile: () => undefined, onKey, endFile: () => undefined },
      {
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => options.onProgress?.(backup.label, p),
      },
    );
  }
  const matches = [...rows.values()].sort(
    (a, b) => a.db - b.db || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return {
    matches,
    truncated,
    matched,
    referenceMs: options.referenceMs,
    searched: backups.map((b) => b.label),
  };
}
