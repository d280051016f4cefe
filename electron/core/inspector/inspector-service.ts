/**
 * The backup inspector in main: report, find, diff and value preview over the files of downloaded backups.
 * It reads local files only, which it gets from `BackupFiles` (the download cache); it never fetches, never
 * writes what it reads anywhere, and logs ids and counts only: backups are customer data. Finished reports
 * are kept in memory (a few, least recently used) so reopening one is instant; nothing goes to disk.
 * Every request carries an id the window picks: progress events name it, and `cancel` stops it.
 */
import { AppError } from '../../../shared/errors';
import { keyBytes } from '../../../shared/escape-key';
import {
  type BackupRef,
  DEFAULT_SEPARATORS,
  type DiffResult,
  type FindResult,
  type InspectionReport,
  type InspectProgress,
  type ValuePreview,
} from '../../../shared/inspector';
import type { Logger } from '../logging/logger';
import { diffBackups } from './diff/backup-diff';
import { BackupFileError } from './files/backup-files';
import { isAbort, readBackup } from './files/read-backup';
import { findKeys, type SearchedBackup } from './find/key-finder';
import { previewValue } from './preview/value-preview';
import type { ReadRdb } from './rdb/rdb-types';
import { ReportBuilder } from './report/report-builder';

/** Where downloaded backups are: the download cache satisfies this. */
export interface BackupFiles {
  /** The local files of a downloaded backup (every shard), or null when it is not (completely) downloaded. */
  filesFor(
    profileId: string,
    region: string,
    instanceId: string,
    backupId: string,
  ): Promise<readonly string[] | null> | readonly string[] | null;
  /** Holds a backup's files while they are read, so the cache does not evict them; answers the release. */
  pin?(ref: BackupRef): () => void;
}

export interface InspectorDeps {
  files: BackupFiles;
  readRdb: ReadRdb;
  now: () => number;
  logger: Logger;
  onProgress: (progress: InspectProgress) => void;
  /** Reports kept in memory. */
  cachedReports?: number;
  /** Least time between two progress events of one request. */
  progressEveryMs?: number;
  /** The diff worker's entry, when the shell knows better than the default (a packaged app: packaged-worker.ts). */
  diffWorkerEntry?: URL;
}

type ProgressSink = (p: { file: string; bytesRead: number; totalBytes: number }) => void;

const refKey = (r: BackupRef) => `${r.profileId}\u0000${r.region}\u0000${r.instanceId}\u0000${r.backupId}`;

export class InspectorService {
  readonly #deps: InspectorDeps;
  readonly #log: Logger;
  readonly #running = new Map<string, AbortController>();
  readonly #reports = new Map<string, InspectionReport>();

  constructor(deps: InspectorDeps) {
    this.#deps = deps;
    this.#log = deps.logger.child('inspector');
  }

  async report(
    requestId: string,
    backup: BackupRef,
    separators = DEFAULT_SEPARATORS,
  ): Promise<InspectionReport> {
    const paths = await this.#paths(backup);
    const cacheKey = `${refKey(backup)}\u0000${separators}\u0000${paths.join('\u0000')}`;
    const cached = this.#reports.get(cacheKey);
    if (cached) {
      this.#reports.delete(cacheKey);
      this.#reports.set(cacheKey, cached);
      return cached;
    }
    const report = await this.#run(requestId, [backup], async (signal) => {
      const builder = new ReportBuilder({ referenceMs: this.#deps.now(), separators });
      const progress = this.#progress(requestId, backup.backupId, 'reading');
      await readBackup(
        paths,
        this.#deps.readRdb,
        { startFile: (n) => builder.startFile(n), onKey: builder.add, endFile: (s) => builder.endFile(s) },
        { signal, onProgress: progress },
      );
      return builder.build();
    });
    this.#reports.set(cacheKey, report);
    while (this.#reports.size > (this.#deps.cachedReports ?? 4)) {
      const oldest = this.#reports.keys().next().value;
      if (oldest === undefined) break;
      this.#reports.delete(oldest);
    }
    this.#log.info('inspected', { backupId: backup.backupId, keys: report.keys, files: report.files });
    return report;
  }

  async find(
    requestId: string,
    backups: readonly BackupRef[],
    pattern: string,
    glob: boolean,
    limit: number,
  ): Promise<FindResult> {
    const bytes = keyBytes(pattern);
    if (!bytes) throw new AppError('INVALID_REQUEST', 'The key name has a broken escape (use \\xHH).');
    const searched: SearchedBackup[] = [];
    for (const b of backups) searched.push({ label: b.backupId, paths: await this.#paths(b) });
    return this.#run(requestId, backups, (signal) =>
      findKeys(this.#deps.readRdb, searched, {
        pattern: bytes,
        glob,
        limit,
        referenceMs: this.#deps.now(),
        signal,
        onProgress: (label, p) => this.#progress(requestId, label, 'reading')(p),
      }),
    );
  }

  async diff(requestId: string, base: BackupRef, other: BackupRef, separators?: string): Promise<DiffResult> {
    const a = { label: base.backupId, paths: await this.#paths(base) };
    const b = { label: other.backupId, paths: await this.#paths(other) };
    const emitters = new Map<string, ProgressSink>();
    return this.#run(requestId, [base, other], (signal) =>
      diffBackups(this.#deps.readRdb, a, b, {
        ...(separators ? { separators } : {}),
        ...(this.#deps.diffWorkerEntry ? { workerEntry: this.#deps.diffWorkerEntry } : {}),
        signal,
        onProgress: (label, phase, p) => {
          const id = `${label}\u0000${phase}`;
          let emit = emitters.get(id);
          if (!emit) {
            emit = this.#progress(requestId, label, phase);
            emitters.set(id, emit);
          }
          emit(p);
        },
      }),
    );
  }

  async preview(requestId: string, backup: BackupRef, db: number, key: string): Promise<ValuePreview> {
    const bytes = keyBytes(key);
    if (!bytes) throw new AppError('INVALID_REQUEST', 'The key name has a broken escape (use \\xHH).');
    const paths = await this.#paths(backup);
    return this.#run(requestId, [backup], (signal) =>
      previewValue(this.#deps.readRdb, paths, { db, key: bytes }, signal),
    );
  }

  cancel(requestId: string): boolean {
    const running = this.#running.get(requestId);
    if (!running) return false;
    running.abort();
    return true;
  }

  /** Forgets every report kept in memory (the downloaded files were deleted, for one). */
  forget(): void {
    this.#reports.clear();
  }

  async #paths(ref: BackupRef): Promise<readonly string[]> {
    const paths = await this.#deps.files.filesFor(ref.profileId, ref.region, ref.instanceId, ref.backupId);
    if (!paths || paths.length === 0) throw new AppError('INSPECT_NOT_DOWNLOADED');
    return paths;
  }

  async #run<T>(
    requestId: string,
    refs: readonly BackupRef[],
    work: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    if (this.#running.has(requestId)) {
      throw new AppError('INVALID_REQUEST', 'An inspection with this request id is already running.');
    }
    const controller = new AbortController();
    this.#running.set(requestId, controller);
    const releases = refs.map((ref) => this.#deps.files.pin?.(ref));
    try {
      const answer = await work(controller.signal);
      // Cancelled while the work ended: a reader that stops at the signal without throwing would hand back
      // what it read so far. A cancelled request never answers a result, so nothing partial passes as whole.
      if (controller.signal.aborted) throw new AppError('INSPECT_CANCELLED');
      return answer;
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) throw new AppError('INSPECT_CANCELLED');
      if (error instanceof AppError) throw error;
      // The cache listed files that are gone (deleted by hand): the backup is no longer downloaded.
      if (error instanceof BackupFileError && error.missing) throw new AppError('INSPECT_NOT_DOWNLOADED');
      if (error instanceof BackupFileError) {
        // The file name and byte offset help; the bytes themselves are never quoted.
        this.#log.warn('backup file unreadable', { requestId, file: error.file });
        throw new AppError('INSPECT_BAD_FILE', undefined, { file: error.file, detail: error.message });
      }
      throw error;
    } finally {
      for (const release of releases) release?.();
      this.#running.delete(requestId);
    }
  }

  #progress(requestId: string, backupId: string, phase: InspectProgress['phase']): ProgressSink {
    const every = this.#deps.progressEveryMs ?? 100;
    let last = Number.NEGATIVE_INFINITY;
    return (p) => {
      const t = this.#deps.now();
      if (t - last < every && p.bytesRead < p.totalBytes) return;
      last = t;
      this.#deps.onProgress({
        requestId,
        backupId,
        file: p.file,
        bytesRead: p.bytesRead,
        totalBytes: p.totalBytes,
        phase,
      });
    };
  }
}
