/**
 * The app's task-list and manual-backup calls against the sandbox over real HTTP: listRestoreTasks finds
 * a restore (API 3.0 with its task id, legacy by status only) — also one whose answer was lost — and the
 * legacy client takes a manual backup.
 */
import { describe, expect, it } from 'vitest';
import type { CrsApi } from '../../../electron/core/cloud/crs-api';
import { DEMO_BACKUPS } from '../../../sandbox/index';
import { AppError } from '../../../shared/errors';
import { sandboxClientsPerTest } from '../../support/sandbox-clients';

const REGION = 'ap-guangzhou';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const RESTORE = { region: REGION, instanceId: 'crs-demo0001', backupId: DEMO_BACKUPS.ordersManual };

const env = sandboxClientsPerTest({ taskSeconds: 2 });
const client = env.client;

const since = () => new Date(Date.now() - 60_000).toISOString();

/** Lists until the single restore task reaches `status` (tasks last two seconds here). */
async function waitForStatus(api: CrsApi, status: string) {
  for (let i = 0; ; i++) {
    const tasks = await api.listRestoreTasks({
      region: REGION,
      instanceId: RESTORE.instanceId,
      since: since(),
    });
    if (tasks[0]?.status === status || i >= 60) return tasks;
    await sleep(100);
  }
}

describe.each(['v3', 'legacy-v2'] as const)('%s listRestoreTasks', (generation) => {
  it('finds nothing before a restore, then the restore as it runs and succeeds', async () => {
    const api = client(generation);
    expect(
      await api.listRestoreTasks({ region: REGION, instanceId: RESTORE.instanceId, since: since() }),
    ).toEqual([]);
    const { taskId } = await api.restoreInstance({ ...RESTORE, password: 'Orders#2024' });
    const running = await api.listRestoreTasks({
      region: REGION,
      instanceId: RESTORE.instanceId,
      since: since(),
    });
    expect(running).toHaveLength(1);
    expect(['preparing', 'running']).toContain(running[0]?.status);
    expect(running[0]?.startTime).toMatch(/Z$/);
    if (generation === 'v3') expect(running[0]?.taskId).toBe(taskId);
    else expect(running[0]?.taskId).toBeUndefined();

    const done = await waitForStatus(api, 'succeed');
    expect(done).toEqual([expect.objectContaining({ status: 'succeed' })]);
    // A window that starts after the restore excludes it.
    const later = new Date(Date.now() + 5_000).toISOString();
    expect(
      await api.listRestoreTasks({ region: REGION, instanceId: RESTORE.instanceId, since: later }),
    ).toEqual([]);
  });

  it('reconciles a restore whose answer was lost: the task is listed, never sent twice', async () => {
    env.sandbox.faults.add({ kind: 'hang', action: 'RestoreInstance' });
    const api = client(generation, { timeoutMs: 500 });
    const error = await api.restoreInstance({ ...RESTORE, password: 'Orders#2024' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('RESTORE_OUTCOME_UNKNOWN');
    const created = [...env.sandbox.state.tasks.values()].find((t) => t.instanceId === RESTORE.instanceId);
    const tasks = await client(generation).listRestoreTasks({
      region: REGION,
      instanceId: RESTORE.instanceId,
      since: since(),
    });
    expect(tasks).toHaveLength(1);
    if (generation === 'v3') expect(tasks[0]?.taskId).toBe(String(created?.id));
    expect(env.sandbox.state.restoreCalls.get(RESTORE.instanceId)).toBe(1);
  });

  it('ignores manual backups and other instances', async () => {
    const api = client(generation);
    await client('v3').manualBackup({ region: REGION, instanceId: 'crs-demo0001' });
    await api.restoreInstance({
      region: REGION,
      instanceId: 'crs-demo0002',
      backupId: await backupOf('crs-demo0002'),
    });
    expect(
      await api.listRestoreTasks({ region: REGION, instanceId: 'crs-demo0001', since: since() }),
    ).toEqual([]);
  });
});

async function backupOf(instanceId: string): Promise<string> {
  const { backups } = await client('v3').describeBackups({
    region: REGION,
    instanceId,
    limit: 10,
    offset: 0,
  });
  const backup = backups.find((b) => b.restorable);
  if (!backup) throw new Error(`no restorable backup for ${instanceId}`);
  return backup.id;
}

describe('legacy manualBackup', () => {
  it('takes a backup: task id and backup id, the backup listed and the task succeeding', async () => {
    const api = client('legacy-v2');
    const { taskId, backupId } = await api.manualBackup({
      region: REGION,
      instanceId: 'crs-demo0007',
      remark: 'pre-restore',
    });
    expect(taskId).toMatch(/^\d+$/);
    expect(backupId).toMatch(/^1250000000-/);
    const { backups } = await api.describeBackups({
      region: REGION,
      instanceId: 'crs-demo0007',
      limit: 10,
      offset: 0,
    });
    expect(backups.find((b) => b.id === backupId)).toMatchObject({ kind: 'manual', remark: 'pre-restore' });
    let status = '';
    for (let i = 0; i < 60 && status !== 'succeed'; i++) {
      status = (await api.describeTask({ region: REGION, taskId })).status;
      if (status !== 'succeed') await sleep(100);
    }
    expect(status).toBe('succeed');
  });

  it('maps a locked instance to the app error the API 3.0 client gives', async () => {
    const legacy = await client('legacy-v2')
      .manualBackup({ region: 'ap-shanghai', instanceId: 'crs-demo0004' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const v3 = await client('v3')
      .manualBackup({ region: 'ap-shanghai', instanceId: 'crs-demo0004' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(legacy).toBeInstanceOf(AppError);
    expect((legacy as AppError).code).toBe((v3 as AppError).code);
  });
});
