/**
 * RestoreInstance is sent once, ever. When its answer is lost (the sandbox's "hang" fault starts the task but
 * never answers) or the app dies mid-call, the restore is reconciled from the instance's task list and
 * followed to its end; a restore that never left is closed without being sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../shared/domain';
import type { ProfileView } from '../../../shared/profiles';
import { CRS_CONSOLE_INSTANCE_LIST_URL, type RestoreRecord } from '../../../shared/tasks';
import { type Harness, startHarness } from '../../support/core-harness';

let h: Harness;

afterEach(async () => {
  await h?.close();
});

async function setUp(): Promise<{ profile: ProfileView; backup: Backup }> {
  h = await startHarness();
  const created = await h.value('sandbox:start', {});
  // A short request timeout keeps the lost-answer case quick.
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

const restoreRequest = (profileId: string, backupId: string) => ({
  profileId,
  region: 'ap-shanghai',
  instanceId: 'crs-demo0003',
  backupId,
  password: 'Leader#Board3',
  confirmation: 'leaderboard',
});

/** A journal record for the seeded leaderboard instance, as a crash would have left it. */
function journalRecord(profile: ProfileView, backup: Backup, over: Partial<RestoreRecord>): RestoreRecord {
  const now = new Date().toISOString();
  return {
    restoreId: '00000000-0000-4000-8000-000000000000',
    profileId: profile.id,
    profileName: profile.name,
    region: 'ap-shanghai',
    instanceId: 'crs-demo0003',
    instanceName: 'leaderboard',
    backupId: backup.id,
    phase: 'accepted',
    status: 'pending',
    message: 'Preflight passed.',
    createdAt: now,
    updatedAt: now,
    polls: 0,
    ...over,
  };
}

const isPhase =
  (restoreId: string, phase: RestoreRecord['phase']) => (e: { channel: string; payload: unknown }) =>
    e.channel === 'task:updated' &&
    (e.payload as RestoreRecord).restoreId === restoreId &&
    (e.payload as RestoreRecord).phase === phase;

const isFinished = (restoreId: string) => (e: { channel: string; payload: unknown }) =>
  e.channel === 'task:finished' && (e.payload as RestoreRecord).restoreId === restoreId;

describe('restore reconciliation', () => {
  it('a lost answer is reconciled from the task list, never resent, and followed to success', async () => {
    const { profile, backup } = await setUp();
    h.sandbox.faults.add({ kind: 'hang', action: 'RestoreInstance', count: 1 });
    const record = await h.value('restore:start', restoreRequest(profile.id, backup.id));
    // The answer comes once the restore is journaled; the lost RestoreInstance answer shows in its updates.
    expect(record).toMatchObject({ phase: 'accepted', status: 'pending' });
    const sending = (await h.waitFor(isPhase(record.restoreId, 'sending'))) as RestoreRecord;
    expect(sending.status).toBe('pending');
    const unknown = (await h.waitFor(isPhase(record.restoreId, 'reconciling'))) as RestoreRecord;
    expect(unknown).toMatchObject({ status: 'unknown', errorCode: 'RESTORE_OUTCOME_UNKNOWN' });
    const finished = (await h.waitFor(isFinished(record.restoreId))) as RestoreRecord;
    expect(finished).toMatchObject({ status: 'succeed' });
    expect(finished.taskId).toMatch(/^\d+$/);
    expect(h.sandbox.state.restoreCalls.get('crs-demo0003')).toBe(1);
    const audit = await h.value('audit:list', { instanceId: 'crs-demo0003' });
    expect(audit.entries.map((e) => e.outcome)).toEqual(['succeed', 'unknown', 'requested']);
  });

  it('a lost answer with no task behind it ends as outcome unknown — never refused, never resent', async () => {
    const { profile, backup } = await setUp();
    // The connection drops before the sandbox sees the request: nothing starts, but the app cannot know that.
    h.sandbox.faults.add({ kind: 'drop', action: 'RestoreInstance', count: 1 });
    const record = await h.value('restore:start', restoreRequest(profile.id, backup.id));
    expect(await h.waitFor(isPhase(record.restoreId, 'reconciling'))).toMatchObject({ status: 'unknown' });
    const finished = (await h.waitFor(isFinished(record.restoreId))) as RestoreRecord;
    expect(finished).toMatchObject({
      phase: 'done',
      status: 'outcome-unknown',
      errorCode: 'RESTORE_TASK_NOT_FOUND',
      messageCode: 'reconcile-unknown',
    });
    expect(finished.message).toMatch(/^Outcome unknown — check the console\./);
    expect(finished.message).toContain('crs-demo0003');
    expect(finished.message).toContain(CRS_CONSOLE_INSTANCE_LIST_URL);
    expect(h.sandbox.state.restoreCalls.get('crs-demo0003') ?? 0).toBe(0);
    const audit = await h.value('audit:list', { instanceId: 'crs-demo0003' });
    expect(audit.entries.map((e) => e.outcome)).toEqual(['outcome-unknown', 'unknown', 'requested']);
  });

  it('a safety backup whose task cannot be read ends as unknown, and the restore is never sent', async () => {
    h = await startHarness({ pollSeconds: 1 });
    const profile = await h.value('sandbox:start', {});
    const { backups } = await h.value('backups:list', {
      profileId: profile.id,
      region: 'ap-shanghai',
      instanceId: 'crs-demo0003',
      span: 7,
    });
    const backup = backups.find((b) => b.restorable);
    if (!backup) throw new Error('no restorable backup');
    // Every DescribeTaskInfo answer is unreadable: the backup's end cannot be learned.
    h.sandbox.faults.add({ kind: 'malformedJson', action: 'DescribeTaskInfo', count: 'always' });
    const record = await h.value('restore:start', {
      ...restoreRequest(profile.id, backup.id),
      safetyBackup: true,
    });
    await h.waitFor(isFinished(record.restoreId));
    const [closed] = await h.value('tasks:list', {});
    expect(closed).toMatchObject({
      phase: 'done',
      status: 'refused',
      errorCode: 'SAFETY_BACKUP_FAILED',
      safetyBackup: { status: 'outcome-unknown' },
    });
    expect(closed?.message).toContain('TASK_OUTCOME_UNKNOWN');
    expect(h.sandbox.state.restoreCalls.get('crs-demo0003') ?? 0).toBe(0);
    const audit = await h.value('audit:list', { instanceId: 'crs-demo0003' });
    expect(audit.entries.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'restore:refused',
      'safety-backup:outcome-unknown',
      'restore:requested',
    ]);
  }, 60_000);

  it('a restore interrupted by the app stopping mid-call is found after restart, not repeated', async () => {
    const { profile, backup } = await setUp();
    h.sandbox.faults.add({ kind: 'hang', action: 'RestoreInstance', count: 1 });
    const pending = h.call('restore:start', restoreRequest(profile.id, backup.id));
    await h.waitFor((e) => e.channel === 'task:updated' && (e.payload as RestoreRecord).phase === 'sending');
    // The app quits (or crashes) while RestoreInstance is on the wire.
    await h.stopCore();
    const restarted = await h.restart();
    h = restarted;
    const [resumed] = await restarted.value('tasks:list', {});
    expect(resumed).toMatchObject({ instanceId: 'crs-demo0003', phase: 'reconciling', status: 'unknown' });
    const finished = (await restarted.waitFor(isFinished(resumed?.restoreId ?? ''))) as RestoreRecord;
    expect(finished.status).toBe('succeed');
    expect(restarted.sandbox.state.restoreCalls.get('crs-demo0003')).toBe(1);
    await pending.catch(() => undefined);
  });

  it('a restore that stopped before it was sent is closed on restart, and nothing is sent', async () => {
    const { profile, backup } = await setUp();
    const journal = `${h.userData}/restores.jsonl`;
    const { appendFileSync } = await import('node:fs');
    const record = journalRecord(profile, backup, { restoreId: '00000000-0000-4000-8000-000000000001' });
    // A journal whose last line was torn by a crash, after one complete record.
    appendFileSync(journal, `${JSON.stringify(record)}\n{"restoreId":"torn`);
    const restarted = await h.restart();
    h = restarted;
    const [closed] = await restarted.value('tasks:list', {});
    expect(closed).toMatchObject({
      restoreId: record.restoreId,
      status: 'refused',
      phase: 'done',
      errorCode: 'CANCELLED',
    });
    expect(restarted.sandbox.state.restoreCalls.get('crs-demo0003') ?? 0).toBe(0);
    const notices = await restarted.value('app:notices', {});
    expect(notices.map((n) => n.message).join(' ')).toContain('damaged line');
  });

  it('a restore whose end was learned but not yet recorded as done is finished on restart, with its audit and notice', async () => {
    const { profile, backup } = await setUp();
    const record = journalRecord(profile, backup, {
      restoreId: '00000000-0000-4000-8000-000000000002',
      phase: 'polling',
      status: 'succeed',
      taskId: '123',
      message: 'The restore completed.',
      polls: 3,
    });
    const { appendFileSync } = await import('node:fs');
    appendFileSync(`${h.userData}/restores.jsonl`, `${JSON.stringify(record)}\n`);
    const restarted = await h.restart();
    h = restarted;
    const finished = (await restarted.waitFor(isFinished(record.restoreId))) as RestoreRecord;
    expect(finished).toMatchObject({ phase: 'done', status: 'succeed' });
    const audit = await restarted.value('audit:list', { instanceId: 'crs-demo0003' });
    expect(audit.entries[0]).toMatchObject({ restoreId: record.restoreId, outcome: 'succeed' });
    expect(restarted.sandbox.state.restoreCalls.get('crs-demo0003') ?? 0).toBe(0);
  });
});
