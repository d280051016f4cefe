/**
 * The backup listing over the whole retention against the sandbox over real HTTP, through the shared rate
 * limiter: backups months and years old are found window by window, every documented status is listed (the
 * sandbox honours the Status filter and hides deleted backups without it), the preflight finds an old backup,
 * and the legacy API, which has no status filter, says so.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../electron/core/cloud/transport/rate-limiter';
import { BackupService } from '../../../electron/core/inventory/backup-service';
import { FleetCache } from '../../../electron/core/inventory/fleet-cache';
import { runPreflight } from '../../../electron/core/tasks/restore-preflight';
import type { BackupRecord } from '../../../sandbox/state/types';
import type { ApiGeneration } from '../../../shared/domain';
import type { StoredProfile } from '../../../shared/profiles';
import { sandboxClientsPerTest } from '../../support/sandbox-clients';

const REGION = 'ap-guangzhou';
const INSTANCE = 'crs-demo0001';
const DAY = 86_400_000;
const env = sandboxClientsPerTest({ taskSeconds: 1 });

/** An old backup of the orders instance, like the demo's own but started `daysAgo` days ago. */
function addOld(id: string, daysAgo: number, patch: Partial<BackupRecord> = {}): void {
  const state = env.sandbox.state;
  const template = state.backupsOf(INSTANCE)[0];
  if (!template) throw new Error('the demo instance has no backup');
  const startMs = state.now() - daysAgo * DAY;
  state.addBackup({
    ...template,
    id,
    startMs,
    endMs: startMs + 60_000,
    expireMs: state.now() + 30 * DAY,
    lock: null,
    deleted: false,
    exported: false,
    rdbPath: null,
    ...patch,
  });
}

function service(generation: ApiGeneration) {
  const limiter = new RateLimiter({
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
  const api = env.client(generation, { limiter });
  const cache = new FleetCache({
    userData: mkdtempSync(join(tmpdir(), 'crs-retention-')),
    onCorrupt: () => {},
  });
  const profile = { id: 'p1' } as StoredProfile;
  return {
    api,
    backups: new BackupService({ cache, profile: () => profile, api: () => api, now: Date.now }),
  };
}

describe('backups over the whole retention, against the sandbox', () => {
  it('lists backups years old window by window, with every documented status', async () => {
    addOld('old-100d', 100);
    addOld('old-400d', 400);
    addOld('old-1500d', 1500);
    addOld('old-exported', 45, { exported: true });
    addOld('old-exporting', 50, { lock: { reason: 'export', taskId: null } });
    addOld('old-expired', 60, { expireMs: env.sandbox.state.now() - DAY });
    addOld('old-deleted', 70, { deleted: true });
    const { backups } = service('v3');
    const listing = await backups.list({
      profileId: 'p1',
      region: REGION,
      instanceId: INSTANCE,
      span: 'all',
    });
    const byId = new Map(listing.backups.map((b) => [b.id, b]));
    for (const id of ['old-100d', 'old-400d', 'old-1500d']) expect(byId.get(id)?.status).toBe('normal');
    expect(byId.get('old-exported')).toMatchObject({ status: 'exported', restorable: true });
    // An export holds the backup: the models' Status 3, being exported (not 1, locked by another flow).
    expect(byId.get('old-exporting')).toMatchObject({ status: 'exporting', restorable: false });
    expect(byId.get('old-expired')).toMatchObject({ status: 'expired', restorable: false });
    // Deleted backups come back only when asked for by status: the explicit filter reached the server.
    expect(byId.get('old-deleted')).toMatchObject({ status: 'deleted', restorable: false });
    expect(listing.statusCoverage).toBe('all');
    const starts = listing.backups.map((b) => b.startTime ?? '');
    expect([...starts].sort().reverse()).toEqual(starts);

    const year = await backups.list({ profileId: 'p1', region: REGION, instanceId: INSTANCE, span: 365 });
    expect(year.backups.map((b) => b.id)).toContain('old-100d');
    expect(year.backups.map((b) => b.id)).not.toContain('old-400d');
  });

  it('finds a backup a year old before a restore, and stops at the instance’s creation', async () => {
    const instance = env.sandbox.state.instances.get(INSTANCE);
    if (!instance) throw new Error('no demo instance');
    instance.createdMs = env.sandbox.state.now() - 500 * DAY;
    env.sandbox.state.instancesChanged();
    addOld('old-400d', 400);
    addOld('before-creation', 600);
    const { api } = service('v3');
    const target = { region: REGION, instanceId: INSTANCE, backupId: 'old-400d' };
    const outcome = await runPreflight(api, target, undefined, Date.now());
    expect(outcome.checks.find((c) => c.id === 'backup-found')).toMatchObject({ ok: true });
    expect(outcome.backup?.id).toBe('old-400d');
    // A backup dated before the instance existed is not looked for: the walk stops at the creation.
    const before = await runPreflight(api, { ...target, backupId: 'before-creation' }, undefined, Date.now());
    expect(before.checks.find((c) => c.id === 'backup-found')).toMatchObject({ ok: false });
  });

  it('legacy: walks the same windows and says it cannot filter by status', async () => {
    addOld('old-200d', 200);
    const { backups } = service('legacy-v2');
    const listing = await backups.list({ profileId: 'p1', region: REGION, instanceId: INSTANCE, span: 365 });
    expect(listing.backups.map((b) => b.id)).toContain('old-200d');
    expect(listing.statusCoverage).toBe('server-default');
  });
});
