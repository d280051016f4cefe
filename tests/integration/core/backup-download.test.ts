/**
 * Backup downloads end to end against the sandbox: the app's CRS clients (API 3.0 and legacy) ask for the
 * links, the DownloadService fetches them over real HTTP through the app's proxy-aware fetch, into a cache in
 * a temp userData. Covers a cluster backup (one file per shard), a cut connection resumed with Range, a link
 * that expires at the storage and is refreshed once, an encrypted backup decrypted with the key
 * DescribeBackupDetail gives, a wrong key, and the legacy GetBackupDownloadUrl.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCrsApi } from '../../../electron/core/cloud/create-crs-api';
import type { CrsApi } from '../../../electron/core/cloud/crs-api';
import { createProxyFetch } from '../../../electron/core/cloud/transport/proxy-fetch';
import { BackupCache } from '../../../electron/core/downloads/backup-cache';
import { DownloadService } from '../../../electron/core/downloads/download-service';
import type { DownloadFetch } from '../../../electron/core/downloads/file-fetch';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { DEMO_BACKUPS, ManualClock, type RunningSandbox, startSandbox } from '../../../sandbox/index';
import type { ApiGeneration } from '../../../shared/domain';
import type { DownloadProgress } from '../../../shared/downloads';

const LINK_SECONDS = 120;
const clock = new ManualClock(Date.now());
let sandbox: RunningSandbox;
let fetch: ReturnType<typeof createProxyFetch>;
let userData: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', clock, linkSeconds: LINK_SECONDS });
  fetch = createProxyFetch({ env: {} });
});
afterAll(async () => {
  await fetch.close();
  await sandbox.stop();
});
beforeEach(async () => {
  sandbox.faults.clear();
  // Stay inside the sandbox's rate limits without running far ahead of the real clock the clients sign with.
  clock.advance(1100);
  userData = await mkdtemp(join(tmpdir(), 'crs-download-it-'));
  return () => rm(userData, { recursive: true, force: true });
});

function clientFor(generation: ApiGeneration): CrsApi {
  return createCrsApi(generation, {
    fetch,
    credentials: async () => ({ ...sandbox.credentials }),
    now: () => Date.now(),
    random: Math.random,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    logger: createMemoryLogger(),
    endpoint: sandbox.url,
    timeoutMs: 5000,
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
  });
}

/** `real` with some methods replaced (its own methods stay bound: the clients keep private fields). */
function wrap(real: CrsApi, replaced: Partial<CrsApi>): CrsApi {
  return {
    generation: real.generation,
    clockOffsetMs: 0,
    describeInstances: real.describeInstances.bind(real),
    describeBackups: real.describeBackups.bind(real),
    restoreInstance: real.restoreInstance.bind(real),
    describeTask: real.describeTask.bind(real),
    manualBackup: real.manualBackup.bind(real),
    listRestoreTasks: real.listRestoreTasks.bind(real),
    describeBackupUrl: real.describeBackupUrl.bind(real),
    describeBackupDetail: real.describeBackupDetail.bind(real),
    describeBackupDownloadRestriction: real.describeBackupDownloadRestriction.bind(real),
    ...replaced,
  };
}

function service(api: CrsApi) {
  const logger = createMemoryLogger();
  const events: DownloadProgress[] = [];
  let serial = 0;
  const downloads = new DownloadService({
    cache: new BackupCache({ userData, capBytes: () => 5e9, now: Date.now, logger }),
    api: () => api,
    fetch: fetch as unknown as DownloadFetch,
    network: () => 'public',
    emit: (e) => events.push(e),
    now: Date.now,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))),
    logger,
    newId: () => `it${++serial}`,
  });
  const run = async (region: string, instanceId: string, backupId: string) => {
    const ref = { profileId: 'p1', region, instanceId, backupId };
    const started = await downloads.start(ref);
    const last = await downloads.whenDone(started.downloadId);
    const paths = await downloads.filesFor('p1', region, instanceId, backupId);
    return { last, paths: paths ?? [], events };
  };
  return { downloads, run, logger, events };
}

async function newest(api: CrsApi, region: string, instanceId: string): Promise<string> {
  const now = new Date(clock.now());
  const page = await api.describeBackups({
    region,
    instanceId,
    beginTime: new Date(now.getTime() - 29 * 86_400_000).toISOString(),
    endTime: now.toISOString(),
    limit: 100,
    offset: 0,
  });
  const id = page.backups.find((b) => b.status === 'normal')?.id;
  if (!id) throw new Error(`no backup of ${instanceId}`);
  return id;
}

const isRdb = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === 'REDIS';

describe('backup downloads against the sandbox', () => {
  it('fetches a standalone backup whole, matching the sizes the cloud announced', async () => {
    const api = clientFor('v3');
    const files = await api.describeBackupUrl({
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0001',
      backupId: DEMO_BACKUPS.ordersManual,
    });
    const { last, paths } = await service(api).run('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    expect(last).toMatchObject({ state: 'done', encryption: 'no', fileCount: files.length });
    expect(paths).toHaveLength(files.length);
    for (const [at, path] of paths.entries()) {
      const bytes = await readFile(path);
      expect(bytes.length).toBe(files[at]?.sizeBytes);
      expect(isRdb(bytes)).toBe(true);
    }
  });

  it('a cluster backup comes as one RDB file per shard', async () => {
    const api = clientFor('v3');
    const backupId = await newest(api, 'ap-shanghai', 'crs-demo0003');
    const { last, paths } = await service(api).run('ap-shanghai', 'crs-demo0003', backupId);
    expect(last?.state).toBe('done');
    expect(paths.length).toBeGreaterThan(1);
    for (const path of paths) expect(isRdb(await readFile(path))).toBe(true);
  });

  it('keeps packed layouts (.tar, .gz) as served, under the names the cloud gave', async () => {
    const api = clientFor('v3');
    const backupId = await newest(api, 'ap-beijing', 'crs-demo0011');
    const files = await api.describeBackupUrl({ region: 'ap-beijing', instanceId: 'crs-demo0011', backupId });
    const { last, paths } = await service(api).run('ap-beijing', 'crs-demo0011', backupId);
    expect(last?.state).toBe('done');
    expect(paths.map((p) => p.split('/').pop())).toEqual(files.map((f) => f.fileName));
    for (const path of paths) {
      const bytes = await readFile(path);
      if (path.endsWith('.gz')) expect(isRdb(gunzipSync(bytes))).toBe(true);
      else expect(isRdb(bytes) || bytes.subarray(257, 262).toString('latin1') === 'ustar').toBe(true);
    }
  });

  it('resumes a cut connection with Range and ends with the same bytes', async () => {
    const api = clientFor('v3');
    const whole = service(api);
    const first = await whole.run('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    const expected = await readFile(first.paths[0] as string);
    await whole.downloads.clear();
    sandbox.faults.add({ kind: 'cutDownload', bytes: 4096 });
    const { last, paths, events } = await service(api).run(
      'ap-guangzhou',
      'crs-demo0001',
      DEMO_BACKUPS.ordersManual,
    );
    expect(last?.state).toBe('done');
    expect(await readFile(paths[0] as string)).toEqual(expected);
    expect(events.some((e) => (e.resumedFromBytes ?? 0) > 0)).toBe(true);
  });

  it('asks for new links once when the storage says the link expired', async () => {
    const real = clientFor('v3');
    let urlCalls = 0;
    const api = wrap(real, {
      describeBackupUrl: async (params: Parameters<CrsApi['describeBackupUrl']>[0]) => {
        const files = await real.describeBackupUrl(params);
        // The first links expire at the storage before they are used.
        if (++urlCalls === 1) clock.advance((LINK_SECONDS + 1) * 1000);
        return files;
      },
    });
    const { last, paths } = await service(api).run('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    expect(last?.state).toBe('done');
    expect(urlCalls).toBe(2);
    expect(isRdb(await readFile(paths[0] as string))).toBe(true);
  });

  it('a refusal cured by a fresh link downloads; one that persists is named, after one refresh', async () => {
    const api = clientFor('v3');
    sandbox.faults.add({ kind: 'restrictDownload' });
    const s = service(api);
    const once = await s.run('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    expect(once.last?.state).toBe('done');
    await s.downloads.clear();
    sandbox.faults.add({ kind: 'restrictDownload' });
    sandbox.faults.add({ kind: 'restrictDownload' });
    const twice = await s.run('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    // The sandbox's account restriction is NoLimit (DescribeBackupDownloadRestriction), so this is a denial.
    expect(twice.last).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DOWNLOAD_DENIED' });
  });

  it('decrypts an encrypted backup with the key DescribeBackupDetail gives', async () => {
    const api = clientFor('v3');
    const backupId = await newest(api, 'ap-guangzhou', 'crs-demo0002');
    const detail = await api.describeBackupDetail({
      region: 'ap-guangzhou',
      instanceId: 'crs-demo0002',
      backupId,
    });
    expect(detail.encrypted).toBe(true);
    const s = service(api);
    const { last, paths } = await s.run('ap-guangzhou', 'crs-demo0002', backupId);
    expect(last).toMatchObject({ state: 'done', encryption: 'decrypted' });
    for (const path of paths) {
      const bytes = await readFile(path);
      expect(isRdb(bytes) || isRdb(gunzipSync(bytes))).toBe(true);
    }
    const secret = detail.decryptKey ?? 'missing';
    expect(s.logger.lines.join('\n')).not.toContain(secret);
    expect(JSON.stringify(s.events)).not.toContain(secret);
  });

  it('a wrong key fails with BACKUP_DECRYPT_FAILED and keeps nothing', async () => {
    const real = clientFor('v3');
    const backupId = await newest(real, 'ap-guangzhou', 'crs-demo0002');
    const api = wrap(real, {
      describeBackupDetail: async (params: Parameters<CrsApi['describeBackupDetail']>[0]) => ({
        ...(await real.describeBackupDetail(params)),
        decryptKey: randomBytes(32).toString('base64'),
      }),
    });
    const s = service(api);
    const { last, paths } = await s.run('ap-guangzhou', 'crs-demo0002', backupId);
    expect(last).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DECRYPT_FAILED' });
    expect(paths).toEqual([]);
    expect((await s.downloads.list()).entries).toEqual([]);
  });

  it('the legacy API gives one link; encryption is reported as unknown', async () => {
    const api = clientFor('legacy-v2');
    const { last, paths } = await service(api).run('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    expect(last).toMatchObject({ state: 'done', encryption: 'unknown', fileCount: 1 });
    expect(isRdb(await readFile(paths[0] as string))).toBe(true);
  });
});
