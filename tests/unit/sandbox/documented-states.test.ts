// Every documented backup and task state of the demo seed, read through the API 3.0 actions with a
// ManualClock: RedisBackupSet Status/Locked/BackupType, the Status filter and its default, retention,
// DescribeTaskInfo statuses and DescribeTaskList TaskType codes.
import { describe, expect, it } from 'vitest';
import { LEGACY_ACTIONS } from '../../../sandbox/api/legacy-actions.js';
import { v3Action } from '../../../sandbox/api/v3-actions.js';
import { ManualClock } from '../../../sandbox/clock.js';
import { DEMO_BACKUPS } from '../../../sandbox/seeds/demo.js';
import { applySeed } from '../../../sandbox/seeds/index.js';
import { startManualBackup, startRestore } from '../../../sandbox/state/flows.js';
import { SandboxState } from '../../../sandbox/state/store.js';
import type { Principal } from '../../../sandbox/state/types.js';

const admin: Principal = { secretId: 'id', allowedActions: null, allowedProjects: null };
const DAY_MS = 24 * 3600 * 1000;
const ALL = [1, 2, 3, 4, -1, -2];

function demo(taskSeconds = 20) {
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 12));
  const state = new SandboxState(clock, taskSeconds);
  applySeed(state, 'demo');
  return { clock, state };
}

type Row = Record<string, unknown>;

function call(state: SandboxState, region: string, action: string, params: Row, principal = admin) {
  const def = v3Action(action);
  if (!def) throw new Error(action);
  return def.run({ state, region, principal }, params);
}

function ok(result: ReturnType<typeof call>): Row {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.data as Row;
}

function backups(state: SandboxState, region: string, params: Row): Row[] {
  return ok(call(state, region, 'DescribeInstanceBackups', { Limit: 100, ...params })).BackupSet as Row[];
}

const byId = (rows: Row[], id: string) => rows.find((r) => r.BackupId === id);

describe('RedisBackupSet states', () => {
  it('each Status comes from a real state, with Locked consistent', () => {
    const { state } = demo();
    const shanghai = backups(state, 'ap-shanghai', { Status: ALL });
    const beijing = backups(state, 'ap-beijing', { Status: ALL });
    // 1: a running restore holds it; 3: an export holds it; both locked.
    expect(byId(shanghai, DEMO_BACKUPS.inventoryRestoring)).toMatchObject({ Status: 1, Locked: 1 });
    expect(byId(shanghai, DEMO_BACKUPS.leaderboardLocked)).toMatchObject({ Status: 3, Locked: 1 });
    // 4: exported and released; -1 expired; -2 deleted; none locked.
    expect(byId(beijing, DEMO_BACKUPS.ledgerExported)).toMatchObject({ Status: 4, Locked: 0 });
    expect(byId(shanghai, DEMO_BACKUPS.leaderboardExpired)).toMatchObject({ Status: -1, Locked: 0 });
    expect(byId(shanghai, DEMO_BACKUPS.leaderboardDeleted)).toMatchObject({ Status: -2, Locked: 0 });
    expect(shanghai.some((r) => r.Status === 2 && r.Locked === 0)).toBe(true);
  });

  it('a running manual backup shows Status 1 and Locked 1, then 2 and 0', () => {
    const { clock, state } = demo();
    const started = startManualBackup(state, {
      instanceId: 'crs-demo0013',
      remark: 'x',
      storageDays: 0,
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!started.ok || !started.backup) throw new Error('refused');
    const id = started.backup.id;
    expect(byId(backups(state, 'ap-guangzhou', { Status: [1] }), id)).toMatchObject({ Locked: 1 });
    clock.advance(21_000);
    expect(byId(backups(state, 'ap-guangzhou', {}), id)).toMatchObject({ Status: 2, Locked: 0 });
  });

  it('BackupType is "0" manual, "1" nightly, "2" spec change; InstanceType is the Type when taken', () => {
    const { state } = demo();
    const beijing = backups(state, 'ap-beijing', { Status: ALL });
    expect(byId(beijing, DEMO_BACKUPS.analyticsOldSpec)).toMatchObject({
      BackupType: '2',
      InstanceType: 7,
    });
    expect(byId(beijing, DEMO_BACKUPS.ledgerOldest)).toMatchObject({ BackupType: '0', InstanceType: 8 });
    expect(beijing.some((r) => r.BackupType === '1' && r.InstanceId === 'crs-demo0014')).toBe(true);
  });

  it('without a Status filter only normal backups are listed (the SDK default 2)', () => {
    const { state } = demo();
    const plain = backups(state, 'ap-shanghai', { InstanceId: 'crs-demo0003' });
    expect(plain.length).toBeGreaterThan(0);
    expect(plain.every((r) => r.Status === 2)).toBe(true);
    const every = backups(state, 'ap-shanghai', { InstanceId: 'crs-demo0003', Status: ALL });
    expect(new Set(every.map((r) => r.Status))).toEqual(new Set([2, 3, -1, -2]));
  });

  it('filters on each of the six codes and refuses others', () => {
    const { state } = demo();
    for (const code of ALL) {
      const rows = [...backups(state, 'ap-shanghai', { Status: [code] })];
      rows.push(...backups(state, 'ap-beijing', { Status: [code] }));
      expect(rows.length, `Status ${code}`).toBeGreaterThan(0);
      expect(rows.every((r) => r.Status === code)).toBe(true);
    }
    const refused = call(state, 'ap-shanghai', 'DescribeInstanceBackups', { Status: [5] });
    expect(refused).toMatchObject({ ok: false, code: 'InvalidParameter.InvalidParameter' });
  });
});

describe('retention', () => {
  it('crs-demo0014 keeps five-year backups older than a year, reached by a 30-day window', () => {
    const { state } = demo();
    const all = backups(state, 'ap-beijing', { InstanceId: 'crs-demo0014', Status: ALL });
    const oldest = byId(all, DEMO_BACKUPS.ledgerOldest);
    const now = state.now();
    const start = Date.parse(`${String(oldest?.StartTime).replace(' ', 'T')}+08:00`);
    expect(now - start).toBeGreaterThan(365 * DAY_MS);
    const expire = Date.parse(`${String(oldest?.ExpireTime).replace(' ', 'T')}+08:00`);
    expect(Math.round((expire - start) / DAY_MS)).toBe(1825);
    // The window still may not exceed 30 days, whatever the retention.
    const wide = call(state, 'ap-beijing', 'DescribeInstanceBackups', {
      InstanceId: 'crs-demo0014',
      BeginTime: '2024-01-01 00:00:00',
      EndTime: '2024-03-01 00:00:00',
    });
    expect(wide).toMatchObject({ ok: false, code: 'InvalidParameter.InvalidParameter' });
  });

  it('ManualBackupInstance accepts StorageDays up to 1825 and refuses more', () => {
    const { state } = demo();
    const params = { InstanceId: 'crs-demo0013', StorageDays: 1826 };
    expect(call(state, 'ap-guangzhou', 'ManualBackupInstance', params)).toMatchObject({
      ok: false,
      code: 'InvalidParameter.InvalidParameter',
    });
    const accepted = call(state, 'ap-guangzhou', 'ManualBackupInstance', { ...params, StorageDays: 1825 });
    expect(accepted.ok).toBe(true);
  });
});

const taskList = (state: SandboxState, region: string, params: Row = {}) =>
  ok(call(state, region, 'DescribeTaskList', { Limit: 100, ...params })).Tasks as Row[];
const taskInfo = (state: SandboxState, region: string, id: unknown) =>
  ok(call(state, region, 'DescribeTaskInfo', { TaskId: id }));

describe('tasks', () => {
  it('DescribeTaskInfo reaches preparing, running, succeed, failed and error', () => {
    const { clock, state } = demo();
    const started = startRestore(state, {
      instanceId: 'crs-demo0002',
      backupId: state.backupsOf('crs-demo0002')[0]?.id ?? '',
      password: undefined,
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!started.ok) throw new Error(started.message);
    expect(taskInfo(state, 'ap-guangzhou', started.task.id).Status).toBe('preparing');
    clock.advance(5_000);
    expect(taskInfo(state, 'ap-guangzhou', started.task.id).Status).toBe('running');
    clock.advance(20_000);
    expect(taskInfo(state, 'ap-guangzhou', started.task.id).Status).toBe('succeed');
    const ledger = taskList(state, 'ap-beijing', { InstanceId: 'crs-demo0014', TaskTypes: ['010'] });
    expect(taskInfo(state, 'ap-beijing', ledger[0]?.TaskId)).toMatchObject({
      Status: 'failed',
      TaskType: '恢复备份',
    });
    const limiter = taskList(state, 'ap-shanghai', { InstanceId: 'crs-demo0012' });
    const broken = taskInfo(state, 'ap-shanghai', limiter[0]?.TaskId);
    expect(broken.Status).toBe('error');
    expect(broken.TaskMessage).not.toBe('');
  });

  it('a flow whose node goes away ends in error, not failed', () => {
    const { clock, state } = demo();
    const backup = state.backupsOf('crs-demo0001').find((b) => state.backupStatus(b) === 2);
    const started = startRestore(state, {
      instanceId: 'crs-demo0001',
      backupId: backup?.id ?? '',
      password: 'Orders#2024',
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!started.ok) throw new Error(started.message);
    const instance = state.instances.get('crs-demo0001');
    if (instance) instance.healthy = false;
    clock.advance(25_000);
    expect(taskInfo(state, 'ap-guangzhou', started.task.id).Status).toBe('error');
  });

  it('DescribeTaskList carries 010, 012, 017 and 067, with the console restore of crs-demo0004', () => {
    const { state } = demo();
    const inventory = taskList(state, 'ap-shanghai', { InstanceId: 'crs-demo0004' });
    expect(inventory[0]).toMatchObject({ TaskType: '010', Result: 1 });
    expect(inventory[0]?.StartTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const beijing = taskList(state, 'ap-beijing');
    const codes = new Set(beijing.map((t) => t.TaskType));
    for (const code of ['012', '017', '067']) expect(codes.has(code), code).toBe(true);
    // The upgrade of crs-demo0006 runs and keeps it "in process" without locking it.
    const upgrade = beijing.find((t) => t.InstanceId === 'crs-demo0006');
    expect(upgrade).toMatchObject({ TaskType: '067', Result: 1 });
    expect(state.instances.get('crs-demo0006')?.lockTaskId).toBeNull();
    expect(taskList(state, 'ap-beijing', { TaskTypes: ['017'] }).every((t) => t.TaskType === '017')).toBe(
      true,
    );
  });
});

describe('legacy views of the same states', () => {
  const legacy = (state: SandboxState, region: string, action: string, params: Record<string, string>) => {
    const run = LEGACY_ACTIONS[action];
    if (!run) throw new Error(action);
    const result = run({ state, region, principal: admin }, params);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.fields as { totalCount: number; data: Record<string, Row[]> };
  };

  it('GetRedisTaskList leaves out nightly-backup and upgrade tasks, which the legacy doc does not name', () => {
    const { state } = demo();
    const rows = legacy(state, 'ap-beijing', 'GetRedisTaskList', { limit: '100', offset: '0' }).data
      .redisTaskSet as Row[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.taskName))).toEqual(new Set(['restoreBackup', 'backupInstance']));
  });

  it("GetRedisBackupList: a spec-change backup is the system's, and ended flows release their backups", () => {
    const { clock, state } = demo();
    const rows = legacy(state, 'ap-beijing', 'GetRedisBackupList', {
      limit: '100',
      offset: '0',
      redisId: 'crs-demo0011',
    }).data.redisBackupSet as Row[];
    expect(rows.find((r) => r.backupId === DEMO_BACKUPS.analyticsOldSpec)).toMatchObject({
      backupType: 'systemBackupInstance',
    });
    const started = startManualBackup(state, {
      instanceId: 'crs-demo0013',
      remark: '',
      storageDays: 0,
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!started.ok || !started.backup) throw new Error('refused');
    clock.advance(21_000);
    const after = legacy(state, 'ap-guangzhou', 'GetRedisBackupList', {
      limit: '100',
      offset: '0',
      redisId: 'crs-demo0013',
    }).data.redisBackupSet as Row[];
    expect(after.find((r) => r.backupId === started.backup?.id)).toMatchObject({ status: 2, locked: 0 });
  });
});

describe('seeded tasks', () => {
  it('an unfinished upgrade shows the instance in process without a lock; a backup locks it, running', () => {
    const { state } = demo();
    const orders = state.instances.get('crs-demo0001');
    const empty = state.instances.get('crs-demo0013');
    if (!orders || !empty) throw new Error('seed');
    const now = state.now();
    state.seedTask({ kind: 'upgrade', instance: orders, backupId: '', startMs: now, durationMs: 60_000 });
    expect(orders).toMatchObject({ status: 1, lockTaskId: null });
    const backup = state.backupsOf('crs-demo0001')[0];
    const task = state.seedTask({
      kind: 'backup',
      instance: empty,
      backupId: backup?.id ?? '',
      startMs: now,
      durationMs: 60_000,
    });
    expect(empty).toMatchObject({ status: 2, lockTaskId: task.id });
  });
});

describe('the seeded upgrade', () => {
  it('holds crs-demo0006 "in process" until it ends, then leaves it running', () => {
    const { clock, state } = demo();
    expect(state.instances.get('crs-demo0006')).toMatchObject({ status: 1, title: '升级中' });
    clock.advance(6 * 3600 * 1000);
    state.tick();
    expect(state.instances.get('crs-demo0006')).toMatchObject({ status: 2, title: null });
  });
});
