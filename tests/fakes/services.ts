/**
 * Core services built in one line for tests, over one shared world: a scriptable cloud (fake-crs-api.ts),
 * a manual clock and timers (fake-clock.ts), an in-memory settings document and secret store, and a real
 * journal and audit log in a fresh temporary folder (their files are what a crash test reads back).
 *
 *   const w = world();
 *   const clones = cloneService(w);
 *   w.cloud.queue('cloneInstances', { dealName: 'd1', instanceIds: ['crs-new'] });
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../electron/core/audit/audit-log';
import { CloneService } from '../../electron/core/clones/clone-service';
import { BackupService } from '../../electron/core/inventory/backup-service';
import { FleetCache } from '../../electron/core/inventory/fleet-cache';
import { createMemoryLogger, type Logger } from '../../electron/core/logging/logger';
import { ProfileService } from '../../electron/core/profiles/profile-service';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { RestoreJournal } from '../../electron/core/tasks/restore-journal';
import { RestoreService } from '../../electron/core/tasks/restore-service';
import { TaskFollower } from '../../electron/core/tasks/task-follower';
import type { StoredProfile } from '../../shared/profiles';
import { defaultPreferences, type Preferences } from '../../shared/settings';
import type { RestoreRecord } from '../../shared/tasks';
import { type FakeClock, fakeClock } from './fake-clock';
import { type FakeCrsApi, fakeCrsApi } from './fake-crs-api';
import { type FakeSettingsStore, fakeSettingsStore } from './fake-settings-store';

export interface World {
  cloud: FakeCrsApi;
  clock: FakeClock;
  userData: string;
  logger: Logger & { lines: string[] };
  journal: RestoreJournal;
  audit: AuditLog;
  secrets: MemorySecretStore;
  settings: FakeSettingsStore;
  profile: StoredProfile;
  preferences: Preferences;
  /** Every record a service reported (`task:updated`), and those that ended (`task:finished`). */
  updates: RestoreRecord[];
  finished: RestoreRecord[];
}

export interface WorldOptions {
  generation?: StoredProfile['generation'];
  environment?: StoredProfile['environment'];
  preferences?: Partial<Preferences>;
  /** Reuse a folder (a restart after a crash reads the same journal). */
  userData?: string;
  start?: number;
}

export function world(options: WorldOptions = {}): World {
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'crs-world-'));
  const logger = createMemoryLogger();
  const clock = fakeClock(options.start);
  return {
    cloud: fakeCrsApi(options.generation ?? 'v3'),
    clock,
    userData,
    logger,
    journal: new RestoreJournal({ userData, logger }),
    audit: new AuditLog({ userData, now: clock.now, osUser: 'dba', appVersion: '0.0.0-test', logger }),
    secrets: new MemorySecretStore(),
    settings: fakeSettingsStore(),
    profile: {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'prod',
      generation: options.generation ?? 'v3',
      environment: options.environment ?? 'testing',
      regions: ['ap-guangzhou'],
      defaultRegion: 'ap-guangzhou',
    } as StoredProfile,
    preferences: { ...defaultPreferences, typedConfirmation: 'production-only', ...options.preferences },
    updates: [],
    finished: [],
  };
}

/** What every task-running service takes from the world. */
function taskDeps(w: World) {
  return {
    journal: w.journal,
    audit: w.audit,
    profile: () => w.profile,
    api: () => w.cloud.api,
    preferences: () => w.preferences,
    now: w.clock.now,
    logger: w.logger,
    setTimer: w.clock.setTimer,
    clearTimer: w.clock.clearTimer,
    onUpdate: (r: RestoreRecord) => w.updates.push(r),
    onFinished: (r: RestoreRecord) => w.finished.push(r),
  };
}

export const restoreService = (w: World = world()) =>
  new RestoreService({ ...taskDeps(w), secrets: w.secrets });

export const cloneService = (w: World = world()) => new CloneService(taskDeps(w));

export const profileService = (w: World = world()) =>
  new ProfileService({ store: w.settings, secrets: w.secrets, now: w.clock.now, logger: w.logger });

export const backupService = (w: World = world()) =>
  new BackupService({
    cache: new FleetCache({ userData: w.userData, onCorrupt: () => undefined }),
    profile: () => w.profile,
    api: () => w.cloud.api,
    now: w.clock.now,
  });

/** A task follower whose saves go straight to the journal (as RestoreService's do). */
export const taskFollower = (w: World = world()) => {
  const deps = taskDeps(w);
  const save = async (r: RestoreRecord) => {
    const saved = await w.journal.write({ ...r, updatedAt: new Date(w.clock.now()).toISOString() });
    w.updates.push(saved);
    return saved;
  };
  return new TaskFollower({
    ...deps,
    save,
    finish: async (r) => {
      const ended = await save({ ...r, phase: 'done', endedAt: new Date(w.clock.now()).toISOString() });
      w.finished.push(ended);
      return ended;
    },
  });
};
