// The files behind the sandbox's backups: cluster backups as one file per shard; .tar, .gz and .tar.gz
// layouts; encrypted backups that decrypt with DescribeBackupDetail's key; the legacy download action; and
// files the real redis-server loads.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createDecipheriv } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_BACKUPS } from '../../../sandbox/index.js';
import {
  checkRdb,
  client,
  first,
  get,
  links,
  newestBackup,
  setUpFileSandbox,
} from './backup-file-support.js';
import { callLegacy } from './helpers.js';

const env = setUpFileSandbox();

describe('layouts', () => {
  it('serves a cluster backup as one .rdb per shard, the keys split by hash slot', async () => {
    const backupId = await newestBackup(env, 'ap-shanghai', 'crs-demo0003');
    const res = await links(env, 'ap-shanghai', 'crs-demo0003', backupId);
    const infos = res.BackupInfos ?? [];
    expect(infos.map((i) => /-ignore-(\d)-ignore\.rdb$/.exec(i.FileName ?? '')?.[1])).toEqual([
      '1',
      '2',
      '3',
    ]);
    let keys = 0;
    for (const [index, info] of infos.entries()) {
      const body = (await get(info.DownloadUrl ?? '')).body;
      const report = checkRdb(env, body, `shard-${index}.rdb`);
      expect(report).toContain('RDB looks OK');
      keys += Number(/(\d+) keys read/.exec(report)?.[1]);
    }
    expect(keys).toBeGreaterThan(1000);
  });

  it('serves .tar, .rdb.gz and .tar.gz for the documented demo backups', async () => {
    const tar = first(
      (
        await links(
          env,
          'ap-shanghai',
          'crs-demo0008',
          await newestBackup(env, 'ap-shanghai', 'crs-demo0008'),
        )
      ).BackupInfos,
    );
    expect(tar.FileName).toMatch(/\.tar$/);
    const tarBody = (await get(tar.DownloadUrl ?? '')).body;
    expect(tarBody.subarray(257, 262).toString('latin1')).toBe('ustar');
    expect(tarBody.subarray(0, 100).toString('utf8')).toMatch(/-ignore-1-ignore\.rdb\0/);
    const size = Number.parseInt(tarBody.subarray(124, 135).toString('latin1'), 8);
    expect(checkRdb(env, tarBody.subarray(512, 512 + size), 'tar.rdb')).toContain('RDB looks OK');

    const gz =
      (
        await links(
          env,
          'ap-beijing',
          'crs-demo0011',
          await newestBackup(env, 'ap-beijing', 'crs-demo0011', false),
        )
      ).BackupInfos ?? [];
    expect(gz.length).toBe(3);
    for (const info of gz) {
      expect(info.FileName).toMatch(/\.rdb\.gz$/);
      const rdb = gunzipSync((await get(info.DownloadUrl ?? '')).body);
      expect(rdb.subarray(0, 9).toString('latin1')).toBe('REDIS0009');
    }

    const archive = first(
      (await links(env, 'ap-beijing', 'crs-demo0014', DEMO_BACKUPS.ledgerOldest)).BackupInfos,
    );
    expect(archive.FileName).toMatch(/\.tar\.gz$/);
    const inner = gunzipSync((await get(archive.DownloadUrl ?? '')).body);
    expect(inner.subarray(257, 262).toString('latin1')).toBe('ustar');
    expect(inner.subarray(512, 521).toString('latin1')).toBe('REDIS0009');
  });
});

describe('encrypted backups', () => {
  it('reports Encrypted with an AES-256-CBC key that decrypts IV ‖ ciphertext to the RDB', async () => {
    const backupId = await newestBackup(env, 'ap-guangzhou', 'crs-demo0002');
    const detail = await client(env, 'ap-guangzhou').DescribeBackupDetail({
      InstanceId: 'crs-demo0002',
      BackupId: backupId,
    });
    expect(detail).toMatchObject({ Encrypted: true, KeyAlgorithm: 'AES-256-CBC' });
    const key = Buffer.from(detail.DecryptKey ?? '', 'base64');
    expect(key.length).toBe(32);
    const info = first((await links(env, 'ap-guangzhou', 'crs-demo0002', backupId)).BackupInfos);
    const body = (await get(info.DownloadUrl ?? '')).body;
    expect(body.subarray(0, 5).toString('latin1')).not.toBe('REDIS');
    const decipher = createDecipheriv('aes-256-cbc', key, body.subarray(0, 16));
    const rdb = Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]);
    expect(rdb.subarray(0, 9).toString('latin1')).toBe('REDIS0010');
    expect(checkRdb(env, rdb, 'sessions.rdb')).toContain('RDB looks OK');
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

  it('lists the same Encrypted flag in DescribeInstanceBackups', async () => {
    const sessions = await client(env, 'ap-guangzhou').DescribeInstanceBackups({
      InstanceId: 'crs-demo0002',
    });
    const orders = await client(env, 'ap-guangzhou').DescribeInstanceBackups({ InstanceId: 'crs-demo0001' });
    expect(sessions.BackupSet?.length).toBeGreaterThan(0);
    expect(sessions.BackupSet?.every((b) => b.Encrypted === true)).toBe(true);
    expect(orders.BackupSet?.every((b) => b.Encrypted === false)).toBe(true);
  });

  it('reports a plain backup as not encrypted, with no key', async () => {
    const detail = await client(env, 'ap-guangzhou').DescribeBackupDetail({
      InstanceId: 'crs-demo0001',
      BackupId: DEMO_BACKUPS.ordersManual,
    });
    expect(detail.Encrypted).toBe(false);
    expect(detail.DecryptKey).toBeUndefined();
    expect(detail.BackupType).toBe('1');
  });
});

describe('legacy GetBackupDownloadUrl', () => {
  const legacy = (params: Record<string, string>, region = 'ap-guangzhou') =>
    callLegacy(env.sandbox.url, 'GetBackupDownloadUrl', params, { region });

  it('answers data.extranet and data.intranet for a standard instance', async () => {
    const reply = await legacy({ redisId: 'crs-demo0001', backupId: DEMO_BACKUPS.ordersManual });
    expect(reply.code).toBe(0);
    const data = reply.data as { extranet: string; intranet: string };
    const body = (await get(data.extranet)).body;
    expect(body.subarray(0, 9).toString('latin1')).toBe('REDIS0009');
    expect((await get(data.intranet)).body.equals(body)).toBe(true);
  });

  it('refuses a cluster backup until it is exported, then serves it as one merged file', async () => {
    const backupId = await newestBackup(env, 'ap-shanghai', 'crs-demo0003');
    const params = { redisId: 'crs-demo0003', backupId };
    expect((await legacy(params, 'ap-shanghai')).code).toBe('10711');
    const record = env.sandbox.state.findBackup(backupId, 'crs-demo0003');
    if (!record) throw new Error('no backup');
    record.exported = true;
    try {
      const reply = await legacy(params, 'ap-shanghai');
      const url = (reply.data as { extranet: string }).extranet;
      expect(url).toMatch(/-ignore-all-ignore\.rdb\?sign=/);
      const merged = checkRdb(env, (await get(url)).body, 'merged.rdb');
      const shards = (await links(env, 'ap-shanghai', 'crs-demo0003', backupId)).BackupInfos ?? [];
      let perShard = 0;
      for (const [i, info] of shards.entries()) {
        perShard += Number(
          /(\d+) keys read/.exec(checkRdb(env, (await get(info.DownloadUrl ?? '')).body, `s${i}.rdb`))?.[1],
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
    const backupId = await newestBackup(env, 'ap-guangzhou', 'crs-demo0001', false);
    const info = first((await links(env, 'ap-guangzhou', 'crs-demo0001', backupId)).BackupInfos);
    const dir = mkdtempSync(join(env.scratch, 'redis-'));
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
