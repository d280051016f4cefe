/**
 * A restore may be cancelled while nothing has been sent: during its safety backup the restore is closed and
 * never sent, while the cloud's backup goes on and is kept. Once RestoreInstance has left, cancelling is
 * refused as "too late".
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../shared/domain';
import type { ProfileView } from '../../../shared/profiles';
import type { RestoreRecord } from '../../../shared/tasks';
import { type Harness, startHarness } from '../../support/core-harness';

let h: Harness;

afterEach(async () => {
  await h?.close();
});

async function setUp(): Promise<{ profile: ProfileView; backup: Backup }> {
  // Slow tasks keep the safety backup running long enough to cancel it.
  h = await startHarness({ sandbox: { taskSeconds: 20 } });
  const created = await h.value('sandbox:start', {});
  const profile = await h.value('profiles:update', { id: created.id, requestTimeoutSeconds: 3 });
  const { backups } = await h.value('backups:list', {
    profileId: profile.id,
    region: 'ap-shanghai',
    instanceId: 'crs-demo0003',
    span: 7,
  });
  const backup = backups.find((b) => b.restorable);
  if (!backup) throw new Error('no restorable backup');
  return { profile, backup };
}

const request = (profileId: string, backupId: string) => ({
  profileId,
  region: 'ap-shanghai',
  instanceId: 'crs-demo0003',
  backupId,
  password: 'Leader#Board3',
  confirmation: 'leaderboard',
});

const updated =
  (restoreId: string, test: (r: RestoreRecord) => boolean) => (e: { channel: string; payload: unknown }) =>
    (e.channel === 'task:updated' || e.channel === 'task:finished') &&
    (e.payload as RestoreRecord).restoreId === restoreId &&
    test(e.payload as RestoreRecord);

describe('cancelling a restore', () => {
  it('during the safety backup closes it unsent; the backup goes on in the cloud and is kept', async () => {
    const { profile, backup } = await setUp();
    const record = await h.value('restore:start', { ...request(profile.id, backup.id), safetyBackup: true });
    const running = (await h.waitFor(
      updated(record.restoreId, (r) => r.safetyBackup?.status === 'running'),
    )) as RestoreRecord;
    expect(await h.value('restore:cancel', { restoreId: record.restoreId })).toEqual({ cancelled: true });
    const closed = (await h.waitFor(
      (e) => e.channel === 'task:finished' && (e.payload as RestoreRecord).restoreId === record.restoreId,
    )) as RestoreRecord;
    expect(closed).toMatchObject({
      phase: 'done',
      status: 'refused',
      errorCode: 'CANCELLED',
      messageCode: 'cancelled-during-backup',
      safetyBackup: { status: 'cancelled', taskId: running.safetyBackup?.taskId },
    });
    expect(closed.message).toContain('kept');
    expect(h.sandbox.state.restoreCalls.get('crs-demo0003') ?? 0).toBe(0);
    // Cancelling again, once closed, says so.
    expect(await h.value('restore:cancel', { restoreId: record.restoreId })).toEqual({
      cancelled: false,
      reason: 'ended',
    });
    const audit = await h.value('audit:list', { instanceId: 'crs-demo0003' });
    expect(audit.entries[0]).toMatchObject({ action: 'restore', outcome: 'refused' });
  });

  it('is refused as too late once RestoreInstance has been sent, and the restore is never resent', async () => {
    const { profile, backup } = await setUp();
    h.sandbox.faults.add({ kind: 'hang', action: 'RestoreInstance', count: 1 });
    const record = await h.value('restore:start', request(profile.id, backup.id));
    await h.waitFor(updated(record.restoreId, (r) => r.phase === 'sending'));
    expect(await h.value('restore:cancel', { restoreId: record.restoreId })).toEqual({
      cancelled: false,
      reason: 'too-late',
    });
    await h.waitFor(updated(record.restoreId, (r) => r.phase === 'reconciling'));
    expect(await h.value('restore:cancel', { restoreId: record.restoreId })).toEqual({
      cancelled: false,
      reason: 'too-late',
    });
    expect(h.sandbox.state.restoreCalls.get('crs-demo0003')).toBe(1);
  });

  it('answers plainly for a restore it does not know', async () => {
    await setUp();
    expect(await h.value('restore:cancel', { restoreId: 'nope' })).toEqual({
      cancelled: false,
      reason: 'not-found',
    });
  });
});
