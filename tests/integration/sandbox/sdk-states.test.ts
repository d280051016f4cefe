// The official SDK's redis Client (tencentcloud-sdk-nodejs 4.1.313, unchanged) against the demo seed:
// every documented backup status, BackupType, task status and TaskType code, and every error code of
// the official per-action lists (Go SDK tencentcloud/redis/v20180412/client.go) of the actions the app
// calls, each from a real seeded state — or, for the codes only Tencent's own faults produce, from the
// apiError fault. The same table is in sandbox/README.md.
import type { RedisBackupSet } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_models.js';
import { describe, expect, it } from 'vitest';
import { DEMO_BACKUPS } from '../../../sandbox/index.js';
import { codeOf, sdkCall, sdkClient } from './clone-client.js';
import { frozenDemoSandbox } from './frozen-sandbox.js';
import { ERROR_CASES, type ErrorCase, type Key, OFFICIAL_ERROR_LISTS } from './official-errors.js';

const ALL_STATUSES = [1, 2, 3, 4, -1, -2];
const DAY_MS = 24 * 3600 * 1000;

// Frozen so task phases are set by hand; advanced a little per call to stay inside the rate limits and
// well inside the five-minute signature window of the SDK's real-time timestamps.
const env = frozenDemoSandbox({ taskSeconds: 30 });
const { clock } = env;

const client = (region: string, key: Key = 'default') => sdkClient(env.sandbox, region, key);
const call = (region: string, action: string, params: object, key: Key = 'default') =>
  sdkCall(env.sandbox, region, action, params, key);

const beijingTime = (text: string | undefined) => Date.parse(`${String(text).replace(' ', 'T')}+08:00`);

async function backupsOf(region: string, params: object): Promise<RedisBackupSet[]> {
  const res = await client(region).DescribeInstanceBackups({ Limit: 100, ...params });
  return res.BackupSet ?? [];
}

describe('backups through the official SDK', () => {
  it('observes every RedisBackupSet Status, with Locked consistent', async () => {
    const shanghai = await backupsOf('ap-shanghai', { Status: ALL_STATUSES });
    const beijing = await backupsOf('ap-beijing', { Status: ALL_STATUSES });
    const find = (id: string) => [...shanghai, ...beijing].find((b) => b.BackupId === id);
    expect(find(DEMO_BACKUPS.inventoryRestoring)).toMatchObject({ Status: 1, Locked: 1 });
    expect(find(DEMO_BACKUPS.leaderboardLocked)).toMatchObject({ Status: 3, Locked: 1 });
    expect(find(DEMO_BACKUPS.ledgerExported)).toMatchObject({ Status: 4, Locked: 0 });
    expect(find(DEMO_BACKUPS.leaderboardExpired)).toMatchObject({ Status: -1, Locked: 0 });
    expect(find(DEMO_BACKUPS.leaderboardDeleted)).toMatchObject({ Status: -2, Locked: 0 });
    expect(shanghai.some((b) => b.Status === 2 && b.Locked === 0)).toBe(true);
    for (const code of ALL_STATUSES) {
      const rows = [
        ...(await backupsOf('ap-shanghai', { Status: [code] })),
        ...(await backupsOf('ap-beijing', { Status: [code] })),
      ];
      expect(rows.length, `Status ${code}`).toBeGreaterThan(0);
      expect(rows.every((b) => b.Status === code)).toBe(true);
    }
  });

  it('lists only normal backups when no Status filter is sent (the SDK default 2)', async () => {
    const plain = await backupsOf('ap-shanghai', { InstanceId: 'crs-demo0003' });
    expect(plain.map((b) => b.Status)).toEqual(plain.map(() => 2));
    const ids = plain.map((b) => b.BackupId);
    expect(ids).not.toContain(DEMO_BACKUPS.leaderboardExpired);
    expect(ids).not.toContain(DEMO_BACKUPS.leaderboardDeleted);
  });

  it('observes BackupType "0", "1" and "2" and the InstanceType a backup was taken on', async () => {
    const beijing = await backupsOf('ap-beijing', { Status: ALL_STATUSES });
    const find = (id: string) => beijing.find((b) => b.BackupId === id);
    expect(find(DEMO_BACKUPS.analyticsOldSpec)).toMatchObject({ BackupType: '2', InstanceType: 7 });
    expect(find(DEMO_BACKUPS.ledgerOldest)).toMatchObject({ BackupType: '0', InstanceType: 8 });
    expect(beijing.some((b) => b.BackupType === '1')).toBe(true);
  });

  it('keeps five-year archives older than a year, read through 30-day windows', async () => {
    const all = await backupsOf('ap-beijing', { InstanceId: 'crs-demo0014', Status: ALL_STATUSES });
    const oldest = all.find((b) => b.BackupId === DEMO_BACKUPS.ledgerOldest);
    const start = beijingTime(oldest?.StartTime);
    expect(clock.now() - start).toBeGreaterThan(365 * DAY_MS);
    expect(Math.round((beijingTime(oldest?.ExpireTime) - start) / DAY_MS)).toBe(1825);
    const fmt = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const window = await backupsOf('ap-beijing', {
      InstanceId: 'crs-demo0014',
      BeginTime: fmt(start - 10 * DAY_MS),
      EndTime: fmt(start + 10 * DAY_MS),
    });
    expect(window.map((b) => b.BackupId)).toEqual([DEMO_BACKUPS.ledgerOldest]);
    const tooWide = client('ap-beijing').DescribeInstanceBackups({
      InstanceId: 'crs-demo0014',
      BeginTime: fmt(start - 10 * DAY_MS),
      EndTime: fmt(start + 21 * DAY_MS),
    });
    expect(await codeOf(tooWide)).toBe('InvalidParameter.InvalidParameter');
  });
});

describe('tasks through the official SDK', () => {
  it('lists the console restore of crs-demo0004 as "010" with its StartTime', async () => {
    const res = await client('ap-shanghai').DescribeTaskList({ InstanceId: 'crs-demo0004' });
    expect(res.Tasks?.[0]).toMatchObject({ TaskType: '010', Result: 1, InstanceId: 'crs-demo0004' });
    expect(res.Tasks?.[0]?.StartTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('observes TaskType "010", "012", "017" and "067"', async () => {
    const beijing = await client('ap-beijing').DescribeTaskList({ Limit: 100 });
    const codes = new Set((beijing.Tasks ?? []).map((t) => t.TaskType));
    for (const code of ['010', '012', '017', '067']) expect(codes.has(code), code).toBe(true);
    const upgrade = (beijing.Tasks ?? []).find((t) => t.InstanceId === 'crs-demo0006');
    expect(upgrade).toMatchObject({ TaskType: '067', Result: 1 });
  });

  it('observes the failed and error statuses of past console restores', async () => {
    const ledger = await client('ap-beijing').DescribeTaskList({
      InstanceId: 'crs-demo0014',
      TaskTypes: ['010'],
    });
    const failed = await client('ap-beijing').DescribeTaskInfo({ TaskId: ledger.Tasks?.[0]?.TaskId ?? 0 });
    expect(failed).toMatchObject({ Status: 'failed', TaskType: '恢复备份', InstanceId: 'crs-demo0014' });
    expect(failed.TaskMessage).not.toBe('');
    const limiter = await client('ap-shanghai').DescribeTaskList({ InstanceId: 'crs-demo0012' });
    expect(limiter.Tasks?.[0]).toMatchObject({ TaskType: '010', Result: 4 });
    const broken = await client('ap-shanghai').DescribeTaskInfo({ TaskId: limiter.Tasks?.[0]?.TaskId ?? 0 });
    expect(broken.Status).toBe('error');
  });

  it('follows a restore through preparing, running and succeed', async () => {
    const backup = (await backupsOf('ap-guangzhou', { InstanceId: 'crs-demo0002' }))[0];
    const { TaskId } = await client('ap-guangzhou').RestoreInstance({
      InstanceId: 'crs-demo0002',
      BackupId: backup?.BackupId ?? '',
    });
    const status = async () =>
      (await client('ap-guangzhou').DescribeTaskInfo({ TaskId: TaskId ?? 0 })).Status;
    expect(await status()).toBe('preparing');
    clock.advance(5_000);
    expect(await status()).toBe('running');
    clock.advance(30_000);
    expect(await status()).toBe('succeed');
  });
});

/** Fills the parameters that depend on the seed's generated ids. */
async function resolve(c: ErrorCase): Promise<object> {
  const params = { ...c.params } as Record<string, unknown>;
  if (params.BackupId === 'newest') {
    params.BackupId = (await backupsOf(c.region, { InstanceId: params.InstanceId }))[0]?.BackupId;
  }
  if (params.TaskId === 'upgrade of crs-demo0011') {
    const list = await client('ap-beijing').DescribeTaskList({ InstanceId: 'crs-demo0011' });
    params.TaskId = list.Tasks?.[0]?.TaskId;
  }
  return params;
}

describe('every error code of the official lists, through the official SDK', () => {
  it.each(ERROR_CASES.map((c) => [c.action, c.code, c.state, c] as const))(
    '%s → %s (%s)',
    async (_action, _code, _state, c) => {
      const params = await resolve(c);
      if (c.fault) env.sandbox.faults.add({ kind: 'apiError', code: c.code, action: c.action });
      const restores = env.sandbox.state.tasks.size;
      expect(await codeOf(call(c.region, c.action, params, c.key))).toBe(c.code);
      // A refused request starts nothing.
      expect(env.sandbox.state.tasks.size).toBe(restores);
    },
  );

  it('covers the whole official list of each action the app calls', () => {
    for (const [action, codes] of Object.entries(OFFICIAL_ERROR_LISTS)) {
      const covered = ERROR_CASES.filter((c) => c.action === action).map((c) => c.code);
      expect([...covered].sort(), action).toEqual([...codes].sort());
    }
  });
});
