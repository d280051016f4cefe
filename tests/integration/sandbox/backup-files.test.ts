// The sandbox's object storage behind DescribeBackupUrl, through the official SDK's redis Client and plain
// HTTP: signed links that expire, refuse tampering, serve byte ranges and HEAD; cluster backups as one
// file per shard; .tar, .gz and .tar.gz layouts; encrypted backups that decrypt with DescribeBackupDetail's
// key; the download faults; and files the real redis-server accepts.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createDecipheriv, createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { redis } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/index.js';
import type { BackupDownloadInfo } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_models.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  DEMO_BACKUPS,
  ManualClock,
  type RunningSandbox,
  startSandbox,
} from '../../../sandbox/index.js';
import { callLegacy } from './helpers.js';

const LINK_SECONDS = 120;
const clock = new ManualClock(Date.now());
let sandbox: RunningSandbox;
let scratch: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', clock, linkSeconds: LINK_SECONDS });
  scratch = mkdtempSync(join(tmpdir(), 'crs-backup-files-test-'));
});
afterAll(async () => {
  await sandbox.stop();
  rmSync(scratch, { recursive: true, force: true });
});
beforeEach(() => {
  sandbox.faults.clear();
  // Stay inside the rate limits; the SDK signs with the real time, so the clock must not run far ahead.
  clock.advance(1100);
});

function client(region: string) {
  return new redis.v20180412.Client({
    credential: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
    region,
    profile: { httpProfile: { endpoint: `127.0.0.1:${sandbox.port}`, protocol: 'http://' } },
  });
}

async function newestBackup(region: string, instanceId: string, manual?: boolean): Promise<string> {
  const res = await client(region).DescribeInstanceBackups({ InstanceId: instanceId, Limit: 100 });
  const rows = (res.BackupSet ?? []).filter((b) => manual === undefined || (b.BackupType === '0') === manual);
  const id = rows[0]?.BackupId;
  if (!id) throw new Error(`no backup of ${instanceId}`);
  return id;
}

async function links(region: string, instanceId: string, backupId: string, limitType?: string) {
  const res = await client(region).DescribeBackupUrl({
    InstanceId: instanceId,
    BackupId: backupId,
    ...(limitType ? { LimitType: limitType } : {}),
  });
  return res;
}

async function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await fetch(url, { method, headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

const first = (infos: BackupDownloadInfo[] | undefined): BackupDownloadInfo => {
  const info = infos?.[0];
  if (!info?.DownloadUrl || !info.InnerDownloadUrl) throw new Error('no link');
  return info;
};

function checkRdb(bytes: Buffer, name: string): string {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return execFileSync('redis-check-rdb', [path], { encoding: 'utf8' });
}

describe('signed links', () => {
  it('answers BackupInfos and the older parallel arrays for the same files', async () => {
    const res = await links('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual);
    const info = first(res.BackupInfos);
    expect(res.DownloadUrl).toEqual([info.DownloadUrl]);
    expect(res.InnerDownloadUrl).toEqual([info.InnerDownloadUrl]);
    expect(res.Filenames).toEqual([info.FileName]);
    expect(info.FileName).toMatch(/^6000001-demo0001m-redis-server-6\.2\.\d+-\d+-ignore-1-ignore\.rdb$/);
    const sign = new URL(info.DownloadUrl ?? '').searchParams.get('sign') ?? '';
    expect(sign).toMatch(
      /^q-sign-algorithm=sha1&q-ak=\w+&q-sign-time=(\d+);(\d+)&q-key-time=\1;\2&q-header-list=&q-url-param-list=&q-signature=[0-9a-f]{40}$/,
    );
    const [start, end] = (/q-sign-time=(\d+);(\d+)/.exec(sign) ?? []).slice(1).map(Number);
    expect((end ?? 0) - (start ?? 0)).toBe(LINK_SECONDS);
  });

  it('serves the file with its length, ETag and Last-Modified', async () => {
    const info = first((await links('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos);
    const res = await get(info.DownloadUrl ?? '');
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(info.FileSize);
    expect(Number(res.headers.get('content-length'))).toBe(info.FileSize);
    expect(res.headers.get('etag')).toBe(`"${createHash('md5').update(res.body).digest('hex')}"`);
    expect(Date.parse(res.headers.get('last-modified') ?? '')).toBeGreaterThan(0);
    expect(res.body.subarray(0, 9).toString('latin1')).toBe('REDIS0009');
    expect(checkRdb(res.body, 'orders.rdb')).toContain('RDB looks OK');
    const inner = await get(info.InnerDownloadUrl ?? '');
    expect(inner.body.equals(res.body)).toBe(true);
  });

  it('refuses an expired link with AccessDenied "Request has expired"', async () => {
    const info = first((await links('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos);
    clock.advance((LINK_SECONDS + 1) * 1000);
    try {
      const res = await get(info.DownloadUrl ?? '');
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/xml');
      expect(res.body.toString()).toMatch(
        /<Code>AccessDenied<\/Code>\s*<Message>Request has expired<\/Message>/,
      );
    } finally {
      clock.advance(-(LINK_SECONDS + 1) * 1000);
    }
  });

  it('refuses an altered signature, end time or path with SignatureDoesNotMatch', async () => {
    const info = first((await links('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos);
    const url = new URL(info.DownloadUrl ?? '');
    const sign = url.searchParams.get('sign') ?? '';
    const alter = (next: string) => {
      const copy = new URL(url);
      copy.searchParams.set('sign', next);
      return copy.toString();
    };
    const flipped = sign.replace(
      /q-signature=(.)/,
      (_m, c: string) => `q-signature=${c === 'a' ? 'b' : 'a'}`,
    );
    const longer = sign.replace(/;(\d+)&/g, (_m, end: string) => `;${Number(end) + 3600}&`);
    const other = first(
      (await links('ap-guangzhou', 'crs-demo0001', await newestBackup('ap-guangzhou', 'crs-demo0001', false)))
        .BackupInfos,
    );
    const swapped = new URL(other.DownloadUrl ?? '');
    swapped.searchParams.set('sign', sign);
    for (const target of [
      alter(flipped),
      alter(longer),
      swapped.toString(),
      url.toString().split('?')[0] ?? '',
    ]) {
      const res = await get(target);
      expect(res.status, target).toBe(403);
      expect(res.body.toString()).toContain('<Code>SignatureDoesNotMatch</Code>');
    }
  });

  it('answers 404 NoSuchKey for a path it does not hold', async () => {
    const res = await get(`${sandbox.fileUrl}/1250000000/redis/1/data/2026-01-01/-nothing.rdb?sign=x`);
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain('<Code>NoSuchKey</Code>');
  });
});

describe('ranges and HEAD', () => {
  let url = '';
  let whole = Buffer.alloc(0);
  beforeAll(async () => {
    clock.advance(1100);
    url =
      first((await links('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos)
        .DownloadUrl ?? '';
    whole = (await get(url)).body;
  });

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=100-', 100, -1],
    ['bytes=-16', -16, -1],
  ])('%s → 206 with Content-Range', async (range, from, to) => {
    const size = whole.length;
    const start = from < 0 ? size + from : from;
    const end = to < 0 ? size - 1 : to;
    const res = await get(url, { Range: range });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${size}`);
    expect(res.body.equals(whole.subarray(start, end + 1))).toBe(true);
  });

  it('answers 416 with bytes */size for a range past the end', async () => {
    const res = await get(url, { Range: `bytes=${whole.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${whole.length}`);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get(url, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(whole.length);
    expect(res.body.length).toBe(0);
  });
});

describe('layouts', () => {
  it('serves a cluster backup as one .rdb per shard, the keys split by hash slot', async () => {
    const backupId = await newestBackup('ap-shanghai', 'crs-demo0003');
    const res = await links('ap-shanghai', 'crs-demo0003', backupId);
    const infos = res.BackupInfos ?? [];
    expect(infos.map((i) => /-ignore-(\d)-ignore\.rdb$/.exec(i.FileName ?? '')?.[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
    let keys = 0;
    for (const [index, info] of infos.entries()) {
      const body = (await get(info.DownloadUrl ?? '')).body;
      const report = checkRdb(body, `shard-${index}.rdb`);
      expect(report).toContain('RDB looks OK');
      keys += Number(/(\d+) keys read/.exec(report)?.[1]);
    }
    expect(keys).toBeGreaterThan(1000);
  });

  it('serves .tar, .rdb.gz and .tar.gz for the documented demo backups', async () => {
    const tar = first(
      (await links('ap-shanghai', 'crs-demo0008', await newestBackup('ap-shanghai', 'crs-demo0008')))
        .BackupInfos,
    );
    expect(tar.FileName).toMatch(/\.tar$/);
    const tarBody = (await get(tar.DownloadUrl ?? '')).body;
    expect(tarBody.subarray(257, 262).toString('latin1')).toBe('ustar');
    expect(tarBody.subarray(0, 100).toString('utf8')).toMatch(/-ignore-1-ignore\.rdb\0/);
    const size = Number.parseInt(tarBody.subarray(124, 135).toString('latin1'), 8);
    expect(checkRdb(tarBody.subarray(512, 512 + size), 'tar.rdb')).toContain('RDB looks OK');

    const gz =
      (await links('ap-beijing', 'crs-demo0011', await newestBackup('ap-beijing', 'crs-demo0011', false)))
        .BackupInfos ?? [];
    expect(gz.length).toBe(3);
    for (const info of gz) {
      expect(info.FileName).toMatch(/\.rdb\.gz$/);
      const rdb = gunzipSync((await get(info.DownloadUrl ?? '')).body);
      expect(rdb.subarray(0, 9).toString('latin1')).toBe('REDIS0009');
    }

    const archive = first((await links('ap-beijing', 'crs-demo0014', DEMO_BACKUPS.ledgerOldest)).BackupInfos);
    expect(archive.FileName).toMatch(/\.tar\.gz$/);
    const inner = gunzipSync((await get(archive.DownloadUrl ?? '')).body);
    expect(inner.subarray(257, 262).toString('latin1')).toBe('ustar');
    expect(inner.subarray(512, 521).toString('latin1')).toBe('REDIS0009');
  });
});

describe('encrypted backups', () => {
  it('reports Encrypted with an AES-256-CBC key that decrypts IV ‖ ciphertext to the RDB', async () => {
    const backupId = await newestBackup('ap-guangzhou', 'crs-demo0002');
    const detail = await client('ap-guangzhou').DescribeBackupDetail({
      InstanceId: 'crs-demo0002',
      BackupId: backupId,
    });
    expect(detail).toMatchObject({ Encrypted: true, KeyAlgorithm: 'AES-256-CBC' });
    const key = Buffer.from(detail.DecryptKey ?? '', 'base64');
    expect(key.length).toBe(32);
    const info = first((await links('ap-guangzhou', 'crs-demo0002', backupId)).BackupInfos);
    const body = (await get(info.DownloadUrl ?? '')).body;
    expect(body.subarray(0, 5).toString('latin1')).not.toBe('REDIS');
    const decipher = createDecipheriv('aes-256-cbc', key, body.subarray(0, 16));
    const rdb = Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]);
    expect(rdb.subarray(0, 9).toString('latin1')).toBe('REDIS0010');
    expect(checkRdb(rdb, 'sessions.rdb')).toContain('RDB looks OK');
    const wrong = createDecipheriv('aes-256-cbc', Buffer.alloc(32, 7), body.subarray(0, 16));
    const garbage = (() => {
      try {
        return Buffer.concat([wrong.update(body.subarray(16)), wrong.final()]);
      } catch {
        return null;
      }
    })();
    expect(garbage?.subarray(0, 5).toString('latin1')).not.toBe('REDIS');
  });

  it('reports a plain backup as not encrypted, with no key', async () => {
    const detail = await client('ap-guangzhou').DescribeBackupDetail({
      InstanceId: 'crs-demo0001',
      BackupId: DEMO_BACKUPS.ordersManual,
    });
    expect(detail.Encrypted).toBe(false);
    expect(detail.DecryptKey).toBeUndefined();
    expect(detail.BackupType).toBe('1');
  });
});

describe('restrictions and download faults', () => {
  it('refuses the public link of a VPC-only download and serves the private-network one', async () => {
    const info = first(
      (await links('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual, 'LimitOnlyIntranet'))
        .BackupInfos,
    );
    const outside = await get(info.DownloadUrl ?? '');
    expect(outside.status).toBe(403);
    expect(outside.body.toString()).toMatch(
      /<Code>AccessDenied<\/Code>\s*<Message>Access Denied\.<\/Message>/,
    );
    expect((await get(info.InnerDownloadUrl ?? '')).status).toBe(200);
  });

  it('restrictDownload answers 403 once, then the link works', async () => {
    const info = first((await links('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos);
    sandbox.faults.add({ kind: 'restrictDownload' });
    expect((await get(info.DownloadUrl ?? '')).status).toBe(403);
    expect((await get(info.DownloadUrl ?? '')).status).toBe(200);
  });

  it('cutDownload drops the connection mid-body once; a Range request resumes to the whole file', async () => {
    const info = first((await links('ap-guangzhou', 'crs-demo0001', DEMO_BACKUPS.ordersManual)).BackupInfos);
    const url = info.DownloadUrl ?? '';
    const whole = (await get(url)).body;
    sandbox.faults.add({ kind: 'cutDownload', bytes: 4096 });
    const received: Buffer[] = [];
    let failed = false;
    try {
      const res = await fetch(url);
      const reader = res.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        received.push(Buffer.from(chunk.value));
      }
    } catch {
      failed = true;
    }
    const got = Buffer.concat(received);
    expect(failed).toBe(true);
    expect(got.length).toBeLessThanOrEqual(4096);
    const rest = await get(url, { Range: `bytes=${got.length}-` });
    expect(rest.status).toBe(206);
    expect(Buffer.concat([got, rest.body]).equals(whole)).toBe(true);
  });
});

describe('legacy GetBackupDownloadUrl', () => {
  const legacy = (params: Record<string, string>, region = 'ap-guangzhou') =>
    callLegacy(sandbox.url, 'GetBackupDownloadUrl', params, { region });

  it('answers data.extranet and data.intranet for a standard instance', async () => {
    const reply = await legacy({ redisId: 'crs-demo0001', backupId: DEMO_BACKUPS.ordersManual });
    expect(reply.code).toBe(0);
    const data = reply.data as { extranet: string; intranet: string };
    const body = (await get(data.extranet)).body;
    expect(body.subarray(0, 9).toString('latin1')).toBe('REDIS0009');
    expect((await get(data.intranet)).body.equals(body)).toBe(true);
  });

  it('refuses a cluster backup until it is exported, then serves it as one merged file', async () => {
    const backupId = await newestBackup('ap-shanghai', 'crs-demo0003');
    const params = { redisId: 'crs-demo0003', backupId };
    expect((await legacy(params, 'ap-shanghai')).code).toBe('10711');
    const record = sandbox.state.findBackup(backupId, 'crs-demo0003');
    if (!record) throw new Error('no backup');
    record.exported = true;
    try {
      const reply = await legacy(params, 'ap-shanghai');
      const url = (reply.data as { extranet: string }).extranet;
      expect(url).toMatch(/-ignore-all-ignore\.rdb\?sign=/);
      const merged = checkRdb((await get(url)).body, 'merged.rdb');
      const shards = (await links('ap-shanghai', 'crs-demo0003', backupId)).BackupInfos ?? [];
      let perShard = 0;
      for (const [i, info] of shards.entries()) {
        perShard += Number(
          /(\d+) keys read/.exec(checkRdb((await get(info.DownloadUrl ?? '')).body, `s${i}.rdb`))?.[1],
        );
      }
      expect(Number(/(\d+) keys read/.exec(merged)?.[1])).toBe(perShard);
    } finally {
      record.exported = false;
    }
  });

  it('answers 10701, 11213 and 11201 for a missing instance, backup or parameter', async () => {
    expect((await legacy({ redisId: 'crs-zzzz9999', backupId: 'x' })).code).toBe('10701');
    expect((await legacy({ redisId: 'crs-demo0001', backupId: 'nope' })).code).toBe('11213');
    expect((await legacy({ redisId: 'crs-demo0001' })).code).toBe('11201');
  });
});

describe('the real redis-server', () => {
  let server: ChildProcess | null = null;
  afterAll(() => {
    server?.kill('SIGKILL');
  });

  it('loads a generated backup: keys, types, TTLs and lengths as the demo data says', async () => {
    const backupId = await newestBackup('ap-guangzhou', 'crs-demo0001', false);
    const info = first((await links('ap-guangzhou', 'crs-demo0001', backupId)).BackupInfos);
    const dir = mkdtempSync(join(scratch, 'redis-'));
    writeFileSync(join(dir, 'dump.rdb'), (await get(info.DownloadUrl ?? '')).body);
    const socket = join(dir, 'redis.sock');
    server = spawn(
      'redis-server',
      ['--port', '0', '--unixsocket', socket, '--dir', dir, '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const cli = (...args: string[]) =>
      execFileSync('redis-cli', ['-s', socket, ...args], { encoding: 'utf8' }).trim();
    for (let i = 0; i < 50; i++) {
      try {
        if (cli('PING') === 'PONG' && cli('INFO', 'persistence').includes('loading:0')) break;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(Number(cli('DBSIZE'))).toBeGreaterThan(2000);
    expect(cli('TYPE', 'orders:pending')).toBe('list');
    expect(Number(cli('LLEN', 'orders:pending'))).toBeGreaterThanOrEqual(200);
    expect(cli('TYPE', 'order:100001')).toBe('hash');
    expect(cli('HGET', 'order:100001', 'user')).toBe('user:1');
    // Cart TTLs are 48 h from the backup time, which is at most a few days back.
    const ttl = Number(cli('TTL', 'cart:1'));
    expect(ttl === -2 || ttl > 0).toBe(true);
    expect(cli('EXISTS', 'user:1')).toBe('1');
  });
});
