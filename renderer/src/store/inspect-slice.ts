/**
 * The backup inspector's state: each backup's download (from `backup:download` and its progress events), the
 * download cache as main lists it, and each backup's report. Find, compare and value previews are not kept
 * here: they live in their panel and go when it closes (a value preview is customer data, shown once).
 */
import type { BackupRef, DownloadList, DownloadProgress, DownloadState } from '../../../shared/downloads';
import type {
  DiffResult,
  FindResult,
  InspectionReport,
  InspectProgress,
  ValuePreview,
} from '../../../shared/inspector';
import { call, type LoadStatus, type SliceCreator, type UiError } from './types';

/** One backup across the inspector: profile, instance and backup id. */
export const refKey = (ref: Pick<BackupRef, 'profileId' | 'instanceId' | 'backupId'>) =>
  `${ref.profileId}/${ref.instanceId}/${ref.backupId}`;

export interface DownloadView {
  /** `starting` until main answers `backup:download`; then the progress events' state. */
  phase: 'starting' | DownloadState;
  downloadId?: string;
  /** True when main found the backup whole in its cache: nothing was fetched. */
  cached?: boolean;
  progress?: DownloadProgress;
  error?: UiError;
}

export interface ReportView {
  status: LoadStatus;
  requestId: string;
  report?: InspectionReport;
  error?: UiError;
  progress?: InspectProgress;
}

export interface InspectSlice {
  downloads: Record<string, DownloadView>;
  reports: Record<string, ReportView>;
  cache?: DownloadList;
  cacheError?: UiError;
  /** Listens to download and inspection progress; returns the function that stops listening. */
  watchInspector(): () => void;
  /** Reads the cache's list from main (what is downloaded, whole or partial, and what is running). */
  loadCache(): Promise<void>;
  startDownload(ref: BackupRef): Promise<void>;
  cancelDownload(ref: BackupRef): Promise<void>;
  onDownloadProgress(progress: DownloadProgress): void;
  /** Reads the backup for its report; `separators` splits key prefixes (default: the report's own). */
  loadReport(ref: BackupRef, separators?: string): Promise<void>;
  /** Stops reading a backup for its report; the report then says it was cancelled and can be asked again. */
  cancelReport(ref: BackupRef): Promise<void>;
  clearCache(): Promise<{ ok: true } | { ok: false; error: UiError }>;
  /**
   * Find, compare and preview answer their caller and keep nothing: their panels hold the results. Find and
   * compare run under the caller's request id (`newRequestId`), which `cancelInspection` stops in main.
   */
  findKeys(
    backups: BackupRef[],
    pattern: string,
    glob: boolean,
    requestId: string,
  ): Promise<Result<FindResult>>;
  compareBackups(base: BackupRef, other: BackupRef, requestId: string): Promise<Result<DiffResult>>;
  /** Stops a running find or compare in main; its answer then is INSPECT_CANCELLED, never a partial result. */
  cancelInspection(requestId: string): Promise<void>;
  previewValue(backup: BackupRef, db: number, key: string): Promise<Result<ValuePreview>>;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: UiError };

/** Only the four naming fields cross to main, whatever else the caller's object holds. */
const bare = ({ profileId, region, instanceId, backupId }: BackupRef): BackupRef => ({
  profileId,
  region,
  instanceId,
  backupId,
});

const progressError = (p: DownloadProgress): UiError => ({
  code: p.errorCode ?? 'INTERNAL',
  message: p.errorMessage ?? '',
});

/** A fresh id for one inspector request (the caller's, so progress events can be matched to it). */
export const newRequestId = (): string => crypto.randomUUID();

export const createInspectSlice: SliceCreator<InspectSlice> = (api) => (set, get) => {
  const setDownload = (key: string, view: DownloadView) =>
    set({ downloads: { ...get().downloads, [key]: view } });
  const setReport = (key: string, view: ReportView) => set({ reports: { ...get().reports, [key]: view } });

  return {
    downloads: {},
    reports: {},
    watchInspector: () => {
      const offs = [
        api.on.backupDownloadProgress((p) => get().onDownloadProgress(p)),
        api.on.inspectProgress((p) => {
          const entry = Object.entries(get().reports).find(([, r]) => r.requestId === p.requestId);
          if (entry && entry[1].status === 'loading') setReport(entry[0], { ...entry[1], progress: p });
        }),
      ];
      return () => {
        for (const off of offs) off();
      };
    },
    loadCache: async () => {
      const result = await call(() => api.backup.downloads({}));
      if (!result.ok) {
        set({ cacheError: result.error });
        return;
      }
      set({ cache: result.value, cacheError: undefined });
      // A download that runs in main while this window did not watch it (a reload): follow it again.
      for (const entry of result.value.entries) {
        const key = refKey(entry);
        if (entry.state === 'active' && entry.downloadId && !get().downloads[key]) {
          setDownload(key, { phase: 'downloading', downloadId: entry.downloadId });
        }
      }
    },
    startDownload: async (ref) => {
      const key = refKey(ref);
      const mine: DownloadView = { phase: 'starting' };
      setDownload(key, mine);
      const result = await call(() => api.backup.download(bare(ref)));
      const now = get().downloads[key];
      if (!result.ok) {
        if (now === mine) setDownload(key, { phase: 'failed', error: result.error });
        return;
      }
      const { downloadId, cached } = result.value;
      if (cached) {
        setDownload(key, { phase: 'done', downloadId, cached: true });
        return;
      }
      // Progress may have arrived before the answer: keep it, only name the download.
      setDownload(key, now && now !== mine ? { ...now, downloadId } : { phase: 'resolving', downloadId });
    },
    cancelDownload: async (ref) => {
      const key = refKey(ref);
      const view = get().downloads[key];
      if (!view?.downloadId) return;
      const result = await call(() => api.backup.downloadCancel({ downloadId: view.downloadId as string }));
      if (!result.ok) setDownload(key, { ...view, error: result.error });
      else if (!result.value.cancelled) void get().loadCache();
    },
    onDownloadProgress: (p) => {
      const key = refKey(p);
      const view = get().downloads[key];
      // An event of an older download of the same backup (one cancelled, then started again) is stale.
      if (view?.downloadId && view.downloadId !== p.downloadId) return;
      setDownload(key, {
        phase: p.state,
        downloadId: p.downloadId,
        progress: p,
        ...(p.state === 'failed' ? { error: progressError(p) } : {}),
      });
      if (p.state === 'done' || p.state === 'failed' || p.state === 'cancelled') void get().loadCache();
    },
    loadReport: async (ref, separators) => {
      const key = refKey(ref);
      const mine: ReportView = { status: 'loading', requestId: newRequestId() };
      setReport(key, mine);
      const result = await call(() =>
        api.inspect.report({
          requestId: mine.requestId,
          backup: bare(ref),
          ...(separators ? { separators } : {}),
        }),
      );
      // Asked again meanwhile: this answer is not the one shown.
      if (get().reports[key]?.requestId !== mine.requestId) return;
      setReport(
        key,
        result.ok
          ? { status: 'ready', requestId: mine.requestId, report: result.value }
          : { status: 'error', requestId: mine.requestId, error: result.error },
      );
    },
    cancelReport: async (ref) => {
      const view = get().reports[refKey(ref)];
      if (view?.status !== 'loading') return;
      await call(() => api.inspect.cancel({ requestId: view.requestId }));
    },
    clearCache: async () => {
      const result = await call(() => api.backup.cacheClear({}));
      await get().loadCache();
      if (!result.ok) return result;
      // What was deleted can no longer be read: drop the downloads that said it was there.
      const kept = Object.fromEntries(
        Object.entries(get().downloads).filter(([, d]) =>
          ['starting', 'resolving', 'downloading'].includes(d.phase),
        ),
      );
      set({ downloads: kept });
      return { ok: true };
    },
    findKeys: (backups, pattern, glob, requestId) =>
      call(() => api.inspect.find({ requestId, backups: backups.map(bare), pattern, glob })),
    compareBackups: (base, other, requestId) =>
      call(() => api.inspect.diff({ requestId, base: bare(base), other: bare(other) })),
    cancelInspection: async (requestId) => {
      // Whether main still ran it or not, the request's own answer tells how it ended.
      await call(() => api.inspect.cancel({ requestId }));
    },
    previewValue: (backup, db, key) =>
      call(() => api.inspect.preview({ requestId: newRequestId(), backup: bare(backup), db, key })),
  };
};
