/**
 * Walks an instance's backups across retention. DescribeInstanceBackups answers backups *started* in
 * [BeginTime, EndTime] with "查询时间最大跨度30天" (at most 30 days between the two; SDK 4.1.313
 * redis_models.d.ts, DescribeInstanceBackupsRequest), and at most 100 rows a page ("最大值为 100"). So the
 * walk goes back in consecutive windows of [end − 30 d + 1 s, end], newest first, each paged by 100, the next
 * window ending one second before this one begins: second-resolution times, no gap and no overlap. Every
 * request goes through the client, and so through the shared per-SecretId rate limiter.
 */
import type { StatusCoverage } from '../../../shared/backup-span';
import type { Backup } from '../../../shared/domain';
import type { CrsApi } from '../cloud/crs-api';

const DAY_MS = 86_400_000;
/** One request's span: 30 days less one second, to stay inside the documented maximum. */
export const BACKUP_WINDOW_SPAN_MS = 30 * DAY_MS - 1000;
/** DescribeInstanceBackups `Limit`: "默认大小为20，最大值为 100". */
export const BACKUP_PAGE_LIMIT = 100;
/** A bound on pages per window, in case a server keeps reporting a total it never delivers. */
const MAX_PAGES_PER_WINDOW = 100;

export interface BackupWindow {
  beginMs: number;
  endMs: number;
}

/** Windows from `endMs` back to `floorMs` (both rounded down to the second), newest first. */
export function backupWindows(endMs: number, floorMs: number): BackupWindow[] {
  const floor = Math.floor(floorMs / 1000) * 1000;
  const windows: BackupWindow[] = [];
  for (let end = Math.floor(endMs / 1000) * 1000; end >= floor; ) {
    const beginMs = Math.max(end - BACKUP_WINDOW_SPAN_MS, floor);
    windows.push({ beginMs, endMs: end });
    end = beginMs - 1000;
  }
  return windows;
}

export interface WalkTarget {
  region: string;
  instanceId: string;
}

export interface WalkResult {
  backups: Backup[];
  statusCoverage: StatusCoverage;
}

/** Every page of one window, in the cloud's order. */
async function listWindow(api: CrsApi, target: WalkTarget, window: BackupWindow): Promise<WalkResult> {
  const backups: Backup[] = [];
  let coverage: StatusCoverage = 'all';
  for (let page = 0; page < MAX_PAGES_PER_WINDOW; page++) {
    const answer = await api.describeBackups({
      region: target.region,
      instanceId: target.instanceId,
      beginTime: new Date(window.beginMs).toISOString(),
      endTime: new Date(window.endMs).toISOString(),
      limit: BACKUP_PAGE_LIMIT,
      offset: page * BACKUP_PAGE_LIMIT,
    });
    backups.push(...answer.backups);
    coverage = narrower(coverage, answer.statusCoverage);
    if (answer.backups.length === 0 || (page + 1) * BACKUP_PAGE_LIMIT >= answer.total) break;
  }
  return { backups, statusCoverage: coverage };
}

const coverageRank: Readonly<Record<StatusCoverage, number>> = {
  all: 0,
  'server-default': 1,
  'normal-and-locked': 2,
};

/** The less complete of two coverages: a listing is only as complete as its least complete page. */
export function narrower(a: StatusCoverage, b: StatusCoverage): StatusCoverage {
  return coverageRank[b] > coverageRank[a] ? b : a;
}

const newestFirst = (a: Backup, b: Backup): number => {
  if (a.startTime === b.startTime) return 0;
  if (a.startTime === undefined) return 1;
  if (b.startTime === undefined) return -1;
  return a.startTime < b.startTime ? 1 : -1;
};

/**
 * All backups in the windows, newest first; windows are asked `concurrency` at a time (the limiter still
 * paces every request). A backup reported by two windows (a page shifted by a new backup) is kept once;
 * rows without an id are all kept.
 */
export async function listBackupWindows(
  api: CrsApi,
  target: WalkTarget,
  windows: readonly BackupWindow[],
  concurrency = 4,
): Promise<WalkResult> {
  const results: WalkResult[] = new Array(windows.length);
  let next = 0;
  const worker = async () => {
    while (next < windows.length) {
      const at = next++;
      results[at] = await listWindow(api, target, windows[at] as BackupWindow);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, windows.length) }, worker));
  const seen = new Set<string>();
  const backups: Backup[] = [];
  let coverage: StatusCoverage = 'all';
  for (const result of results) {
    coverage = narrower(coverage, result.statusCoverage);
    for (const backup of [...result.backups].sort(newestFirst)) {
      if (!backup.incomplete?.includes('BackupId') && seen.has(backup.id)) continue;
      seen.add(backup.id);
      backups.push(backup);
    }
  }
  return { backups, statusCoverage: coverage };
}

/**
 * Looks for one backup window by window, newest first, `concurrency` windows at a time, and stops after the
 * batch holding it: the first hit in window order wins. Answers the backup, or undefined once every window
 * was searched.
 */
export async function findBackupInWindows(
  api: CrsApi,
  target: WalkTarget,
  windows: readonly BackupWindow[],
  backupId: string,
  concurrency = 4,
): Promise<Backup | undefined> {
  for (let start = 0; start < windows.length; start += concurrency) {
    const batch = windows.slice(start, start + concurrency);
    const results = await Promise.all(batch.map((window) => listWindow(api, target, window)));
    for (const { backups } of results) {
      const hit = backups.find((b) => b.id === backupId && !b.incomplete?.includes('BackupId'));
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * Where a walk over `spanDays` ending at `endMs` stops: the span's start, or the instance's creation (less a
 * day, for clock and time-zone slack) when that is later; no backup of an instance predates it.
 */
export function walkFloor(endMs: number, spanDays: number, createdAt: string | undefined): number {
  const spanFloor = endMs - spanDays * DAY_MS;
  const created = createdAt === undefined ? Number.NaN : Date.parse(createdAt) - DAY_MS;
  return Number.isFinite(created) ? Math.max(spanFloor, created) : spanFloor;
}
