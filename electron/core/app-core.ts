/**
 * The composition root both shells call: it builds every core service from the platform pieces the shell
 * injects (settings store, secret store, fetch, event sink) and returns the handler table for the guard.
 * No business logic lives in the shells; none lives here either, only wiring.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { AppInfo, EventChannel, EventPayloadOf, Notice } from '../../shared/ipc-contract';
import { isTerminal } from '../../shared/tasks';
import { AuditLog } from './audit/audit-log';
import { CloneService } from './clones/clone-service';
import type { FetchLike } from './cloud/crs-api';
import { RateLimiter } from './cloud/transport/rate-limiter';
import { BackupCache } from './downloads/backup-cache';
import { DownloadService } from './downloads/download-service';
import type { DownloadFetch } from './downloads/file-fetch';
import { InspectorService } from './inspector/inspector-service';
import { readRdb } from './inspector/rdb/rdb-reader';
import { BackupService } from './inventory/backup-service';
import { FleetCache } from './inventory/fleet-cache';
import { FleetService } from './inventory/fleet-service';
import type { Handlers } from './ipc/guard';
import { buildHandlers } from './ipc/handlers';
import type { Logger } from './logging/logger';
import { CloudGateway } from './profiles/cloud-gateway';
import { ProfileService } from './profiles/profile-service';
import { SandboxLauncher, type SandboxStarter } from './sandbox/sandbox-launcher';
import type { SecretStore } from './secrets/secret-store';
import { type DocumentStore, SettingsService } from './settings/settings-service';
import type { TaskServiceDeps } from './tasks/record-updates';
import { RestoreJournal } from './tasks/restore-journal';
import { RestoreService } from './tasks/restore-service';

export interface CoreDeps {
  shell: AppInfo['shell'];
  version: string;
  platform: string;
  userData: string;
  settingsStore: DocumentStore;
  secrets: SecretStore;
  fetch: FetchLike;
  logger: Logger;
  /** Pushes an event to the renderer; each shell implements it over its own transport. */
  emit: <E extends EventChannel>(channel: E, payload: EventPayloadOf<E>) => void;
  startSandbox: SandboxStarter;
  /** What the shell noticed before the core existed (a settings file moved aside, no keychain…). */
  notices?: Notice[];
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Where the backup diff's worker starts from, when not beside the bundle (a packaged app unpacks it). */
  diffWorkerEntry?: URL;
}

export interface Core {
  handlers: Handlers;
  settings: SettingsService;
  profiles: ProfileService;
  restores: RestoreService;
  clones: CloneService;
  audit: AuditLog;
  /** Backup downloads; its `filesFor` is what the inspector reads local backup files through. */
  downloads: DownloadService;
  /** Resumes unfinished restores from the journal; shells call it once the window can hear events. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function createCore(deps: CoreDeps): Core {
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const { logger, emit } = deps;
  const notices: Notice[] = [...(deps.notices ?? [])];
  if (deps.secrets.kind === 'session') {
    // Said plainly in every shell: without a keychain nothing secret is kept beyond this run.
    notices.push({
      level: 'warning',
      code: 'KEYCHAIN_ERROR',
      kind: 'session-only',
      message:
        'No OS keychain is available: credentials are kept for this session only and forgotten when the app quits.',
    });
  }
  const notice = (n: Notice) => {
    notices.push(n);
    emit('app:notice', n);
  };

  const settings = new SettingsService({ store: deps.settingsStore, logger });
  const profiles = new ProfileService({
    store: deps.settingsStore,
    secrets: deps.secrets,
    now,
    logger,
    // The audit log is built below; profile changes only happen once the core is running.
    audit: (record) => audit.record(record),
    onInvalid: (count) =>
      notice({
        level: 'warning',
        code: 'SETTINGS_INVALID',
        kind: 'profiles-hidden',
        params: { count: String(count) },
        message: `${count} saved profile(s) could not be read and are hidden; they are kept untouched in the settings file.`,
      }),
  });
  const gateway = new CloudGateway({
    fetch: deps.fetch,
    secrets: deps.secrets,
    limiter: new RateLimiter({ now, sleep }),
    now,
    random: deps.random ?? Math.random,
    sleep,
    logger,
    onClockSkew: (_profileId, event) =>
      notice({
        level: 'warning',
        code: 'SIGNATURE_EXPIRED',
        kind: 'clock-skew',
        params: { seconds: String(Math.round(event.offsetMs / 1000)) },
        message: `This computer's clock is off by ${Math.round(event.offsetMs / 1000)} s from the cloud's; requests are now signed with the corrected time. Fix the system clock.`,
      }),
  });
  const api = gateway.apiFor.bind(gateway);
  const profile = profiles.get.bind(profiles);
  const cache = new FleetCache({
    userData: deps.userData,
    onCorrupt: (_path, movedTo) =>
      notice({
        level: 'warning',
        code: 'SETTINGS_INVALID',
        kind: 'cache-moved',
        params: { movedTo },
        message: `A damaged cache file was moved aside to ${movedTo}.`,
      }),
  });
  const fleet = new FleetService({
    cache,
    profile,
    api,
    now,
    logger,
    onPage: (page) => emit('fleet:page', page),
  });
  const backups = new BackupService({ cache, profile, api, now });
  const audit = new AuditLog({
    userData: deps.userData,
    now,
    osUser: safeUser(),
    appVersion: deps.version,
    logger,
  });
  const journal = new RestoreJournal({ userData: deps.userData, logger });
  // Clones share the restore journal and its task events: one tasks list, one resume at start-up.
  const taskDeps: TaskServiceDeps = {
    journal,
    audit,
    profile,
    api,
    preferences: () => settings.get(),
    now,
    logger,
    setTimer: deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
    clearTimer: deps.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout)),
    onUpdate: (record) => emit('task:updated', record),
    onFinished: (record) => emit('task:finished', record),
  };
  const restores = new RestoreService({ ...taskDeps, secrets: deps.secrets });
  const clones = new CloneService(taskDeps);
  const sandbox = new SandboxLauncher({ start: deps.startSandbox, profiles, logger });
  const backupCache = new BackupCache({
    userData: deps.userData,
    capBytes: () => settings.get().backupCacheGb * 1e9,
    now,
    logger,
  });
  const downloads = new DownloadService({
    cache: backupCache,
    api: (profileId) => api(profile(profileId)),
    // A GET carries no body; both shells' fetch (net.fetch, undici) accept an init without one.
    fetch: deps.fetch as unknown as DownloadFetch,
    network: () => settings.get().backupDownloadNetwork,
    emit: (progress) => emit('backup:download-progress', progress),
    now,
    sleep,
    logger,
    newId: randomUUID,
  });
  const inspector = new InspectorService({
    // Files of downloaded backups only; held in the cache while an inspection reads them.
    files: {
      filesFor: (profileId, region, instanceId, backupId) =>
        downloads.filesFor(profileId, region, instanceId, backupId),
      pin: (ref) => backupCache.pin(ref),
    },
    readRdb,
    now,
    logger,
    onProgress: (progress) => emit('inspect:progress', progress),
    ...(deps.diffWorkerEntry ? { diffWorkerEntry: deps.diffWorkerEntry } : {}),
  });

  const unsubscribe = [
    settings.onChange((prefs) => emit('settings:changed', prefs)),
    profiles.onChange((list) => emit('profiles:changed', list)),
    audit.onRecord((entry) => emit('audit:recorded', entry)),
  ];
  const info: AppInfo = {
    name: 'CRS Restore Desk',
    version: deps.version,
    shell: deps.shell,
    platform: deps.platform,
    secretStore: deps.secrets.kind,
  };
  /** Profiles with an unfinished restore and no SecretKey in the secret store. */
  const profilesAwaitingKeys = async () => {
    const open = new Set(
      restores
        .list()
        .filter((r) => !isTerminal(r.status))
        .map((r) => r.profileId),
    );
    if (open.size === 0) return [];
    const views = await profiles.list();
    return views.filter((p) => open.has(p.id) && !p.hasSecret);
  };
  const handlers = buildHandlers({
    info,
    notices,
    settings,
    profiles,
    gateway,
    fleet,
    backups,
    restores,
    clones,
    audit,
    sandbox,
    downloads,
    inspector,
  });

  return {
    handlers,
    settings,
    profiles,
    restores,
    clones,
    audit,
    downloads,
    start: async () => {
      // Restores on the sandbox profile can only be followed with the sandbox up: start it first.
      await sandbox.resumeAtLaunch(settings.get().lastProfileId).catch((error: unknown) =>
        notice({
          level: 'warning',
          code: 'SANDBOX_UNAVAILABLE',
          kind: 'sandbox-not-resumed',
          message: `The built-in sandbox could not be started again: ${error instanceof Error ? error.message : 'unknown error'}.`,
        }),
      );
      const { skipped } = await restores.resume();
      // After the restores: their resume loaded the journal both services share.
      await clones.resume();
      // Session-only secrets are gone after a restart: restores still open on a profile can only be followed
      // once its SecretKey is entered again, so the window asks for those keys before anything else.
      const waiting = await profilesAwaitingKeys();
      if (waiting.length > 0) {
        notice({
          level: 'warning',
          code: 'CREDENTIALS_MISSING',
          kind: 'keys-needed',
          params: {
            profileIds: waiting.map((p) => p.id).join(','),
            names: waiting.map((p) => p.name).join(', '),
          },
          message: `Enter the SecretKey of ${waiting.map((p) => p.name).join(', ')}: restores are waiting to be followed.`,
        });
      }
      if (skipped > 0) {
        notice({
          level: 'warning',
          code: 'INTERNAL',
          kind: 'journal-skipped',
          params: { count: String(skipped) },
          message: `${skipped} damaged line(s) in the restore journal were skipped (a crash mid-write); every other restore was kept.`,
        });
      }
    },
    dispose: async () => {
      for (const off of unsubscribe) off();
      restores.dispose();
      clones.dispose();
      await downloads.dispose();
      // Cache writes run after the answers they belong to; let them land before the process goes.
      await fleet.flush();
      await sandbox.stop();
    },
  };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
