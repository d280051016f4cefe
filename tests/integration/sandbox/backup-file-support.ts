// Shared setup of the backup-file tests (backup-links.test.ts, backup-layouts.test.ts): a demo sandbox with
// short-lived links on a manual clock, the official SDK's redis Client, and small helpers to fetch and check
// the files it serves.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redis } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/index.js';
import type { BackupDownloadInfo } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_models.js';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  ManualClock,
  type RunningSandbox,
  startSandbox,
} from '../../../sandbox/index.js';

export const LINK_SECONDS = 120;

export interface FileSandbox {
  sandbox: RunningSandbox;
  clock: ManualClock;
  /** A private folder for files the tests write (removed after the file's tests). */
  scratch: string;
}

/** Starts the sandbox for the calling test file and stops it after; the fields are set once it runs. */
export function setUpFileSandbox(): FileSandbox {
  const env = { clock: new ManualClock(Date.now()) } as FileSandbox;
  beforeAll(async () => {
    env.sandbox = await startSandbox({ seed: 'demo', clock: env.clock, linkSeconds: LINK_SECONDS });
    env.scratch = mkdtempSync(join(tmpdir(), 'crs-backup-files-test-'));
  });
  afterAll(async () => {
    await env.sandbox?.stop();
    if (env.scratch) rmSync(env.scratch, { recursive: true, force: true });
  });
  beforeEach(() => {
    env.sandbox.faults.clear();
    // Stay inside the rate limits; the SDK signs with the real time, so the clock must not run far ahead.
    env.clock.advance(1100);
  });
  return env;
}

export function client(env: FileSandbox, region: string) {
  return new redis.v20180412.Client({
    credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    region,
    profile: { httpProfile: { endpoint: `127.0.0.1:${env.sandbox.port}`, protocol: 'http://' } },
  });
}

/** The newest listed backup of an instance; `manual` picks BackupType "0" (true) or not (false). */
export async function newestBackup(
  env: FileSandbox,
  region: string,
  instanceId: string,
  manual?: boolean,
): Promise<string> {
  const res = await client(env, region).DescribeInstanceBackups({ InstanceId: instanceId, Limit: 100 });
  const rows = (res.BackupSet ?? []).filter((b) => manual === undefined || (b.BackupType === '0') === manual);
  const id = rows[0]?.BackupId;
  if (!id) throw new Error(`no backup of ${instanceId}`);
  return id;
}

export function links(
  env: FileSandbox,
  region: string,
  instanceId: string,
  backupId: string,
  limitType?: string,
) {
  return client(env, region).DescribeBackupUrl({
    InstanceId: instanceId,
    BackupId: backupId,
    ...(limitType ? { LimitType: limitType } : {}),
  });
}

export async function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await fetch(url, { method, headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

export const first = (infos: BackupDownloadInfo[] | undefined): BackupDownloadInfo => {
  const info = infos?.[0];
  if (!info?.DownloadUrl || !info.InnerDownloadUrl) throw new Error('no link');
  return info;
};

/** redis-check-rdb's report on the bytes (written to the scratch folder under `name`). */
export function checkRdb(env: FileSandbox, bytes: Buffer, name: string): string {
  const path = join(env.scratch, name);
  writeFileSync(path, bytes);
  return execFileSync('redis-check-rdb', [path], { encoding: 'utf8' });
}
