/**
 * One file of a backup, to the end or to a clear error: the policy around each HTTP attempt (file-fetch.ts).
 * A link about to expire is replaced before it is sent; a refusal gets one fresh link, then is named by the
 * service (expired, restricted, denied); a cut connection or a server error is retried with backoff, each
 * retry resuming where the part ends; a server that answers other bytes than asked restarts the file once;
 * content that does not decrypt to a backup is deleted. The counters start over whenever bytes arrived.
 */
import { rename, rm } from 'node:fs/promises';
import type { BackupRef } from '../../../shared/downloads';
import { AppError } from '../../../shared/errors';
import type { BackupCache } from './backup-cache';
import type { CacheEntry } from './cache-index';
import { type DownloadFetch, FetchFailure, fetchFile } from './file-fetch';
import { linkExpiresAtMs } from './storage-answers';

/** A link whose signature ends sooner than this is replaced before it is used. */
export const LINK_MARGIN_MS = 60_000;

export interface FileDownload {
  fetch: DownloadFetch;
  cache: BackupCache;
  ref: BackupRef;
  entry: CacheEntry;
  index: number;
  url: string;
  /** FileSize as the cloud announced it; checked for plain files only (what it counts when encrypted is unknown). */
  expectedBytes?: number;
  key?: Buffer;
  signal: AbortSignal;
  idleTimeoutMs: number;
  retries: number;
  /** Whether the backup's total was known up front (else each file's size is reserved as the server tells it). */
  totalKnown: boolean;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** New links from the cloud; this file's, or undefined when the answer lost it. */
  refresh: () => Promise<string | undefined>;
  /** Names a refusal a fresh link did not cure. */
  refusal: (error: FetchFailure) => Promise<AppError>;
  /** Bytes moved (`force`: a state worth an event now); `resumedFrom` when an attempt resumed. */
  progress: (force: boolean, resumedFrom: number | undefined) => void;
  /** The file starts over from byte 0. */
  restarted: () => void;
}

export async function downloadFile(job: FileDownload): Promise<void> {
  const { cache, entry, index } = job;
  const file = entry.files[index];
  if (!file) return;
  const partPath = cache.pathOf(entry, file.name, true);
  let url = job.url;
  let refreshed = false;
  let failures = 0;
  let restarted = false;
  for (;;) {
    const expiresAt = linkExpiresAtMs(url);
    if (expiresAt !== undefined && expiresAt - LINK_MARGIN_MS <= job.now()) {
      if (refreshed) throw new AppError('BACKUP_LINK_EXPIRED', undefined, { fileIndex: index });
      url = (await job.refresh()) ?? url;
      refreshed = true;
      continue;
    }
    try {
      const result = await fetchFile({
        fetch: job.fetch,
        url,
        partPath,
        partBytes: file.bytes,
        ...(job.expectedBytes !== undefined && !job.key ? { expectedBytes: job.expectedBytes } : {}),
        ...(job.key && entry.encryption !== 'no' ? { key: job.key } : {}),
        ...(job.key && entry.encryption === 'unknown' ? { sniff: true } : {}),
        onMode: (decrypting) => {
          entry.encryption = decrypting ? 'decrypted' : 'no';
        },
        signal: job.signal,
        idleTimeoutMs: job.idleTimeoutMs,
        onBytes: (bytes) => {
          file.bytes = bytes;
          job.progress(false, undefined);
        },
        onTotal: async (served, from) => {
          // Sizes first learned from the server (legacy answers none) still have to fit under the cap.
          if (!job.totalKnown) await cache.reserve(job.ref, Math.max(0, served - file.bytes));
          job.progress(true, from > 0 ? from : undefined);
        },
      });
      file.bytes = result.bytes;
      await rename(partPath, cache.pathOf(entry, file.name, false));
      file.complete = true;
      await cache.save();
      job.progress(true, undefined);
      return;
    } catch (error) {
      if (!(error instanceof FetchFailure)) throw storageError(error);
      if (error.kind === 'aborted') throw error;
      if (error.progressed > 0) {
        // Bytes arrived: the link worked and the connection was good for a while; the counters start over.
        failures = 0;
        refreshed = false;
      }
      if (error.kind === 'expired' || error.kind === 'denied' || error.kind === 'restricted') {
        if (!refreshed) {
          url = (await job.refresh()) ?? url;
          refreshed = true;
          continue;
        }
        throw await job.refusal(error);
      }
      if (error.kind === 'decrypt') {
        await rm(partPath, { force: true });
        file.bytes = 0;
        throw new AppError('BACKUP_DECRYPT_FAILED', undefined, { reason: 'content', fileIndex: index });
      }
      if (error.kind === 'size') {
        await rm(partPath, { force: true });
        file.bytes = 0;
        if (restarted) throw new AppError('BACKUP_DOWNLOAD_INCOMPLETE', undefined, { fileIndex: index });
        restarted = true;
        job.restarted();
        continue;
      }
      const retryable = error.kind === 'network' || (error.status !== undefined && error.status >= 500);
      if (retryable && failures < job.retries) {
        failures++;
        await job.sleep(1000 * 2 ** (failures - 1));
        if (job.signal.aborted) throw new FetchFailure('aborted');
        continue;
      }
      throw new AppError('BACKUP_DOWNLOAD_FAILED', undefined, {
        fileIndex: index,
        kind: error.kind,
        ...(error.status !== undefined ? { httpStatus: error.status } : {}),
      });
    }
  }
}

/** A file-system failure writing the cache (no space, no permission): its errno code only. */
function storageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new AppError('BACKUP_CACHE_ERROR', undefined, code ? { errno: code } : {});
}
