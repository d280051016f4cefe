/**
 * Reads every RDB of a backup (every file, every archive member) through the streaming reader, one after
 * another, telling a visitor where each shard starts and ends. Any failure in any file fails the whole read,
 * naming the file: a report of part of a backup is never presented as the whole.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { RdbFormatError, type RdbKeyEntry, type RdbSummary, type ReadRdb } from '../rdb/rdb-types';
import { BackupFileError, shardsOfFile } from './backup-files';

export interface BackupVisitor {
  startFile(name: string): void;
  onKey(entry: RdbKeyEntry): void;
  endFile(summary: RdbSummary): void;
}

export interface ReadBackupOptions {
  hashValues?: boolean | 'lanes';
  signal?: AbortSignal;
  /** Bytes of the files on disk read so far, of `totalBytes` (compressed bytes for a gzip). */
  onProgress?: (progress: { file: string; bytesRead: number; totalBytes: number }) => void;
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export async function readBackup(
  paths: readonly string[],
  readRdb: ReadRdb,
  visitor: BackupVisitor,
  options: ReadBackupOptions = {},
): Promise<{ shards: number }> {
  const sizes = await Promise.all(
    paths.map((p) =>
      stat(p).then(
        (s) => s.size,
        () => {
          throw new BackupFileError(basename(p), 'no such file, or it cannot be read', true);
        },
      ),
    ),
  );
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  let shards = 0;
  for (const [i, path] of paths.entries()) {
    const file = basename(path);
    let open: string | null = null;
    try {
      const onBytes = (n: number) => options.onProgress?.({ file, bytesRead: before + n, totalBytes });
      for await (const shard of shardsOfFile(path, onBytes)) {
        options.signal?.throwIfAborted();
        open = shard.name;
        visitor.startFile(shard.name);
        const summary = await readRdb(shard.bytes, visitor.onKey, {
          ...(options.hashValues ? { hashValues: options.hashValues } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        visitor.endFile(summary);
        shards += 1;
        open = null;
      }
    } catch (error) {
      if (isAbort(error) || options.signal?.aborted) throw abortError();
      if (error instanceof BackupFileError) throw error;
      const where = open ?? file;
      if (error instanceof RdbFormatError) throw new BackupFileError(where, error.message);
      // zlib and file-system errors: name what failed, not the bytes.
      const code = (error as { code?: unknown }).code;
      const detail = typeof code === 'string' ? code : error instanceof Error ? error.message : 'read error';
      throw new BackupFileError(where, `could not be read (${detail})`);
    }
    before += sizes[i] ?? 0;
  }
  if (shards === 0) throw new BackupFileError(paths.map((p) => basename(p)).join(', '), 'no RDB file');
  return { shards };
}

export function abortError(): Error {
  const error = new Error('The inspection was cancelled.');
  error.name = 'AbortError';
  return error;
}
