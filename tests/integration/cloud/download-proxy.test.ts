/**
 * Backup files follow the proxy setting like the API calls do. The sandbox's links point at 127.0.0.1, which is
 * never proxied; here the client sees them under `files.test`, a name only the local proxy resolves (to
 * 127.0.0.1), as it would see an object storage host: a download that completes went through the proxy.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api3CrsClient } from '../../../electron/core/cloud/api3/api3-client';
import type { CrsApi } from '../../../electron/core/cloud/crs-api';
import { createProxyFetch, proxyEnvFor } from '../../../electron/core/cloud/transport/proxy-fetch';
import { BackupCache } from '../../../electron/core/downloads/backup-cache';
import { DownloadService } from '../../../electron/core/downloads/download-service';
import type { DownloadFetch } from '../../../electron/core/downloads/file-fetch';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../sandbox/constants';
import { DEMO_BACKUPS, type RunningSandbox, startSandbox } from '../../../sandbox/index';
import type { ProxySetting } from '../../../shared/settings';
import { type LocalProxy, startLocalProxy } from '../../support/local-proxy';

let sandbox: RunningSandbox;
let proxy: LocalProxy;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  proxy = await startLocalProxy('files.test');
});

afterAll(async () => {
  proxy.close();
  await sandbox.stop();
});

async function download(setting: ProxySetting) {
  const userData = await mkdtemp(join(tmpdir(), 'crs-download-proxy-'));
  const fetch = createProxyFetch({ env: () => proxyEnvFor(setting, {}), connectTimeoutMs: 3000 });
  // The API itself is reached directly (loopback); only the file links carry the proxied name.
  const direct = createProxyFetch({ env: {} });
  const real = new Api3CrsClient({
    fetch: direct,
    credentials: async () => ({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }),
    now: Date.now,
    random: Math.random,
    sleep: async () => undefined,
    logger: createMemoryLogger(),
    endpoint: sandbox.url,
    timeoutMs: 5000,
  });
  const api = {
    describeBackupDetail: real.describeBackupDetail.bind(real),
    describeBackupDownloadRestriction: real.describeBackupDownloadRestriction.bind(real),
    describeBackupUrl: async (params: Parameters<CrsApi['describeBackupUrl']>[0]) =>
      (await real.describeBackupUrl(params)).map((file) => ({
        ...file,
        ...(file.url ? { url: file.url.replace('//127.0.0.1:', '//files.test:') } : {}),
      })),
  } as unknown as CrsApi;
  const logger = createMemoryLogger();
  const service = new DownloadService({
    cache: new BackupCache({ userData, capBytes: () => 1e9, now: Date.now, logger }),
    api: () => api,
    fetch: fetch as unknown as DownloadFetch,
    network: () => 'public',
    emit: () => undefined,
    now: Date.now,
    sleep: async () => undefined,
    logger,
    newId: () => 'proxy',
    retries: 0,
  });
  const ref = {
    profileId: 'p',
    region: 'ap-guangzhou',
    instanceId: 'crs-demo0001',
    backupId: DEMO_BACKUPS.ordersManual,
  };
  const started = await service.start(ref);
  const last = await service.whenDone(started.downloadId);
  const paths = (await service.filesFor(ref.profileId, ref.region, ref.instanceId, ref.backupId)) ?? [];
  const heads = await Promise.all(
    paths.map(async (p) => (await readFile(p)).subarray(0, 5).toString('latin1')),
  );
  await fetch.close();
  await direct.close();
  await rm(userData, { recursive: true, force: true });
  return { last, heads };
}

describe('backup downloads and the proxy setting', () => {
  it('manual proxy: the file comes through the proxy', async () => {
    const before = proxy.tunnels.length;
    const { last, heads } = await download({ mode: 'manual', url: proxy.url });
    expect(last?.state).toBe('done');
    expect(heads).toEqual(['REDIS']);
    expect(proxy.tunnels.slice(before)).toContain(`files.test:${sandbox.filePort}`);
  });

  it('no proxy: the download goes direct, cannot resolve the storage name, and fails clearly', async () => {
    const before = proxy.tunnels.length;
    const { last } = await download({ mode: 'none' });
    expect(last).toMatchObject({ state: 'failed', errorCode: 'BACKUP_DOWNLOAD_FAILED' });
    expect(proxy.tunnels.length).toBe(before);
  });
});
