/**
 * The core end to end against the sandbox over real HTTP: profiles, the fleet, backups, preflight, a
 * restore followed to its end, refusals, and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backup } from '../../../shared/domain';
import type { ProfileView } from '../../../shared/profiles';
import type { RestoreRecord } from '../../../shared/tasks';
import { type Harness, startHarness } from '../../support/core-harness';

let h: Harness;
let profile: ProfileView;

const isPhase =
  (restoreId: string, phase: RestoreRecord['phase']) => (e: { channel: string; payload: unknown }) =>
    e.channel === 'task:updated' &&
    (e.payload as RestoreRecord).restoreId === restoreId &&
    (e.payload as RestoreRecord).phase === phase;
const isFinished = (restoreId: string) => (e: { channel: string; payload: unknown }) =>
  e.channel === 'task:finished' && (e.payload as RestoreRecord).restoreId === restoreId;

const window7d = () => ({ span: 7 });

async function restorableBackup(instanceId: string, region: string): Promise<Backup> {
  const { backups } = await h.value('backups:list', {
    profileId: profile.id,
    region,
    instanceId,
    ...window7d(),
  });
  const backup = backups.find((b) => b.restorable);
  if (!backup) throw new Error(`no restorable backup for ${instanceId}`);
  return backup;
}

beforeAll(async () => {
  h = await startHarness();
  profile = await h.value('sandbox:start', {});
});

afterAll(async () => {
  await h.close();
});

describe('core against the sandbox', () => {
  it('adds the sandbox profile with its secret in the secret store only', async () => {
    expect(profile).toMatchObject({ environment: 'sandbox', generation: 'v3', hasSecret: true });
    expect(JSON.stringify(h.settings.store)).not.toContain(h.sandbox.credentials.secretKey);
    expect(JSON.stringify(profile)).not.toContain(h.sandbox.credentials.secretKey);
  });

  it('tests a connection, and reports a wrong key clearly', async () => {
    expect(await h.value('profiles:test', { id: profile.id })).toMatchObject({ ok: true });
    const bad = await h.value('profiles:test', {
      draft: {
        name: 'bad',
        secretId: h.sandbox.credentials.secretId,
        secretKey: 'wrong-key-0000000000000000000000',
        generation: 'v3',
        endpoint: h.sandbox.url,
        regions: ['ap-guangzhou'],
        defaultRegion: 'ap-guangzhou',
        environment: 'testing',
      },
    });
    expect(bad).toMatchObject({
      ok: false,
      errorCode: 'AUTH_FAILED',
      cloudCode: 'AuthFailure.SignatureFailure',
    });
    // The sandbox's RequestId of the refused call, for the DBA to quote.
    expect(bad.requestId).toMatch(/^[0-9a-f-]{16,}$/i);
  });

  it('lists the fleet across regions, streams pages, and caches it', async () => {
    const fleet = await h.value('fleet:refresh', { profileId: profile.id });
    expect(fleet.freshness).toMatchObject({ source: 'live', stale: false });
    expect(fleet.regions.map((r) => r.state)).toEqual(['done', 'done', 'done']);
    expect(new Set(fleet.instances.map((i) => i.region))).toEqual(
      new Set(['ap-guangzhou', 'ap-shanghai', 'ap-beijing']),
    );
    expect(h.events.filter((e) => e.channel === 'fleet:page').length).toBeGreaterThanOrEqual(3);
    const cached = await h.value('fleet:cached', { profileId: profile.id });
    expect(cached.instances.map((i) => i.id).sort()).toEqual(fleet.instances.map((i) => i.id).sort());

    // A page showing the cached copy asks for progress-only pages and names the copy's revision: nothing
    // changed, so neither the pages nor the answer carry instances.
    const before = h.events.length;
    const again = await h.value('fleet:refresh', {
      profileId: profile.id,
      pageRows: false,
      knownRevision: cached.revision,
    });
    expect(again).toMatchObject({ instances: [], unchanged: true, revision: cached.revision });
    const pages = h.events.slice(before).filter((e) => e.channel === 'fleet:page');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((e) => (e.payload as { instances: unknown[] }).instances.length === 0)).toBe(true);
  });

  it('runs every preflight check and refuses a locked instance without sending anything', async () => {
    const pre = await h.value('restore:preflight', {
      profileId: profile.id,
      region: 'ap-shanghai',
      instanceId: 'crs-demo0004',
      backupId: 'does-not-exist',
    });
    expect(pre.passed).toBe(false);
    expect(pre.checks.find((c) => c.id === 'instance-unlocked')?.ok).toBe(false);
    const before = h.sandbox.state.restoreCalls.get('crs-demo0004') ?? 0;
    const refused = await h.call('restore:start', {
      profileId: profile.id,
      region: 'ap-shanghai',
      instanceId: 'crs-demo0004',
      backupId: 'does-not-exist',
      password: 'Invent0ry#4',
      confirmation: 'inventory',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PREFLIGHT_FAILED' } });
    expect(h.sandbox.state.restoreCalls.get('crs-demo0004') ?? 0).toBe(before);
  });

  it('refuses a wrong typed confirmation and a missing password before sending', async () => {
    const backup = await restorableBackup('crs-demo0001', 'ap-guangzhou');
    const target = {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      backupId: backup.id,
    };
    expect(await h.call('restore:start', { ...target, password: 'x', confirmation: 'orders' })).toMatchObject(
      {
        error: { code: 'CONFIRMATION_MISMATCH' },
      },
    );
    expect(await h.call('restore:start', { ...target, confirmation: 'orders-cache' })).toMatchObject({
      error: { code: 'PASSWORD_REQUIRED' },
    });
  });

  it('shows the cloud’s refusal of a wrong password, records it, and never retries', async () => {
    const backup = await restorableBackup('crs-demo0001', 'ap-guangzhou');
    const record = await h.value('restore:start', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      backupId: backup.id,
      password: 'crs-demo0001:Orders#2024',
      confirmation: 'orders-cache',
    });
    // The app accepted it (journaled); the cloud's refusal ends the task, told to the window as an event.
    await h.waitFor(isFinished(record.restoreId));
    expect(h.sandbox.state.restoreCalls.get('crs-demo0001') ?? 0).toBeLessThanOrEqual(1);
    const tasks = await h.value('tasks:list', {});
    expect(tasks[0]).toMatchObject({
      instanceId: 'crs-demo0001',
      status: 'refused',
      errorCode: 'WRONG_PASSWORD',
      errorDetails: { cloudCode: expect.any(String), requestId: expect.any(String) },
    });
  });

  it('restores, follows the task to success, notifies and audits it', async () => {
    const backup = await restorableBackup('crs-demo0003', 'ap-shanghai');
    const record = await h.value('restore:start', {
      profileId: profile.id,
      region: 'ap-shanghai',
      instanceId: 'crs-demo0003',
      backupId: backup.id,
      password: 'Leader#Board3',
      confirmation: 'leaderboard',
    });
    // The answer comes as soon as the restore is journaled, before anything is sent.
    expect(record).toMatchObject({ phase: 'accepted', status: 'pending' });
    expect(record.taskId).toBeUndefined();
    const polling = (await h.waitFor(isPhase(record.restoreId, 'polling'))) as RestoreRecord;
    expect(polling).toMatchObject({ status: 'preparing' });
    expect(polling.taskId).toMatch(/^\d+$/);
    const finished = (await h.waitFor(isFinished(record.restoreId))) as RestoreRecord;
    expect(finished).toMatchObject({ status: 'succeed', phase: 'done', taskId: polling.taskId });
    await h.waitFor(
      (e) =>
        e.channel === 'audit:recorded' &&
        (e.payload as { restoreId?: string; outcome: string }).restoreId === record.restoreId &&
        (e.payload as { outcome: string }).outcome === 'succeed',
    );
    expect(finished.polls).toBeGreaterThan(0);
    const audit = await h.value('audit:list', { instanceId: 'crs-demo0003' });
    expect(audit.entries.map((e) => e.outcome)).toEqual(['succeed', 'started', 'requested']);
    const csv = await h.value('audit:export', { format: 'csv', query: { instanceId: 'crs-demo0003' } });
    expect(csv.content.split('\r\n')[0]).toContain('time (UTC),osUser,action,outcome');
    expect(csv.content).toContain('crs-demo0003');
    expect(csv.content).not.toContain('Leader#Board3');
    expect(h.logs.join('\n')).not.toContain('Leader#Board3');
  });

  it('restores a password-free instance without a password', async () => {
    const backup = await restorableBackup('crs-demo0002', 'ap-guangzhou');
    const pre = await h.value('restore:preflight', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0002',
      backupId: backup.id,
    });
    expect(pre).toMatchObject({ passed: true, requiresPassword: false });
    const record = await h.value('restore:start', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0002',
      backupId: backup.id,
      confirmation: 'session-store',
    });
    expect(await h.waitFor(isPhase(record.restoreId, 'polling'))).toMatchObject({ status: 'preparing' });
  });

  it('takes a safety backup first when asked, then restores', async () => {
    const backup = await restorableBackup('crs-demo0007', 'ap-guangzhou');
    const record = await h.value('restore:start', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0007',
      backupId: backup.id,
      password: 'OldCache#7',
      safetyBackup: true,
      confirmation: 'old-cache',
    });
    expect(record.phase).toBe('accepted');
    // The safety backup is a phase of the restore with its own progress: starting, running, succeed.
    const backupStates = async (status: string) =>
      (await h.waitFor(
        (e) =>
          isPhase(record.restoreId, 'safety-backup')(e) &&
          (e.payload as RestoreRecord).safetyBackup?.status === status,
      )) as RestoreRecord;
    expect((await backupStates('running')).safetyBackup?.taskId).toMatch(/^\d+$/);
    expect((await backupStates('succeed')).safetyBackup?.endedAt).toBeDefined();
    const polling = (await h.waitFor(isPhase(record.restoreId, 'polling'))) as RestoreRecord;
    // ManualBackupInstance names no backup: the app found it by its remark, for the way back.
    expect(polling.safetyBackup?.backupId).toEqual(expect.any(String));
    expect(polling.restoreRule).toEqual(expect.objectContaining({ semantics: expect.any(String) }));
    await h.waitFor(
      (e) =>
        e.channel === 'audit:recorded' &&
        (e.payload as { restoreId?: string; outcome: string }).restoreId === record.restoreId &&
        (e.payload as { outcome: string }).outcome === 'started',
    );
    const audit = await h.value('audit:list', { instanceId: 'crs-demo0007' });
    expect(audit.entries.map((e) => `${e.action}:${e.outcome}`)).toEqual([
      'restore:started',
      'safety-backup:succeed',
      'restore:requested',
    ]);
    // The safety backup's entry never names the source backup: API 3.0 ManualBackupInstance answers with a
    // TaskId only, so the app finds the backup by its remark and the entry carries that id.
    const safety = audit.entries.find((e) => e.action === 'safety-backup');
    expect(safety?.backupId).toBe(polling.safetyBackup?.backupId);
    expect(safety?.backupId).not.toBe(backup.id);
    expect(safety?.backupStartTime).toBeUndefined();
    expect(safety).toMatchObject({
      messageCode: 'safety-backup-ended',
      messageParams: { status: 'succeed' },
    });
    expect(audit.entries.find((e) => e.outcome === 'started')).toMatchObject({
      backupId: backup.id,
      messageCode: 'restore-started',
    });
    const { backups } = await h.value('backups:list', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0007',
      ...window7d(),
    });
    const listed = backups.find((b) => b.kind === 'manual' && b.remark.startsWith('Safety backup'));
    expect(listed?.id).toBe(polling.safetyBackup?.backupId);
    expect(listed?.remark).toBe(polling.safetyBackup?.remark);
  });

  it('reads one instance as the cloud lists it now, for the live instance page', async () => {
    const one = await h.value('fleet:instance', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
    });
    expect(one.instance).toMatchObject({ id: 'crs-demo0001', name: 'orders-cache' });
    expect(Number.isNaN(Date.parse(one.fetchedAt))).toBe(false);
    const gone = await h.value('fleet:instance', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-nothere0',
    });
    expect(gone.instance).toBeUndefined();
  });

  it("records a legacy safety backup under its own backup id, not the source's", async () => {
    const legacy = await h.value('profiles:create', {
      name: 'sandbox legacy',
      secretId: h.sandbox.credentials.secretId,
      secretKey: h.sandbox.credentials.secretKey,
      generation: 'legacy-v2',
      ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
      regions: ['ap-guangzhou'],
      defaultRegion: 'ap-guangzhou',
      environment: 'sandbox',
    });
    const { backups } = await h.value('backups:list', {
      profileId: legacy.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      ...window7d(),
    });
    // crs-demo0007 may still be restoring from the test above; crs-demo0001's restore has ended.
    const source = backups.find((b) => b.restorable);
    expect(source).toBeDefined();
    if (!source) return;
    const started = await h.value('restore:start', {
      profileId: legacy.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      backupId: source.id,
      password: 'Orders#2024',
      safetyBackup: true,
      confirmation: 'orders-cache',
    });
    // restore:start answers once the restore is journaled; the safety backup runs as its first phase.
    const record = (await h.waitFor(isPhase(started.restoreId, 'sending'), 60_000)) as RestoreRecord;
    expect(record.safetyBackup?.backupId).toBeTruthy();
    const audit = await h.value('audit:list', { instanceId: 'crs-demo0001' });
    const safety = audit.entries.find((e) => e.action === 'safety-backup' && e.profileId === legacy.id);
    expect(safety?.backupId).toBe(record.safetyBackup?.backupId);
    expect(safety?.backupId).not.toBe(source.id);
  });

  it("names the cloud's RequestId in a preflight check the cloud refused", async () => {
    const wrong = await h.value('profiles:create', {
      name: 'sandbox wrong key',
      secretId: h.sandbox.credentials.secretId,
      secretKey: 'wrong-key-0000000000000000000000',
      generation: 'v3',
      ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
      regions: ['ap-guangzhou'],
      defaultRegion: 'ap-guangzhou',
      environment: 'sandbox',
    });
    const pre = await h.value('restore:preflight', {
      profileId: wrong.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      backupId: 'any-backup',
    });
    const failed = pre.checks.find((c) => c.reason?.code === 'error');
    expect(failed?.reason?.params).toMatchObject({ code: 'AUTH_FAILED' });
    expect(failed?.reason?.params.requestId).toMatch(/^[0-9a-f-]{16,}$/i);
  });

  it('deletes a profile with every keychain entry under it', async () => {
    const extra = await h.value('profiles:create', {
      name: 'to delete',
      secretId: 'AKIDdelete',
      secretKey: 'k',
      token: 't',
      generation: 'legacy-v2',
      regions: ['ap-guangzhou'],
      defaultRegion: 'ap-guangzhou',
      environment: 'testing',
    });
    expect(extra).toMatchObject({ hasSecret: true, hasToken: true });
    expect(await h.value('profiles:delete', { id: extra.id })).toEqual({ removedSecrets: 2 });
    expect((await h.secrets.accounts()).some((a) => a.includes(extra.id))).toBe(false);
  });
});
