/**
 * RestoreService with a scriptable fake cloud: `start` answers once the restore is journaled, whatever the
 * cloud is doing; the safety backup and RestoreInstance run as phases; cancel works only before the request
 * leaves, and a cancelled restore is never sent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../electron/core/audit/audit-log';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { RestoreJournal } from '../../../electron/core/tasks/restore-journal';
import { RestoreService } from '../../../electron/core/tasks/restore-service';
import type { RestoreTask } from '../../../shared/domain';
import type { StoredProfile } from '../../../shared/profiles';
import { defaultPreferences } from '../../../shared/settings';
import type { RestoreRecord } from '../../../shared/tasks';
import { DAY, fakeBackup, fakeBackupApi, fakeInstance } from '../../fakes/fake-backup-api';

/** A promise the test settles by hand: a cloud answer that takes as long as the test wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const profile = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'prod',
  generation: 'v3',
  environment: 'testing',
  regions: ['ap-guangzhou'],
  defaultRegion: 'ap-guangzhou',
} as StoredProfile;

function setUp() {
  const now = Date.now();
  const api = fakeBackupApi([fakeBackup('b1', now - DAY)], [fakeInstance({ createdAt: undefined })]);
  const backup = deferred<{ taskId: string }>();
  const restore = deferred<{ taskId: string }>();
  let backupStatus: RestoreTask['status'] = 'running';
  const sent = { backups: 0, restores: 0 };
  api.manualBackup = async () => {
    sent.backups++;
    return backup.promise;
  };
  api.restoreInstance = async () => {
    sent.restores++;
    return restore.promise;
  };
  api.describeTask = async ({ taskId }) => ({
    taskId,
    status: backupStatus,
    statusRaw: backupStatus,
    message: '',
  });
  const userData = mkdtempSync(join(tmpdir(), 'crs-restore-'));
  const logger = createMemoryLogger();
  const updates: RestoreRecord[] = [];
  const finished: RestoreRecord[] = [];
  const service = new RestoreService({
    journal: new RestoreJournal({ userData, logger }),
    audit: new AuditLog({ userData, now: Date.now, osUser: 'dba', appVersion: '0.0.0', logger }),
    secrets: new MemorySecretStore(),
    profile: () => profile,
    api: () => api,
    preferences: () => ({ ...defaultPreferences, typedConfirmation: 'production-only' }),
    now: Date.now,
    logger,
    // Timers run at once: the test decides when the cloud's task ends.
    setTimer: (fn, _ms) => setTimeout(fn, 1),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    onUpdate: (r) => updates.push(r),
    onFinished: (r) => finished.push(r),
  });
  const request = {
    profileId: profile.id,
    region: 'ap-guangzhou',
    instanceId: 'crs-1',
    backupId: 'b1',
    password: 'pw',
    rememberPassword: false,
    useSavedPassword: false,
    safetyBackup: true,
    confirmation: 'orders',
  };
  const until = async (test: () => boolean) => {
    for (let i = 0; i < 500 && !test(); i++) await new Promise((r) => setTimeout(r, 2));
    expect(test()).toBe(true);
  };
  return {
    service,
    request,
    sent,
    updates,
    finished,
    until,
    backup,
    restore,
    endBackup: (status: RestoreTask['status']) => {
      backupStatus = status;
    },
  };
}

describe('RestoreService', () => {
  it('answers once the restore is journaled, while the safety backup is still unanswered', async () => {
    const s = setUp();
    const record = await s.service.start(s.request);
    expect(record).toMatchObject({ phase: 'accepted', status: 'pending' });
    expect(record.restoreRule).toEqual({ semantics: 'clone-and-swap', basis: 'documented' });
    await s.until(() => s.sent.backups === 1);
    expect(s.updates.at(-1)).toMatchObject({ phase: 'safety-backup', safetyBackup: { status: 'starting' } });
    expect(s.sent.restores).toBe(0);
    s.service.dispose();
  });

  it('runs the safety backup, then sends RestoreInstance once, as phases of the record', async () => {
    const s = setUp();
    const record = await s.service.start(s.request);
    s.backup.resolve({ taskId: '7' });
    await s.until(() => s.updates.some((r) => r.safetyBackup?.status === 'running'));
    s.endBackup('succeed');
    await s.until(() => s.sent.restores === 1);
    expect(s.updates.at(-1)).toMatchObject({ phase: 'sending' });
    s.restore.resolve({ taskId: '8' });
    await s.until(() => s.updates.some((r) => r.phase === 'polling'));
    expect(s.updates.find((r) => r.phase === 'polling')).toMatchObject({
      restoreId: record.restoreId,
      taskId: '8',
      safetyBackup: { status: 'succeed', taskId: '7' },
    });
    s.service.dispose();
  });

  it('cancels during the safety backup: never sent, the backup said to go on in the cloud', async () => {
    const s = setUp();
    const record = await s.service.start(s.request);
    s.backup.resolve({ taskId: '7' });
    await s.until(() => s.updates.some((r) => r.safetyBackup?.status === 'running'));
    expect(s.service.cancel(record.restoreId)).toEqual({ cancelled: true });
    await s.service.settled(record.restoreId);
    expect(s.finished).toHaveLength(1);
    expect(s.finished[0]).toMatchObject({
      phase: 'done',
      status: 'refused',
      errorCode: 'CANCELLED',
      messageCode: 'cancelled-during-backup',
      safetyBackup: { status: 'cancelled', taskId: '7' },
    });
    // Even if the backup then ends well, nothing is sent.
    s.endBackup('succeed');
    await new Promise((r) => setTimeout(r, 20));
    expect(s.sent.restores).toBe(0);
  });

  it('cancels while ManualBackupInstance is unanswered, and still sends nothing once it answers', async () => {
    const s = setUp();
    const record = await s.service.start(s.request);
    await s.until(() => s.sent.backups === 1);
    expect(s.service.cancel(record.restoreId)).toEqual({ cancelled: true });
    s.backup.resolve({ taskId: '7' });
    await s.service.settled(record.restoreId);
    expect(s.finished[0]).toMatchObject({ status: 'refused', errorCode: 'CANCELLED' });
    expect(s.sent.restores).toBe(0);
  });

  it('refuses to cancel once RestoreInstance is on its way', async () => {
    const s = setUp();
    const record = await s.service.start({ ...s.request, safetyBackup: false });
    // Without a safety backup the run commits to sending at once, before the journal says 'sending'.
    expect(s.service.cancel(record.restoreId)).toEqual({ cancelled: false, reason: 'too-late' });
    await s.until(() => s.sent.restores === 1);
    expect(s.service.cancel(record.restoreId)).toEqual({ cancelled: false, reason: 'too-late' });
    s.restore.resolve({ taskId: '8' });
    await s.service.settled(record.restoreId);
    expect(s.finished).toHaveLength(0);
    expect(s.sent.restores).toBe(1);
    s.service.dispose();
  });

  it('leaves a restore quit during its safety backup as it was, for the next start to close unsent', async () => {
    const s = setUp();
    const record = await s.service.start(s.request);
    s.backup.resolve({ taskId: '7' });
    await s.until(() => s.updates.some((r) => r.safetyBackup?.status === 'running'));
    s.service.dispose();
    await s.service.settled(record.restoreId);
    expect(s.finished).toHaveLength(0);
    expect(s.updates.at(-1)).toMatchObject({ phase: 'safety-backup', safetyBackup: { status: 'running' } });
    expect(s.sent.restores).toBe(0);
  });
});
