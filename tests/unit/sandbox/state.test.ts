// The state model with a ManualClock: task lifecycle, locks, expiry, seeds.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../sandbox/clock.js';
import { DEMO_BACKUPS, DEMO_INSTANCES } from '../../../sandbox/seeds/demo.js';
import { fleetInstanceId } from '../../../sandbox/seeds/fleet.js';
import { applySeed, validateSeed } from '../../../sandbox/seeds/index.js';
import { InstanceStatus, TYPE_CODES } from '../../../sandbox/state/catalog.js';
import { startManualBackup, startRestore } from '../../../sandbox/state/flows.js';
import { SandboxState } from '../../../sandbox/state/store.js';
import type { InstanceRecord, Principal } from '../../../sandbox/state/types.js';
import { SDK_REGIONS } from '../../../shared/crs-regions.js';

const admin: Principal = { secretId: 'id', allowedActions: null, allowedProjects: null };

function demo(taskSeconds = 20) {
  const clock = new ManualClock(Date.UTC(2026, 0, 15, 12));
  const state = new SandboxState(clock, taskSeconds);
  applySeed(state, 'demo');
  return { clock, state };
}

const normalBackup = (state: SandboxState, id: string) => {
  const b = state.backupsOf(id).find((x) => state.backupStatus(x) === 2);
  if (!b) throw new Error('no backup');
  return b;
};

describe('tasks', () => {
  it('restore: preparing → running → succeed; instance Status 1 and locked meanwhile', () => {
    const { clock, state } = demo();
    const backup = normalBackup(state, 'crs-demo0001');
    const result = startRestore(state, {
      instanceId: 'crs-demo0001',
      backupId: backup.id,
      password: 'Orders#2024',
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!result.ok) throw new Error(result.message);
    const instance = state.instances.get('crs-demo0001');
    expect(state.taskStatus(result.task)).toBe('preparing');
    expect(instance?.status).toBe(1);
    expect(instance?.lockTaskId).toBe(result.task.id);
    expect(state.backupStatus(backup)).toBe(1);
    clock.advance(5_000);
    expect(state.taskStatus(result.task)).toBe('running');
    clock.advance(15_000);
    state.tick();
    expect(state.taskStatus(result.task)).toBe('succeed');
    expect(instance).toMatchObject({ status: 2, lockTaskId: null });
    expect(state.backupStatus(backup)).toBe(2);
  });

  it('a planned failure fails the task with its message', () => {
    const { clock, state } = demo(1);
    state.plannedFailures.push({ kind: 'restore', message: 'boom' });
    const backup = normalBackup(state, 'crs-demo0002');
    const result = startRestore(state, {
      instanceId: 'crs-demo0002',
      backupId: backup.id,
      password: undefined,
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!result.ok) throw new Error(result.message);
    clock.advance(1000);
    state.tick();
    expect(result.task.outcome).toMatchObject({ status: 'failed', message: 'boom' });
    expect(state.instances.get('crs-demo0002')?.status).toBe(2);
  });

  it('manual backup: locked while running, normal afterwards, expires after StorageDays', () => {
    const { clock, state } = demo(2);
    const result = startManualBackup(state, {
      instanceId: 'crs-demo0013',
      remark: 'r',
      storageDays: 1,
      region: 'ap-guangzhou',
      principal: admin,
    });
    if (!result.ok || !result.backup) throw new Error('refused');
    expect(state.backupStatus(result.backup)).toBe(1);
    expect(state.instances.get('crs-demo0013')?.status).toBe(2);
    clock.advance(2000);
    state.tick();
    expect(state.backupStatus(result.backup)).toBe(2);
    clock.advance(24 * 3600 * 1000);
    expect(state.backupStatus(result.backup)).toBe(-1);
  });
});

describe('seeds', () => {
  it('demo covers every status, NoAuth, Redis 2.8, CKV, three regions', () => {
    const { state } = demo();
    const all = [...state.instances.values()];
    expect(all).toHaveLength(DEMO_INSTANCES.length);
    expect(new Set(all.map((i) => i.status))).toEqual(new Set([0, 1, 2, -2, -3]));
    expect(new Set(all.map((i) => i.region)).size).toBe(3);
    expect(all.some((i) => i.password === null && i.status === 2)).toBe(true);
    expect(all.some((i) => i.type === 2)).toBe(true);
    expect(all.some((i) => i.type === 3)).toBe(true);
    expect(state.instances.get('crs-demo0004')?.lockTaskId).not.toBeNull();
    const leaderboard = state.backupsOf('crs-demo0003');
    const status = (id: string) => {
      const backup = leaderboard.find((b) => b.id === id);
      if (!backup) throw new Error(`missing ${id}`);
      return state.backupStatus(backup);
    };
    expect(status(DEMO_BACKUPS.leaderboardExpired)).toBe(-1);
    // Held by an export flow: "being exported" (3), still locked.
    expect(status(DEMO_BACKUPS.leaderboardLocked)).toBe(3);
    expect(status(DEMO_BACKUPS.leaderboardDeleted)).toBe(-2);
  });

  it('fleet:N is deterministic, spread over every region, with unique ids and lazy backups', () => {
    const a = new SandboxState(new ManualClock(0));
    const b = new SandboxState(new ManualClock(0));
    applySeed(a, 'fleet:20000');
    applySeed(b, 'fleet:20000');
    expect(a.instances.size).toBe(20000);
    expect([...a.instances.values()].map((i) => `${i.id}${i.name}${i.status}${i.type}`)).toEqual(
      [...b.instances.values()].map((i) => `${i.id}${i.name}${i.status}${i.type}`),
    );
    expect(new Set([...a.instances.values()].map((i) => i.region))).toEqual(new Set(SDK_REGIONS));
    expect(a.instances.has(fleetInstanceId(19999))).toBe(true);
    const first = a.instances.get(fleetInstanceId(0));
    expect(first?.id).toMatch(/^crs-[a-z0-9]{8}$/);
    const running = [...a.instances.values()].find((i) => i.status === 2);
    expect(running && a.backupsOf(running.id)).toHaveLength(3);
  });

  it('fleet:N covers every region, Type and Status early, and every region with every Type and Status', () => {
    const fleet = (n: number) => {
      const state = new SandboxState(new ManualClock(0));
      applySeed(state, `fleet:${n}`);
      return [...state.instances.values()];
    };
    const regions = new Set<string>(SDK_REGIONS);
    const types = new Set(TYPE_CODES);
    const statuses = new Set<number>(Object.values(InstanceStatus));
    expect(new Set(fleet(regions.size).map((i) => i.region))).toEqual(regions);
    expect(new Set(fleet(23).map((i) => i.type))).toEqual(types);
    expect(new Set(fleet(49).map((i) => i.status))).toEqual(statuses);
    const big = fleet(2000);
    const pairs = (key: (i: InstanceRecord) => number) => new Set(big.map((i) => `${i.region}/${key(i)}`));
    expect(pairs((i) => i.type).size).toBe(regions.size * types.size);
    expect(pairs((i) => i.status).size).toBe(regions.size * statuses.size);
    // Mostly running, as a real fleet is.
    expect(big.filter((i) => i.status === InstanceStatus.Running).length / big.length).toBeGreaterThan(0.85);
  });

  it('validates seed names', () => {
    expect(validateSeed('demo')).toBeNull();
    expect(validateSeed('fleet:100000')).toBeNull();
    expect(validateSeed('fleet:100001')).toContain('fleet:N');
    expect(validateSeed('fleet:')).not.toBeNull();
    expect(validateSeed('prod')).not.toBeNull();
  });
});
