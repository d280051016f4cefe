/**
 * The handler table: each contract channel mapped to one service call. Handlers stay a line or two;
 * the guard has already checked the sender and parsed the request.
 */
import type { AppInfo, Notice } from '../../../shared/ipc-contract';
import { ProfileInputSchema } from '../../../shared/profiles';
import type { AuditLog } from '../audit/audit-log';
import type { CloneService } from '../clones/clone-service';
import type { DownloadService } from '../downloads/download-service';
import type { InspectorService } from '../inspector/inspector-service';
import type { BackupService } from '../inventory/backup-service';
import type { FleetService } from '../inventory/fleet-service';
import { describeOneInstance } from '../inventory/instance-status';
import type { CloudGateway } from '../profiles/cloud-gateway';
import type { ProfileService } from '../profiles/profile-service';
import type { SandboxLauncher } from '../sandbox/sandbox-launcher';
import type { SettingsService } from '../settings/settings-service';
import type { RestoreService } from '../tasks/restore-service';
import { testConnection } from './connection-test';
import type { Handlers } from './guard';

export interface HandlerServices {
  info: AppInfo;
  notices: Notice[];
  settings: SettingsService;
  profiles: ProfileService;
  gateway: CloudGateway;
  fleet: FleetService;
  backups: BackupService;
  restores: RestoreService;
  clones: CloneService;
  audit: AuditLog;
  sandbox: SandboxLauncher;
  downloads: DownloadService;
  inspector: InspectorService;
}

export function buildHandlers(s: HandlerServices): Handlers {
  return {
    'app:info': () => s.info,
    'app:notices': () => s.notices,
    'settings:get': () => s.settings.get(),
    'settings:update': async (patch) => {
      const prefs = s.settings.update(patch);
      // A lowered cache cap evicts at once; answering after it lets Settings show the new usage.
      if (patch.backupCacheGb !== undefined) await s.downloads.fitCap();
      return prefs;
    },
    'profiles:list': () => s.profiles.list(),
    'profiles:create': (input) => s.profiles.create(input),
    'profiles:update': async (patch) => {
      const view = await s.profiles.update(patch);
      s.gateway.forget(patch.id);
      return view;
    },
    'profiles:delete': async ({ id }) => {
      const result = await s.profiles.delete(id);
      s.gateway.forget(id);
      return result;
    },
    'profiles:test': (request) => {
      if ('draft' in request) {
        const draft = ProfileInputSchema.parse(request.draft);
        return testConnection(s.gateway.apiForDraft(draft), draft.defaultRegion);
      }
      const profile = s.profiles.get(request.id);
      return testConnection(s.gateway.apiFor(profile), profile.defaultRegion);
    },
    'sandbox:start': () => s.sandbox.start(),
    'sandbox:status': async () => {
      const profile = s.sandbox.profile();
      return { running: s.sandbox.running, ...(profile ? { profileId: profile.id } : {}) };
    },
    'sandbox:stop': async () => {
      const stopped = s.sandbox.running;
      await s.sandbox.stop();
      return { stopped };
    },
    'fleet:cached': ({ profileId }) => s.fleet.cached(profileId),
    'fleet:refresh': ({ profileId, regions, pageRows, knownRevision }) =>
      s.fleet.refresh(profileId, regions, { pageRows: pageRows ?? true, knownRevision }),
    'fleet:instance': ({ profileId, ...target }) =>
      describeOneInstance(s.gateway.apiFor(s.profiles.get(profileId)), target, Date.now),
    'fleet:cancel': ({ profileId }) => ({ cancelled: s.fleet.cancel(profileId) }),
    'backups:list': (query) => s.backups.list(query),
    'restore:preflight': (target) => s.restores.preflight(target),
    'restore:start': (request) => s.restores.start(request),
    'restore:cancel': ({ restoreId }) => s.restores.cancel(restoreId),
    'tasks:list': () => s.restores.list(),
    'passwords:forget': async ({ profileId, instanceId }) => {
      s.profiles.get(profileId);
      return { removed: await s.restores.forgetPassword(profileId, instanceId) };
    },
    'audit:list': (query) => s.audit.list(query),
    'audit:export': ({ format, query }) => s.audit.export(format, query),
    'clone:defaults': (source) => s.clones.defaults(source),
    'clone:price': (plan) => s.clones.price(plan),
    'clone:pitr-range': (source) => s.clones.pitrRange(source),
    'clone:preflight': (request) => s.clones.preflight(request),
    'clone:start': (request) => s.clones.start(request),
    // Backup downloads (issue 19).
    'backup:download': (ref) => s.downloads.start(ref),
    'backup:download-cancel': ({ downloadId }) => s.downloads.cancel(downloadId),
    'backup:downloads': () => s.downloads.list(),
    'backup:cache-clear': () => {
      // Reports kept in memory name keys of the deleted files: they go too.
      s.inspector.forget();
      return s.downloads.clear();
    },
    // Backup inspector (issue 19).
    'inspect:report': ({ requestId, backup, separators }) =>
      s.inspector.report(requestId, backup, separators),
    'inspect:find': ({ requestId, backups, pattern, glob, limit }) =>
      s.inspector.find(requestId, backups, pattern, glob, limit),
    'inspect:diff': ({ requestId, base, other, separators }) =>
      s.inspector.diff(requestId, base, other, separators),
    'inspect:preview': ({ requestId, backup, db, key }) => s.inspector.preview(requestId, backup, db, key),
    'inspect:cancel': ({ requestId }) => ({ cancelled: s.inspector.cancel(requestId) }),
  };
}
