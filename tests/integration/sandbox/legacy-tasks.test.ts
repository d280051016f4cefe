// Legacy v2 GetRedisTaskList and ManualBackupInstance over signed HTTP, on the same state as API 3.0.
import { describe, expect, it } from 'vitest';
import { formatTencentTime } from '../../../sandbox/clock.js';
import {
  DEMO_BACKUPS,
  PROJECT0_SECRET_ID,
  PROJECT0_SECRET_KEY,
  READONLY_SECRET_ID,
  READONLY_SECRET_KEY,
} from '../../../sandbox/index.js';
import { frozenDemoSandbox } from './frozen-sandbox.js';
import { callLegacy, callV3 } from './helpers.js';

interface LegacyTaskRow {
  startTime: string;
  taskName: string;
  redisName: string;
  redisId: string;
  projectId: number;
  status: number;
  progress: number;
}

const env = frozenDemoSandbox({ taskSeconds: 30 });
const { clock } = env;

const data = (reply: Record<string, unknown>) => reply.data as Record<string, unknown>;

async function taskList(params: Record<string, string>, o: { method?: 'GET' | 'POST' } = {}) {
  const reply = await callLegacy(
    env.sandbox.url,
    'GetRedisTaskList',
    { limit: '20', offset: '0', ...params },
    o,
  );
  if (reply.code !== 0) throw new Error(JSON.stringify(reply));
  return { total: reply.totalCount, rows: data(reply).redisTaskSet as LegacyTaskRow[] };
}

describe('legacy GetRedisTaskList', () => {
  it('follows a legacy restore from 0 to 2 with progress 0 → 1', async () => {
    const restore = await callLegacy(env.sandbox.url, 'RestoreInstance', {
      redisId: 'crs-demo0001',
      password: 'Orders#2024',
      backupId: DEMO_BACKUPS.ordersManual,
    });
    expect(restore.code).toBe(0);
    const filter = { redisId: 'crs-demo0001', 'taskType.0': 'task_restoreBackup' };
    const fresh = await taskList(filter);
    expect(fresh.total).toBe(1);
    expect(fresh.rows).toEqual([
      {
        startTime: formatTencentTime(clock.now()),
        taskName: 'restoreBackup',
        redisName: 'orders-cache',
        redisId: 'crs-demo0001',
        projectId: 0,
        status: 0,
        progress: 0,
      },
    ]);
    clock.advance(5000);
    expect((await taskList(filter)).rows[0]).toMatchObject({ status: 1, progress: 0 });
    clock.advance(30_000);
    expect((await taskList(filter, { method: 'POST' })).rows[0]).toMatchObject({ status: 2, progress: 1 });
  });

  it('filters by type, status, name and time, and pages by record offset', async () => {
    const backup = await callLegacy(env.sandbox.url, 'ManualBackupInstance', { redisId: 'crs-demo0013' });
    expect(backup.code).toBe(0);
    const names = async (params: Record<string, string>) =>
      (await taskList(params)).rows.map((r) => `${r.taskName}:${r.redisId}:${r.status}`);
    expect(await names({})).toEqual(['backupInstance:crs-demo0013:0', 'restoreBackup:crs-demo0001:2']);
    expect(await names({ 'taskType.0': 'task_backupInstance' })).toEqual(['backupInstance:crs-demo0013:0']);
    expect(await names({ 'taskType.0': 'task_cleanInstance' })).toEqual([]);
    expect(await names({ 'taskStatus.0': '2' })).toEqual(['restoreBackup:crs-demo0001:2']);
    expect(await names({ 'taskStatus.0': '0', 'taskStatus.1': '2' })).toHaveLength(2);
    expect(await names({ redisName: 'empty' })).toEqual(['backupInstance:crs-demo0013:0']);
    expect(await names({ beginTime: formatTencentTime(clock.now() + 1000) })).toEqual([]);
    expect(await names({ limit: '1', offset: '1' })).toEqual(['restoreBackup:crs-demo0001:2']);
    expect((await taskList({ limit: '1' })).total).toBe(2);
    // Legacy short region codes reach the same region.
    const sh = await callLegacy(
      env.sandbox.url,
      'GetRedisTaskList',
      { limit: '5', offset: '0' },
      { region: 'sh' },
    );
    // The running seeded restore, then the console restore of crs-demo0012 that ended in error (-1).
    expect((data(sh).redisTaskSet as LegacyTaskRow[]).map((r) => [r.redisId, r.status])).toEqual([
      ['crs-demo0004', 1],
      ['crs-demo0012', -1],
    ]);
  });

  it('refuses bad parameters with 11201', async () => {
    const code = async (params: Record<string, string>) =>
      (await callLegacy(env.sandbox.url, 'GetRedisTaskList', params)).code;
    expect(await code({ offset: '0' })).toBe('11201');
    expect(await code({ limit: '101', offset: '0' })).toBe('11201');
    expect(await code({ limit: '10', offset: '0', beginTime: '2024-13-01 00:00:00' })).toBe('11201');
    expect(await code({ limit: '10', offset: '0', 'taskStatus.0': 'done' })).toBe('11201');
  });
});

describe('legacy ManualBackupInstance', () => {
  it('answers requestId and backupId, locks the instance, and finishes like the API 3.0 flow', async () => {
    const reply = await callLegacy(env.sandbox.url, 'ManualBackupInstance', {
      redisId: 'crs-demo0002',
      remark: 'before cleanup',
    });
    expect(reply).toMatchObject({ code: 0, codeDesc: 'Success' });
    const { requestId, backupId } = data(reply) as { requestId: number; backupId: string };
    expect(requestId).toBeTypeOf('number');
    expect(backupId).toMatch(/^1250000000-\d+-\d+$/);

    const backups = await callLegacy(env.sandbox.url, 'GetRedisBackupList', {
      redisId: 'crs-demo0002',
      limit: '10',
      offset: '0',
    });
    const row = (data(backups).redisBackupSet as Array<Record<string, unknown>>)[0];
    expect(row).toMatchObject({
      backupId,
      backupType: 'manualBackupInstance',
      remark: 'before cleanup',
      locked: 1,
    });

    // Same locking rule as API 3.0: the instance is busy until the backup task ends.
    const again = await callLegacy(env.sandbox.url, 'ManualBackupInstance', { redisId: 'crs-demo0002' });
    expect(again.code).toBe('10707');
    const v3 = await callV3(env.sandbox.url, 'DescribeTaskList', { InstanceId: 'crs-demo0002' });
    expect(v3.json.Tasks).toEqual([
      expect.objectContaining({ TaskId: requestId, TaskType: '012', Result: 0 }),
    ]);

    clock.advance(31_000);
    const info = await callLegacy(env.sandbox.url, 'DescribeTaskInfo', { requestId: String(requestId) });
    expect(data(info).status).toBe(2);
  });

  it('maps refusals to legacy codes', async () => {
    const code = async (params: Record<string, string>, o = {}) =>
      (await callLegacy(env.sandbox.url, 'ManualBackupInstance', params, o)).code;
    expect(await code({})).toBe('11201');
    expect(await code({ redisId: 'crs-nothere1' })).toBe('10701');
    expect(await code({ redisId: 'crs-demo0004' }, { region: 'ap-shanghai' })).toBe('10707');
    expect(await code({ redisId: 'crs-demo0005' }, { region: 'ap-beijing' })).toBe('10702');
    expect(await code({ redisId: 'crs-demo0012' }, { region: 'ap-shanghai' })).toBe('6000');
    const readOnly = { secretId: READONLY_SECRET_ID, secretKey: READONLY_SECRET_KEY };
    expect(await code({ redisId: 'crs-demo0007' }, readOnly)).toBe('4101');
    const project0 = { secretId: PROJECT0_SECRET_ID, secretKey: PROJECT0_SECRET_KEY, region: 'ap-beijing' };
    expect(await code({ redisId: 'crs-demo0011' }, project0)).toBe('4102');
  });
});
