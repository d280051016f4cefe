// API 3.0 DescribeTaskList over signed HTTP: every restore and manual backup shows up as a
// TaskInfoDetail whose Result/Progress follow the task, filters, paging and parameter errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatTencentTime } from '../../../sandbox/clock.js';
import {
  DEMO_BACKUPS,
  ManualClock,
  READONLY_SECRET_ID,
  READONLY_SECRET_KEY,
  type RunningSandbox,
  startSandbox,
} from '../../../sandbox/index.js';
import { callV3, errorCode } from './helpers.js';

interface TaskRow {
  TaskId: number;
  StartTime: string;
  TaskType: string;
  InstanceName: string;
  InstanceId: string;
  ProjectId: number;
  Progress: number;
  EndTime: string;
  Result: number;
}

let sandbox: RunningSandbox;
const clock = new ManualClock(Date.now());
let restoreId = 0;
let backupId = 0;

async function list(params: Record<string, unknown>, region = 'ap-guangzhou') {
  const reply = await callV3(sandbox.url, 'DescribeTaskList', params, { region });
  if (errorCode(reply)) throw new Error(JSON.stringify(reply.json));
  return { total: reply.json.TotalCount as number, tasks: reply.json.Tasks as TaskRow[] };
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', clock, taskSeconds: 30 });
  const restore = await callV3(sandbox.url, 'RestoreInstance', {
    InstanceId: 'crs-demo0001',
    BackupId: DEMO_BACKUPS.ordersManual,
    Password: 'Orders#2024',
  });
  restoreId = restore.json.TaskId as number;
  clock.advance(500);
  const backup = await callV3(sandbox.url, 'ManualBackupInstance', { InstanceId: 'crs-demo0013' });
  backupId = backup.json.TaskId as number;
});
afterAll(async () => {
  await sandbox.stop();
});
// The clock is frozen: one emulated second per test keeps each in a fresh rate-limit window.
beforeEach(() => {
  clock.advance(1100);
});

describe('DescribeTaskList', () => {
  it('lists both tasks newest first, with SDK field names and types, and follows their progress', async () => {
    const first = await list({});
    expect(first.total).toBe(2);
    expect(first.tasks.map((t) => t.TaskId)).toEqual([backupId, restoreId]);
    const restore = first.tasks[1];
    expect(restore).toEqual({
      TaskId: restoreId,
      StartTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
      TaskType: '010',
      InstanceName: 'orders-cache',
      InstanceId: 'crs-demo0001',
      ProjectId: 0,
      Progress: 0.05,
      EndTime: '0000-00-00 00:00:00',
      // 1.6 s into a 30-second task: still in the 2-second initialising phase.
      Result: 0,
    });
    expect(first.tasks[0]).toMatchObject({ TaskType: '012', InstanceId: 'crs-demo0013', Result: 0 });

    clock.advance(2000);
    const running = (await list({ InstanceId: 'crs-demo0001' })).tasks[0];
    expect(running).toMatchObject({ Result: 1, EndTime: '0000-00-00 00:00:00' });
    expect(running?.Progress).toBeGreaterThan(0.1);
    expect(running?.Progress).toBeLessThan(1);

    clock.advance(30_000);
    const done = await list({});
    expect(done.tasks.map((t) => [t.Result, t.Progress])).toEqual([
      [2, 1],
      [2, 1],
    ]);
    expect(done.tasks[1]?.EndTime).toBe(formatTencentTime(clock.now()));
  });

  it('filters by task type, instance, name, project, result and time', async () => {
    const ids = async (params: Record<string, unknown>) => (await list(params)).tasks.map((t) => t.TaskId);
    expect(await ids({ TaskTypes: ['010'] })).toEqual([restoreId]);
    expect(await ids({ TaskTypes: ['012'] })).toEqual([backupId]);
    expect(await ids({ TaskTypes: ['001'] })).toEqual([]);
    expect(await ids({ InstanceId: 'crs-demo0013' })).toEqual([backupId]);
    expect(await ids({ InstanceName: 'orders' })).toEqual([restoreId]);
    expect(await ids({ ProjectIds: [1] })).toEqual([]);
    expect(await ids({ ProjectIds: [0], Result: [2] })).toEqual([backupId, restoreId]);
    expect(await ids({ Result: [0, 1, 4] })).toEqual([]);
    // The older SDK's TaskStatus reads as the same codes.
    expect(await ids({ TaskStatus: [2] })).toEqual([backupId, restoreId]);
    const now = formatTencentTime(clock.now());
    expect(await ids({ BeginTime: now })).toEqual([]);
    expect(await ids({ EndTime: formatTencentTime(clock.now() - 3600_000) })).toEqual([]);
    expect(await ids({ BeginTime: formatTencentTime(clock.now() - 3600_000), EndTime: now })).toHaveLength(2);
  });

  it('pages with Limit and an Offset rounded down to a multiple of Limit', async () => {
    const page = async (Limit: number, Offset: number) =>
      (await list({ Limit, Offset })).tasks.map((t) => t.TaskId);
    expect(await page(1, 0)).toEqual([backupId]);
    expect(await page(1, 1)).toEqual([restoreId]);
    expect(await page(2, 1)).toEqual([backupId, restoreId]);
    expect((await list({ Limit: 1 })).total).toBe(2);
  });

  it('is per region: the seeded six-hour restore of crs-demo0004 shows in ap-shanghai only', async () => {
    const shanghai = await list({}, 'ap-shanghai');
    expect(shanghai.tasks).toEqual([
      expect.objectContaining({
        InstanceId: 'crs-demo0004',
        TaskType: '010',
        Result: 1,
        InstanceName: 'inventory',
      }),
      // The console restore that broke when crs-demo0012's node went away, three hours ago.
      expect.objectContaining({ InstanceId: 'crs-demo0012', TaskType: '010', Result: 4 }),
    ]);
    expect((await list({ InstanceId: 'crs-demo0004' })).total).toBe(0);
  });

  it('reports a failed task with Result 4', async () => {
    sandbox.faults.add({ kind: 'failTask', action: 'ManualBackupInstance', message: 'disk full' });
    const reply = await callV3(sandbox.url, 'ManualBackupInstance', { InstanceId: 'crs-demo0002' });
    const failing = reply.json.TaskId as number;
    clock.advance(31_000);
    const row = (await list({ InstanceId: 'crs-demo0002' })).tasks[0];
    expect(row).toMatchObject({ TaskId: failing, TaskType: '012', Result: 4, Progress: 1 });
    expect((await list({ Result: [4] })).tasks.map((t) => t.TaskId)).toEqual([failing]);
  });

  it('refuses bad parameters with the documented codes', async () => {
    const code = async (params: unknown) => errorCode(await callV3(sandbox.url, 'DescribeTaskList', params));
    expect(await code({ Limit: 101 })).toBe('InvalidParameter.InvalidParameter');
    expect(await code({ Offset: -1 })).toBe('InvalidParameter.InvalidParameter');
    expect(await code({ BeginTime: '2024-02-31 00:00:00' })).toBe('InvalidParameter.InvalidParameter');
    expect(await code({ BeginTime: '2024-01-02 00:00:00', EndTime: '2024-01-01 00:00:00' })).toBe(
      'InvalidParameter.InvalidParameter',
    );
    expect(await code({ TaskTypes: '010' })).toBe('InvalidParameter');
    expect(await code({ Frobnicate: 1 })).toBe('UnknownParameter');
  });

  it('is a read action for CAM and is limited to its published 100 requests per second', async () => {
    const readOnly = await callV3(
      sandbox.url,
      'DescribeTaskList',
      {},
      { secretId: READONLY_SECRET_ID, secretKey: READONLY_SECRET_KEY },
    );
    expect(readOnly.json.TotalCount).toBeTypeOf('number');
    const replies = await Promise.all(
      Array.from({ length: 101 }, () => callV3(sandbox.url, 'DescribeTaskList', { Limit: 1 })),
    );
    expect(replies.filter((r) => errorCode(r) === 'RequestLimitExceeded')).toHaveLength(1);
  });
});
