/**
 * The restore's safety rules, one test each, on the shared service fakes (tests/fakes/services.ts): the
 * journal is written before RestoreInstance leaves and after it answers, a restore that may have left is
 * never sent again (at start-up it is reconciled), a lost answer is reconciled from the task list, and the
 * safety backup comes first: no restore is sent unless it succeeded.
 */
import { describe, expect, it } from 'vitest';
import { RestoreJournal } from '../../../electron/core/tasks/restore-journal';
import { AppError } from '../../../shared/errors';
import type { RestoreRecord } from '../../../shared/tasks';
import { fakeBackup, fakeInstance } from '../../fakes/fake-backup-api';
import { restoreService, taskFollower, type World, world } from '../../fakes/services';

function cloudOf(w: World) {
  const backup = fakeBackup('b1', w.clock.now() - 3_600_000);
  w.cloud
    .script('describeInstances', async () => ({ total: 1, instances: [fakeInstance()] }))
    .script('describeBackups', async () => ({ total: 1, backups: [backup], statusCoverage: 'all' as const }))
    .queue('listRestoreTasks', [])
    .script('describeTask', async ({ taskId }) => ({
      taskId,
      status: 'succeed',
      statusRaw: 'succeed',
      message: '',
    }));
  return w;
}

const request = (safetyBackup = false) => ({
  profileId: '00000000-0000-4000-8000-000000000001',
  region: 'ap-guangzhou',
  instanceId: 'crs-1',
  backupId: 'b1',
  password: 'pw',
  rememberPassword: false,
  useSavedPassword: false,
  safetyBackup,
});

const onDisk = async (w: World) =>
  (await new RestoreJournal({ userData: w.userData, logger: w.logger }).load()).records;

describe('restore rules', () => {
  it('journals "sending" before RestoreInstance leaves, and the task id after it answers', async () => {
    const w = cloudOf(world());
    let before: string | undefined;
    w.cloud.tap('restoreInstance', async () => {
      before = (await onDisk(w))[0]?.phase;
    });
    w.cloud.queue('restoreInstance', { taskId: '77' });
    const service = restoreService(w);
    const record = await service.start(request());
    await service.settled(record.restoreId);
    expect(before).toBe('sending');
    expect((await onDisk(w))[0]).toMatchObject({ phase: 'polling', taskId: '77' });
    service.dispose();
  });

  it('a lost answer is reconciled from the task list, never sent again', async () => {
    const w = cloudOf(world());
    w.cloud.queue('restoreInstance', new AppError('RESTORE_OUTCOME_UNKNOWN'));
    const service = restoreService(w);
    const record = await service.start(request());
    await service.settled(record.restoreId);
    const sentAt = w.journal.get(record.restoreId)?.sentAt as string;
    w.cloud.queue('listRestoreTasks', [{ taskId: '91', status: 'running', startTime: sentAt }]);
    await w.clock.until(() => w.finished.length > 0);
    expect(w.finished[0]).toMatchObject({ status: 'succeed', taskId: '91' });
    expect(w.cloud.count('restoreInstance')).toBe(1);
    service.dispose();
  });

  it('at start-up, a restore journaled as "sending" is reconciled and never sent', async () => {
    const first = cloudOf(world());
    const at = new Date(first.clock.now()).toISOString();
    const record: RestoreRecord = {
      restoreId: '00000000-0000-4000-8000-00000000000a',
      profileId: first.profile.id,
      profileName: 'prod',
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      instanceName: 'orders',
      backupId: 'b1',
      phase: 'sending',
      status: 'pending',
      message: 'Sending the restore request…',
      createdAt: at,
      sentAt: at,
      updatedAt: at,
      polls: 0,
    };
    await first.journal.write(record);
    const w = cloudOf(world({ userData: first.userData, start: first.clock.now() }));
    w.cloud.queue('listRestoreTasks', [{ taskId: '92', status: 'running', startTime: at }]);
    const service = restoreService(w);
    expect(await service.resume()).toMatchObject({ resumed: 1 });
    await w.clock.until(() => w.finished.length > 0);
    expect(w.finished[0]).toMatchObject({ restoreId: record.restoreId, status: 'succeed', taskId: '92' });
    expect(w.cloud.count('restoreInstance')).toBe(0);
    service.dispose();
  });

  it('takes the safety backup first, and sends no restore when it fails', async () => {
    const ok = cloudOf(world());
    ok.cloud.queue('manualBackup', { taskId: '5' }).queue('restoreInstance', { taskId: '6' });
    ok.cloud.script('describeBackups', async () => ({
      total: 2,
      backups: [
        fakeBackup('b1', ok.clock.now() - 3_600_000),
        fakeBackup('b-safety', ok.clock.now(), { remark: 'x' }),
      ],
      statusCoverage: 'all' as const,
    }));
    const service = restoreService(ok);
    const record = await service.start(request(true));
    await ok.clock.until(() => ok.cloud.count('restoreInstance') === 1);
    const order = ok.cloud.calls
      .map((c) => c.method)
      .filter((m) => m === 'manualBackup' || m === 'restoreInstance');
    expect(order).toEqual(['manualBackup', 'restoreInstance']);
    await service.settled(record.restoreId);
    service.dispose();

    const failed = cloudOf(world());
    failed.cloud.queue('manualBackup', { taskId: '5' }).script('describeTask', async ({ taskId }) => ({
      taskId,
      status: 'failed',
      statusRaw: 'failed',
      message: 'disk',
    }));
    const second = restoreService(failed);
    await second.start(request(true));
    await failed.clock.until(() => failed.finished.length > 0);
    expect(failed.finished[0]).toMatchObject({ status: 'refused' });
    expect(failed.cloud.count('restoreInstance')).toBe(0);
    second.dispose();
  });

  it('the task follower is built in one line and follows a task to its end', async () => {
    const w = cloudOf(world());
    const at = new Date(w.clock.now()).toISOString();
    const record = await w.journal.write({
      restoreId: '00000000-0000-4000-8000-00000000000b',
      profileId: w.profile.id,
      profileName: 'prod',
      region: 'ap-guangzhou',
      instanceId: 'crs-1',
      instanceName: 'orders',
      backupId: 'b1',
      phase: 'polling',
      status: 'preparing',
      taskId: '93',
      message: '',
      createdAt: at,
      updatedAt: at,
      polls: 0,
    });
    const follower = taskFollower(w);
    follower.follow(record);
    await w.clock.until(() => w.finished.length > 0);
    expect(w.finished[0]).toMatchObject({ status: 'succeed', phase: 'done' });
    follower.dispose();
  });
});
