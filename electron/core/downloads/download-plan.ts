/**
 * Small pieces of the download service: which link of each file to fetch and under which local name, and how
 * a failure becomes the code and text of the last progress event.
 */
import type { BackupDownloadNetwork, DownloadProgress } from '../../../shared/downloads';
import { AppError, type AppErrorCode } from '../../../shared/errors';
import type { BackupDownloadFile } from '../cloud/crs-api';
import { safeFileName } from './cache-index';

export interface Planned {
  name: string;
  expectedBytes: number | undefined;
  url: string;
}

/**
 * The files to fetch: each one's link for the chosen network and a safe, unique local name. Only the links the
 * API returned, and only over HTTP(S): anything else is not fetched at all (BACKUP_NO_DOWNLOAD_URL).
 */
export function planFiles(files: BackupDownloadFile[], network: BackupDownloadNetwork): Planned[] {
  const names = new Set<string>();
  const planned = files.map((file, at) => {
    const url = network === 'inner' ? file.innerUrl : file.url;
    let name = safeFileName(file.fileName, `backup-${at + 1}.rdb`);
    while (names.has(name)) name = `${at + 1}-${name}`;
    names.add(name);
    return { name, expectedBytes: file.sizeBytes, url: url ?? '' };
  });
  if (planned.length === 0 || planned.some((p) => !/^https?:\/\//i.test(p.url))) {
    throw new AppError('BACKUP_NO_DOWNLOAD_URL', undefined, { network, files: files.length });
  }
  return planned;
}

export function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}

export function progressCounts(last: DownloadProgress): Partial<DownloadProgress> {
  return {
    fileIndex: last.fileIndex,
    fileCount: last.fileCount,
    bytes: last.bytes,
    ...optional('totalBytes', last.totalBytes),
    ...optional('encryption', last.encryption),
  };
}

export function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export function codeOf(error: unknown): AppErrorCode {
  if (error instanceof AppError) return error.code;
  // A file-system error (no space, no permission) while preparing the cache folder.
  if (typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string') return 'BACKUP_CACHE_ERROR';
  // Anything else is a fault of the app, not of the network or the cloud, and is told as such.
  return 'BACKUP_DOWNLOAD_APP_FAULT';
}

export function messageOf(error: unknown, code: AppErrorCode): string {
  const text = error instanceof AppError ? error.message : new AppError(code).message;
  return text.slice(0, 500);
}
