// Task listing and progress over the state model, and the redis-server registry's safety rules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getRedisTaskList } from '../../../sandbox/api/task-list-actions.js';
import { V3_ACTIONS } from '../../../sandbox/api/v3-actions.js';
import { ManualClock } from '../../../sandbox/clock.js';
import {
  forgetServer,
  processExists,
  readRecords,
  reapOrphans,
  recordServer,
} from '../../../sandbox/redis/orphans.js';
import { DEMO_BACKUPS } from '../../../sandbox/seeds/demo.js';
import { applySeed } from '../../../sandbox/seeds/index.js';
import { startManualBackup, startRestore } from '../../../sandbox/state/flows.js';
import { SandboxState } from '../../../sandbox/state/store.js';
import type { Principal } from '../../../sandbox/state/types.js';

const admin: Principal = { secretId: 'id', allowedActions: null, allowedProjects: null };

function demo() {
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 12));
  const state = new SandboxState(clock, 20);
  applySeed(state, 'demo');
  return { clock, state, ctx: { state, region: 'ap-guangzhou', principal: admin } };
}

describe('task progress and listing', () => {
  it('Progress climbs with the clock, stays below 1 until the task ends, then is 1', () => {
    const { clock, state } = demo();
    const result = startRestore(state, {
      instanceId: 'crs-demo0001',
      backupId: DEMO_BACKUPS.ordersManual,
      password: 'Orders#2024',
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!result.ok) throw new Error(result.message);
    expect(state.taskProgress(result.task)).toBe(0);
    clock.advance(5000);
    expect(state.taskProgress(result.task)).toBe(0.25);
    // Real work still pending past the planned end: the task is not done, so not 100 %.
    result.task.work = { state: 'pending' };
    clock.advance(60_000);
    state.tick();
    expect(state.taskProgress(result.task)).toBe(0.99);
    result.task.work = { state: 'done' };
    state.tick();
    expect(state.taskProgress(result.task)).toBe(1);
  });

  it('DescribeTaskList and GetRedisTaskList see the same tasks', () => {
    const { state, ctx } = demo();
    const backup = startManualBackup(state, {
      instanceId: 'crs-demo0013',
      remark: '',
      storageDays: 0,
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!backup.ok) throw new Error(backup.message);
    const v3 = V3_ACTIONS.DescribeTaskList?.run(ctx, { TaskTypes: ['012'] });
    expect(v3).toMatchObject({
      ok: true,
      data: { TotalCount: 1, Tasks: [{ TaskId: backup.task.id, TaskType: '012', Result: 0 }] },
    });
    const legacy = getRedisTaskList(ctx, { limit: '10', offset: '0', 'taskType.0': 'task_backupInstance' });
    expect(legacy).toMatchObject({
      ok: true,
      fields: { totalCount: 1, data: { redisTaskSet: [{ taskName: 'backupInstance', status: 0 }] } },
    });
  });
});

describe('redis-server registry', () => {
  const registries: string[] = [];
  afterEach(() => {
    for (const dir of registries.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const registry = () => {
    const dir = mkdtempSync(join(tmpdir(), 'crs-registry-test-'));
    registries.push(dir);
    return dir;
  };
  // The pid of a process that has certainly exited.
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

  it('records and forgets servers', () => {
    const dir = registry();
    recordServer({ pid: 4242, ownerPid: process.pid, port: 1, dir: '/x', root: '/y' }, dir);
    expect(readRecords(dir)).toEqual([{ pid: 4242, ownerPid: process.pid, port: 1, dir: '/x', root: '/y' }]);
    forgetServer(4242, dir);
    expect(readRecords(dir)).toEqual([]);
  });

  it('never kills a recorded pid that is not that redis-server; drops the stale record', async () => {
    const dir = registry();
    const owner = deadPid();
    expect(processExists(owner)).toBe(false);
    // A reused pid: the "orphan" is this very test process, which must survive.
    recordServer({ pid: process.pid, ownerPid: owner, port: 6379, dir: '/nowhere', root: '/tmp/x' }, dir);
    expect(await reapOrphans(dir)).toEqual([]);
    expect(processExists(process.pid)).toBe(true);
    expect(readRecords(dir)).toEqual([]);
  });

  it('leaves records of live owners alone', async () => {
    const dir = registry();
    const record = { pid: deadPid(), ownerPid: process.ppid, port: 1, dir: '/x', root: '/y' };
    recordServer(record, dir);
    expect(await reapOrphans(dir)).toEqual([]);
    expect(readRecords(dir)).toEqual([record]);
  });
});
