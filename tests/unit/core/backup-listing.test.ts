// The backup listing over a span of retention: consecutive 30-day windows inside the documented maximum,
// newest first, each paged by at most 100, back to the span or the instance's creation; the cache standing
// in offline, cut to the span; and the preflight finding a backup wherever it lies in retention.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupService } from '../../../electron/core/inventory/backup-service';
import {
  BACKUP_WINDOW_SPAN_MS,
  backupWindows,
  listBackupWindows,
} from '../../../electron/core/inventory/backup-windows';
import { FleetCache } from '../../../electron/core/inventory/fleet-cache';
import { runPreflight } from '../../../electron/core/tasks/restore-preflight';
import { BACKUP_RETENTION_MAX_DAYS } from '../../../shared/backup-span';
import { AppError } from '../../../shared/errors';
import type { StoredProfile } from '../../../shared/profiles';
import { DAY, fakeBackup, fakeBackupApi, fakeInstance } from '../../fakes/fake-backup-api';

const NOW = Date.UTC(2026, 11, 7, 2, 0, 0);
const target = { region: 'ap-guangzhou', instanceId: 'crs-1' };

/** One backup a day for `days` days, the newest an hour ago. */
const daily = (days: number) =>
  Array.from({ length: days }, (_, n) => fakeBackup(`b-${n}`, NOW - 3600_000 - n * DAY));

function service(
  api: ReturnType<typeof fakeBackupApi>,
  userData = mkdtempSync(join(tmpdir(), 'crs-backups-')),
) {
  const cache = new FleetCache({ userData, onCorrupt: () => {} });
  const profile = { id: 'p1' } as StoredProfile;
  return new BackupService({ cache, profile: () => profile, api: () => api, now: () => NOW });
}

describe('backup windows', () => {
  it('cover [floor, end] newest first, each a second inside 30 days, with no gap and no overlap', () => {
    const end = NOW + 60_000;
    const windows = backupWindows(end, end - 365 * DAY);
    expect(windows).toHaveLength(13);
    expect(windows[0]?.endMs).toBe(end);
    expect(windows.at(-1)?.beginMs).toBe(end - 365 * DAY);
    for (const [n, w] of windows.entries()) {
      expect(w.endMs - w.beginMs).toBeLessThanOrEqual(BACKUP_WINDOW_SPAN_MS);
      expect(BACKUP_WINDOW_SPAN_MS).toBe(30 * DAY - 1000);
      const older = windows[n + 1];
      if (older) expect(older.endMs).toBe(w.beginMs - 1000);
    }
  });

  it('page each window by 100 and keep a backup reported twice once', async () => {
    // 250 backups in one window: three pages.
    const busy = Array.from({ length: 250 }, (_, n) => fakeBackup(`m-${n}`, NOW - DAY - n * 60_000));
    const api = fakeBackupApi([...busy, fakeBackup('m-0', NOW - DAY)]);
    const windows = backupWindows(NOW, NOW - 20 * DAY);
    const { backups } = await listBackupWindows(api, target, windows);
    expect(backups).toHaveLength(250);
    expect(api.calls.map((c) => [c.limit, c.offset])).toEqual([
      [100, 0],
      [100, 100],
      [100, 200],
    ]);
  });
});

describe('BackupService', () => {
  it('lists a year of backups newest first across windows of at most 30 days', async () => {
    const api = fakeBackupApi(daily(400));
    const listing = await service(api).list({ profileId: 'p1', ...target, span: 365 });
    expect(listing.backups).toHaveLength(365);
    expect(listing.backups[0]?.id).toBe('b-0');
    expect(listing.backups.at(-1)?.id).toBe('b-364');
    const starts = listing.backups.map((b) => b.startTime ?? '');
    expect([...starts].sort().reverse()).toEqual(starts);
    expect(api.calls).toHaveLength(13);
    expect(Date.parse(listing.beginTime)).toBe(NOW + 60_000 - 365 * DAY);
    expect(listing.statusCoverage).toBe('all');
  });

  it('keeps newest first when windows answer out of order', async () => {
    const api = fakeBackupApi(daily(120));
    // Older windows answer sooner: arrival order is the reverse of window order.
    api.delayMs = (params) => Math.max(0, (Date.parse(params.endTime ?? '') - (NOW - 120 * DAY)) / DAY / 6);
    const listing = await service(api).list({ profileId: 'p1', ...target, span: 120 });
    expect(listing.backups.map((b) => b.id)).toEqual(daily(120).map((b) => b.id));
  });

  it('reaches the whole documented retention for `all`, or stops at the instance’s creation', async () => {
    const old = fakeBackup('five-years', NOW - (BACKUP_RETENTION_MAX_DAYS - 2) * DAY);
    const api = fakeBackupApi([...daily(3), old]);
    const all = await service(api).list({ profileId: 'p1', ...target, span: 'all' });
    expect(all.backups.map((b) => b.id)).toContain('five-years');
    // 1825 days in windows of 30 days less a second: 61 requests.
    expect(api.calls.length).toBe(61);
    api.calls.length = 0;
    const createdAt = new Date(NOW - 40 * DAY).toISOString();
    await service(api).list({ profileId: 'p1', ...target, span: 'all', createdAt });
    expect(api.calls).toHaveLength(2);
  });

  it('says when a page could not ask for every status', async () => {
    const api = fakeBackupApi(daily(5));
    api.coverage = 'normal-and-locked';
    const listing = await service(api).list({ profileId: 'p1', ...target, span: 7 });
    expect(listing.statusCoverage).toBe('normal-and-locked');
  });

  it('answers from the cache offline, cut to the span, marked stale', async () => {
    const api = fakeBackupApi(daily(100));
    const svc = service(api);
    await svc.list({ profileId: 'p1', ...target, span: 90 });
    api.failWith = new AppError('NETWORK');
    const week = await svc.list({ profileId: 'p1', ...target, span: 7 });
    expect(week.freshness).toMatchObject({ source: 'cache', stale: true, errorCode: 'NETWORK' });
    expect(week.backups).toHaveLength(7);
    const year = await svc.list({ profileId: 'p1', ...target, span: 365 });
    expect(year.backups).toHaveLength(90);
    // Only the 90 days the cached listing covered are claimed.
    expect(Date.parse(year.beginTime)).toBe(NOW + 60_000 - 90 * DAY);
    api.failWith = new AppError('INSTANCE_NOT_FOUND');
    await expect(svc.list({ profileId: 'p1', ...target, span: 7 })).rejects.toMatchObject({
      code: 'INSTANCE_NOT_FOUND',
    });
  });
});

describe('preflight backup lookup', () => {
  const request = (backupId: string) => ({ ...target, backupId });

  it('finds a backup anywhere in retention, stopping after the batch of windows that holds it', async () => {
    const api = fakeBackupApi([...daily(3), fakeBackup('old', NOW - 400 * DAY)]);
    const outcome = await runPreflight(api, request('old'), undefined, NOW);
    expect(outcome.passed).toBe(true);
    expect(outcome.backup?.id).toBe('old');
    // 400 days back is the 14th window; windows are asked four at a time, so the walk stops after 16.
    expect(api.calls).toHaveLength(16);
    const missing = await runPreflight(api, request('nowhere'), undefined, NOW);
    expect(missing.checks.find((c) => c.id === 'backup-found')).toMatchObject({ ok: false });
    expect(api.calls.length).toBe(16 + 61);
  });

  it('stops the lookup at the instance’s creation', async () => {
    const createdAt = new Date(NOW - 10 * DAY).toISOString();
    const api = fakeBackupApi(daily(3), [fakeInstance({ createdAt })]);
    await runPreflight(api, request('nowhere'), undefined, NOW);
    expect(api.calls).toHaveLength(1);
  });

  it('refuses an instance or a backup whose listing row is incomplete', async () => {
    const incompleteInstance = fakeBackupApi(daily(3), [fakeInstance({ incomplete: ['Type'] })]);
    const refused = await runPreflight(incompleteInstance, request('b-0'), undefined, NOW);
    expect(refused.passed).toBe(false);
    expect(refused.checks.find((c) => c.id === 'instance-found')).toMatchObject({
      ok: false,
      reason: { code: 'incomplete', params: { fields: 'Type' } },
    });
    const api = fakeBackupApi([
      fakeBackup('b-0', NOW - DAY, {
        incomplete: ['Locked'],
        restorable: false,
        notRestorableReason: 'incomplete',
      }),
    ]);
    const outcome = await runPreflight(api, request('b-0'), undefined, NOW);
    expect(outcome.passed).toBe(false);
    expect(outcome.checks.find((c) => c.id === 'backup-restorable')).toMatchObject({
      ok: false,
      reason: { code: 'not-restorable', params: { reason: 'incomplete' } },
    });
  });
});

describe('the backups cache', () => {
  it('still reads a version 1 file (one window, no status filter) offline, as the server default', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'crs-backups-v1-'));
    const dir = join(userData, 'cache', 'p1', 'backups');
    mkdirSync(dir, { recursive: true });
    const v1 = {
      version: 1,
      fetchedAt: new Date(NOW - 3600_000).toISOString(),
      beginTime: new Date(NOW - 7 * DAY).toISOString(),
      endTime: new Date(NOW).toISOString(),
      total: 2,
      backups: daily(2),
    };
    writeFileSync(join(dir, 'crs-1.json'), JSON.stringify(v1));
    const api = fakeBackupApi([]);
    api.failWith = new AppError('TIMEOUT');
    const listing = await service(api, userData).list({ profileId: 'p1', ...target, span: 7 });
    expect(listing.backups.map((b) => b.id)).toEqual(['b-0', 'b-1']);
    expect(listing.statusCoverage).toBe('server-default');
    expect(listing.freshness.source).toBe('cache');
  });
});

describe('preflight: no other restore running', () => {
  const request = { ...target, backupId: 'b-0' };

  it('asks the cloud: a restore started from the console blocks, with its task and start time', async () => {
    const api = fakeBackupApi(daily(3));
    const since: string[] = [];
    api.listRestoreTasks = async (params) => {
      since.push(params.since);
      return [
        { taskId: '11', status: 'succeed', startTime: new Date(NOW - 9 * DAY).toISOString() },
        { taskId: '12', status: 'running', startTime: new Date(NOW - 3_600_000).toISOString() },
      ];
    };
    const outcome = await runPreflight(api, request, undefined, NOW);
    expect(outcome.passed).toBe(false);
    expect(outcome.checks.find((c) => c.id === 'no-active-restore')).toMatchObject({
      ok: false,
      reason: { code: 'active-cloud', params: { status: 'running', taskId: '12' } },
    });
    // The span DescribeTaskList covers: the last 30 days.
    expect(Date.parse(since[0] ?? '')).toBe(NOW - 30 * DAY);
  });

  it('passes when neither the journal nor the cloud shows one; ended tasks do not count', async () => {
    const api = fakeBackupApi(daily(3));
    api.listRestoreTasks = async () => [{ taskId: '11', status: 'failed' }];
    const outcome = await runPreflight(api, request, undefined, NOW);
    expect(outcome.checks.find((c) => c.id === 'no-active-restore')?.ok).toBe(true);
  });

  it('fails when the task list cannot be read: another restore may be running', async () => {
    const api = fakeBackupApi(daily(3));
    api.listRestoreTasks = async () => {
      throw new AppError('PERMISSION_DENIED');
    };
    const outcome = await runPreflight(api, request, undefined, NOW);
    expect(outcome.checks.find((c) => c.id === 'no-active-restore')).toMatchObject({
      ok: false,
      reason: { code: 'tasks-unreadable', params: { code: 'PERMISSION_DENIED' } },
    });
  });

  it('still refuses when this app’s journal holds an active restore', async () => {
    const outcome = await runPreflight(
      fakeBackupApi(daily(3)),
      request,
      { restoreId: 'r', status: 'running' },
      NOW,
    );
    expect(outcome.checks.find((c) => c.id === 'no-active-restore')).toMatchObject({
      ok: false,
      reason: { code: 'active' },
    });
  });
});
