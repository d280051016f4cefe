/**
 * The legacy v2 generation end to end with the real keychain (gnome-keyring in the test's D-Bus session):
 * the SecretKey lives in the keychain only, the legacy API's refusals arrive as the catalog's codes, and a
 * legacy restore runs to success. Deleting the profile clears its keychain entries.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KeytarLike, KeytarSecretStore } from '../../../electron/core/secrets/secret-store';
import { startSandbox } from '../../../sandbox/index';
import type { ProfileView } from '../../../shared/profiles';
import type { RestoreRecord } from '../../../shared/tasks';
import { type Harness, startHarness } from '../../support/core-harness';

const keytar = createRequire(import.meta.url)('keytar') as KeytarLike;
let h: Harness;
let profile: ProfileView;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

beforeAll(async () => {
  const sandbox = await startSandbox({ taskSeconds: 2 });
  h = await startHarness(
    {},
    {
      sandbox,
      userData: (await import('node:fs')).mkdtempSync(
        join((await import('node:os')).tmpdir(), 'crs-legacy-'),
      ),
      secrets: new KeytarSecretStore(keytar),
      settings: (await import('../../support/core-harness')).memoryDocument({
        preferences: { pollIntervalSeconds: 1 },
      }),
    },
  );
  profile = await h.value('profiles:create', {
    name: 'Private cloud (legacy)',
    secretId: sandbox.credentials.secretId,
    secretKey: sandbox.credentials.secretKey,
    generation: 'legacy-v2',
    signatureMethod: 'HmacSHA256',
    endpoint: sandbox.url,
    regions: ['ap-guangzhou', 'ap-shanghai'],
    defaultRegion: 'ap-guangzhou',
    environment: 'production',
    requestTimeoutSeconds: 10,
  });
});

afterAll(async () => {
  await h.close();
});

describe('legacy v2 profile with the real keychain', () => {
  it('keeps the SecretKey in gnome-keyring and in no file', async () => {
    const found = execFileSync('sh', ['-c', 'secret-tool search --all service crs-restore-desk 2>&1'], {
      encoding: 'utf8',
    });
    expect(found).toContain(`profile:${profile.id}:secret-key`);
    for (const file of filesUnder(h.userData)) {
      expect(readFileSync(file, 'utf8')).not.toContain(h.sandbox.credentials.secretKey);
    }
    expect(JSON.stringify(h.settings.store)).not.toContain(h.sandbox.credentials.secretKey);
  });

  it('lists the fleet through the legacy API', async () => {
    const fleet = await h.value('fleet:refresh', { profileId: profile.id });
    expect(fleet.regions.filter((r) => r.state !== 'done')).toEqual([]);
    expect(fleet.freshness.stale).toBe(false);
    expect(fleet.instances.find((i) => i.id === 'crs-demo0001')).toMatchObject({
      generation: 'legacy-v2',
      status: 'running',
    });
  });

  it('maps the legacy wrong-password refusal (10712) and always asks for a password', async () => {
    const { backups } = await h.value('backups:list', {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      span: 7,
    });
    const backup = backups.find((b) => b.restorable);
    const target = {
      profileId: profile.id,
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      backupId: backup?.id ?? '',
    };
    const pre = await h.value('restore:preflight', target);
    expect(pre).toMatchObject({ passed: true, requiresPassword: true, requiresTypedConfirmation: true });
    const wrong = await h.value('restore:start', {
      ...target,
      password: 'crs-demo0001:Orders#2024',
      confirmation: 'orders-cache',
    });
    // Accepted by the app at once; the cloud's refusal closes the task with the cloud's own code.
    expect(
      await h.waitFor(
        (e) => e.channel === 'task:finished' && (e.payload as RestoreRecord).restoreId === wrong.restoreId,
      ),
    ).toMatchObject({ status: 'refused', errorCode: 'WRONG_PASSWORD', errorDetails: { cloudCode: '10712' } });
    const record = await h.value('restore:start', {
      ...target,
      password: 'Orders#2024',
      rememberPassword: true,
      confirmation: 'orders-cache',
    });
    const finished = (await h.waitFor(
      (e) => e.channel === 'task:finished' && (e.payload as RestoreRecord).restoreId === record.restoreId,
    )) as RestoreRecord;
    expect(finished.status).toBe('succeed');
    // Opted in: the password is now in the keychain, and only there.
    expect(await keytar.getPassword('crs-restore-desk', `profile:${profile.id}:instance:crs-demo0001`)).toBe(
      'Orders#2024',
    );
    expect((await h.value('restore:preflight', target)).hasSavedPassword).toBe(true);
  });

  it('removes every keychain entry of a deleted profile', async () => {
    expect((await h.value('profiles:delete', { id: profile.id })).removedSecrets).toBe(2);
    expect(await keytar.findCredentials('crs-restore-desk')).not.toContainEqual(
      expect.objectContaining({ account: expect.stringContaining(profile.id) }),
    );
  });
});
