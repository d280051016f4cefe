/**
 * Session-only credentials and a restart in the middle of a restore: the new run has no SecretKey, so it asks
 * for the key of that profile first (a `keys-needed` notice), the task waits instead of ending "unknown", and it
 * is followed to its end once the key is entered again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../electron/core/secrets/secret-store';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../sandbox/constants';
import type { Notice } from '../../../shared/ipc-contract';
import type { RestoreRecord } from '../../../shared/tasks';
import { type Harness, startHarness } from '../../support/core-harness';

let first: Harness;
let second: Harness | undefined;

afterAll(async () => {
  await second?.close();
});

describe('session-only keys after a restart', () => {
  it('asks for the key of a profile with an open restore, waits, then follows it to the end', async () => {
    first = await startHarness({ sandbox: { taskSeconds: 8 }, pollSeconds: 1 });
    // A profile of its own (the built-in sandbox profile gets its key back when the sandbox restarts).
    const profile = await first.value('profiles:create', {
      name: 'staging',
      secretId: DEFAULT_SECRET_ID,
      secretKey: DEFAULT_SECRET_KEY,
      generation: 'v3',
      endpoint: first.sandbox.url.replace(/\/$/, ''),
      regions: ['ap-guangzhou'],
      defaultRegion: 'ap-guangzhou',
      environment: 'staging',
    });
    const { backups } = await first.value('backups:list', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0002',
      span: 7,
    });
    const backup = backups.find((b) => b.restorable);
    if (!backup) throw new Error('no restorable backup');
    const started = await first.value('restore:start', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0002',
      backupId: backup.id,
      confirmation: 'session-store',
    });
    // Quit only once the cloud has the restore: a restore quit before it was sent is closed at the next start.
    await first.waitFor(
      (e) =>
        e.channel === 'task:updated' &&
        (e.payload as RestoreRecord).restoreId === started.restoreId &&
        (e.payload as RestoreRecord).phase === 'polling',
    );
    await first.stopCore();

    // The restart: the same files and sandbox, but session-only secrets start empty.
    second = await startHarness(
      { pollSeconds: 1 },
      {
        sandbox: first.sandbox,
        userData: first.userData,
        secrets: new MemorySecretStore(),
        settings: first.settings,
      },
    );
    const asked = (await second.waitFor(
      (e) => e.channel === 'app:notice' && (e.payload as Notice).kind === 'keys-needed',
    )) as Notice;
    expect(asked.params?.profileIds).toBe(profile.id);

    // Well past the bound on unhealed reads: a missing key is waited for, not counted.
    await new Promise((r) => setTimeout(r, 20_000));
    const waiting = (await second.value('tasks:list', {})).find((r) => r.restoreId === started.restoreId);
    expect(waiting?.status).not.toBe('outcome-unknown');
    expect(waiting?.endedAt).toBeUndefined();

    await second.value('profiles:update', { id: profile.id, secretKey: DEFAULT_SECRET_KEY });
    const ended = (await second.waitFor(
      (e) => e.channel === 'task:finished' && (e.payload as RestoreRecord).restoreId === started.restoreId,
      60_000,
    )) as RestoreRecord;
    expect(ended.status).toBe('succeed');
  }, 120_000);
});
