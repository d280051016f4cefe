/**
 * "No other restore running on it" asks the cloud: a restore started outside the app (here sent straight to
 * the sandbox, as the console would) blocks a new one in preflight, named by its task and start time, though
 * this app's journal knows nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRestore } from '../../../sandbox/state/flows';
import type { ProfileView } from '../../../shared/profiles';
import { type Harness, startHarness } from '../../support/core-harness';

let h: Harness;
let profile: ProfileView;

beforeAll(async () => {
  h = await startHarness({ sandbox: { taskSeconds: 600 } });
  profile = await h.value('sandbox:start', {});
});

afterAll(async () => {
  await h.close();
});

describe('a restore started outside the app', () => {
  it('fails the no-active-restore check with the cloud task, and nothing is sent', async () => {
    const target = { profileId: profile.id, region: 'ap-guangzhou', instanceId: 'crs-demo0002' };
    const { backups } = await h.value('backups:list', { ...target, span: 7 });
    const backup = backups.find((b) => b.restorable);
    if (!backup) throw new Error('no restorable backup');
    const before = await h.value('restore:preflight', { ...target, backupId: backup.id });
    expect(before.checks.find((c) => c.id === 'no-active-restore')?.ok).toBe(true);

    const consoleRestore = startRestore(h.sandbox.state, {
      instanceId: target.instanceId,
      backupId: backup.id,
      password: undefined,
      region: target.region,
      principal: { secretId: 'console', allowedActions: null, allowedProjects: null },
    });
    if (!consoleRestore.ok) throw new Error(consoleRestore.message);

    const pre = await h.value('restore:preflight', { ...target, backupId: backup.id });
    expect(pre.passed).toBe(false);
    const check = pre.checks.find((c) => c.id === 'no-active-restore');
    expect(check).toMatchObject({
      ok: false,
      reason: { code: 'active-cloud', params: { taskId: String(consoleRestore.task.id) } },
    });
    expect(check?.reason?.params.startTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await h.value('tasks:list', {})).length).toBe(0);
  });
});
