/** A DownloadService over a temp userData, a fake object storage and a fake CRS client, with a manual clock. */

import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  BackupDetail,
  BackupDownloadFile,
  BackupDownloadRestriction,
  CrsApi,
} from '../../../../electron/core/cloud/crs-api';
import { BackupCache } from '../../../../electron/core/downloads/backup-cache';
import { DownloadService } from '../../../../electron/core/downloads/download-service';
import { createMemoryLogger } from '../../../../electron/core/logging/logger';
import type { BackupRef, DownloadProgress } from '../../../../shared/downloads';
import { AppError } from '../../../../shared/errors';
import { CLONE_METHODS, notScripted } from '../../../fakes/fake-backup-api';
import { FakeStorage } from './fake-storage';

export interface FakeFile {
  name: string;
  path: string;
  /** Announced as FileSize; omitted when undefined. */
  size?: number;
}

export interface FakeBackup {
  files: FakeFile[];
  detail?: BackupDetail;
  /** Link lifetime; undefined gives token links without a sign time. */
  lifetimeMs?: number;
}

export type FakeApi = CrsApi & { urlCalls: number; detailCalls: number; restrictionCalls: number };

export async function downloadHarness(
  options: { capBytes?: number; retries?: number; idleTimeoutMs?: number } = {},
) {
  const userData = await mkdtemp(join(tmpdir(), 'crs-dl-'));
  const clock = { t: Date.UTC(2026, 0, 15, 12) };
  const now = () => clock.t;
  const storage = new FakeStorage(now);
  const logger = createMemoryLogger();
  const events: DownloadProgress[] = [];
  const backups = new Map<string, FakeBackup>();
  const state = {
    cap: options.capBytes ?? 1e9,
    network: 'public' as 'public' | 'inner',
    restriction: undefined as BackupDownloadRestriction | undefined,
  };
  const api: FakeApi = {
    generation: 'v3',
    clockOffsetMs: 0,
    urlCalls: 0,
    detailCalls: 0,
    restrictionCalls: 0,
    describeInstances: async () => ({ total: 0, instances: [] }),
    describeBackups: async () => {
      throw new Error('not in this fake');
    },
    restoreInstance: async () => {
      throw new Error('not in this fake');
    },
    describeTask: async () => {
      throw new Error('not in this fake');
    },
    manualBackup: async () => {
      throw new Error('not in this fake');
    },
    listRestoreTasks: async () => [],
    async describeBackupUrl(params): Promise<BackupDownloadFile[]> {
      api.urlCalls++;
      const backup = backups.get(params.backupId);
      if (!backup) throw new AppError('BACKUP_NOT_FOUND');
      const end = backup.lifetimeMs === undefined ? undefined : clock.t + backup.lifetimeMs;
      return backup.files.map((f) => ({
        fileName: f.name,
        ...(f.size !== undefined ? { sizeBytes: f.size } : {}),
        url: storage.link(f.path, end),
        innerUrl: storage.link(`inner/${f.path}`, end),
      }));
    },
    async describeBackupDetail(params) {
      api.detailCalls++;
      return backups.get(params.backupId)?.detail ?? { encrypted: false };
    },
    async describeBackupDownloadRestriction() {
      api.restrictionCalls++;
      return state.restriction;
    },
    ...notScripted(CLONE_METHODS),
  };
  let serial = 0;
  const cache = new BackupCache({ userData, capBytes: () => state.cap, now, logger });
  const service = new DownloadService({
    cache,
    api: (profileId) => {
      if (profileId !== 'p1') throw new AppError('PROFILE_NOT_FOUND');
      return api;
    },
    fetch: storage.fetch,
    network: () => state.network,
    emit: (event) => events.push(event),
    now,
    sleep: async (ms) => {
      clock.t += ms;
    },
    logger,
    newId: () => `t${++serial}`,
    retries: options.retries ?? 3,
    idleTimeoutMs: options.idleTimeoutMs ?? 2000,
  });
  const ref = (backupId: string): BackupRef => ({
    profileId: 'p1',
    region: 'ap-guangzhou',
    instanceId: 'crs-abcd1234',
    backupId,
  });
  /** Starts a download and waits for its last event. */
  const download = async (backupId: string): Promise<DownloadProgress> => {
    const started = await service.start(ref(backupId));
    const done = service.whenDone(started.downloadId);
    if (!done) throw new Error(`no running download (cached: ${started.cached})`);
    return done;
  };
  /** Puts objects in the storage and describes them as one backup. */
  const addBackup = (backupId: string, contents: Buffer[], extra: Partial<FakeBackup> = {}) => {
    const files = contents.map((bytes, at) => {
      const path = `${backupId}/shard-${at + 1}.rdb`;
      storage.objects.set(path, bytes);
      storage.objects.set(`inner/${path}`, bytes);
      return { name: `redis-${backupId}-${at + 1}.rdb`, path, size: bytes.length };
    });
    backups.set(backupId, { files, ...extra });
    return files;
  };
  return {
    userData,
    clock,
    storage,
    logger,
    events,
    api,
    backups,
    state,
    cache,
    service,
    ref,
    download,
    addBackup,
  };
}

/** The assumed layout (backup-decrypt.ts): IV ‖ AES-256-CBC(PKCS#7). */
export function encrypt(plain: Buffer, key: Buffer, iv = randomBytes(16)): Buffer {
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plain), cipher.final()]);
}

/** Waits (in real time) until `done` holds; the download runs meanwhile. */
export async function until(done: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}
