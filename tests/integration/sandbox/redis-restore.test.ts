// --redis: real redis-servers, real RDB snapshots, real restores.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../sandbox/index.js';
import { RespClient, redisCommand } from '../../../sandbox/redis/resp-client.js';
import { callLegacy, callV3, errorCode, waitTask } from './helpers.js';

let sandbox: RunningSandbox;

async function keys(port: number, password: string | null): Promise<string[]> {
  return ((await redisCommand(port, password, 'KEYS', '*')) as string[]).sort();
}

async function instancePort(id: string): Promise<number> {
  const reply = await callV3(sandbox.url, 'DescribeInstances', { InstanceId: id });
  const row = (reply.json.InstanceSet as Array<{ WanIp: string; Port: number }>)[0];
  expect(row?.WanIp).toBe('127.0.0.1');
  return row?.Port ?? 0;
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', redis: true, taskSeconds: 0.2 });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe('--redis restores real data', () => {
  it('a restore brings back exactly the backup keys; later writes are gone', async () => {
    const password = 'Orders#2024';
    const port = await instancePort('crs-demo0001');
    await redisCommand(port, password, 'SET', 'test:before-backup', 'kept');
    const backup = await callV3(sandbox.url, 'ManualBackupInstance', {
      InstanceId: 'crs-demo0001',
      Remark: 'redis test',
    });
    expect((await waitTask(sandbox.url, backup.json.TaskId as number)).Status).toBe('succeed');
    const snapshotKeys = await keys(port, password);
    const list = await callV3(sandbox.url, 'DescribeInstanceBackups', {
      InstanceId: 'crs-demo0001',
      Limit: 1,
    });
    const backupId = (list.json.BackupSet as Array<{ BackupId: string; Remark: string }>)[0];
    expect(backupId?.Remark).toBe('redis test');

    await redisCommand(port, password, 'SET', 'test:after-backup', 'must vanish');
    await redisCommand(port, password, 'DEL', 'user:1');
    const restore = await callV3(sandbox.url, 'RestoreInstance', {
      InstanceId: 'crs-demo0001',
      BackupId: backupId?.BackupId,
      Password: password,
    });
    expect(errorCode(restore)).toBeUndefined();
    expect((await waitTask(sandbox.url, restore.json.TaskId as number)).Status).toBe('succeed');
    expect(await keys(port, password)).toEqual(snapshotKeys);
    expect(await redisCommand(port, password, 'GET', 'test:before-backup')).toBe('kept');
    expect(await redisCommand(port, password, 'EXISTS', 'test:after-backup')).toBe(0);
    expect(await redisCommand(port, password, 'GET', 'user:1')).toBe('orders-cache-user-1');
  });

  it('legacy restore of a seeded nightly backup on a password-free instance, checked with redis-cli', async () => {
    const port = await instancePort('crs-demo0002');
    const list = await callLegacy(sandbox.url, 'GetRedisBackupList', {
      redisId: 'crs-demo0002',
      limit: '10',
      offset: '0',
    });
    const set = (list.data as { redisBackupSet: Array<{ backupId: string; status: number }> }).redisBackupSet;
    const oldest = set[set.length - 1];
    if (!oldest) throw new Error('no backups');
    expect(await redisCommand(port, null, 'GET', 'sandbox:backup')).toBe('live');
    const reply = await callLegacy(sandbox.url, 'RestoreInstance', {
      redisId: 'crs-demo0002',
      backupId: oldest.backupId,
      password: '',
    });
    expect(reply.code).toBe(0);
    const taskId = (reply.data as { requestId: number }).requestId;
    expect((await waitTask(sandbox.url, taskId)).Status).toBe('succeed');
    const cli = (...args: string[]) =>
      execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).trim();
    expect(cli('GET', 'sandbox:backup')).toBe(oldest.backupId);
    expect(cli('EXISTS', 'gen:live')).toBe('0');
    expect(cli('EXISTS', 'gen:2')).toBe('0');
    expect(cli('GET', 'gen:1')).toBe(oldest.backupId);
  });

  it('a backup whose RDB vanished from storage gives InternalError.InternalError / legacy 6000', async () => {
    const backups = sandbox.state.backupsOf('crs-demo0007').filter((b) => b.rdbPath);
    const victim = backups[0];
    if (!victim?.rdbPath) throw new Error('no snapshot');
    rmSync(victim.rdbPath);
    const v3 = await callV3(sandbox.url, 'RestoreInstance', {
      InstanceId: 'crs-demo0007',
      BackupId: victim.id,
      Password: 'OldCache#7',
    });
    expect(errorCode(v3)).toBe('InternalError.InternalError');
    const legacy = await callLegacy(sandbox.url, 'RestoreInstance', {
      redisId: 'crs-demo0007',
      backupId: victim.id,
      password: 'OldCache#7',
    });
    expect(legacy.code).toBe('6000');
  });

  it('DescribeBackupUrl serves the real snapshot; a vanished one is InternalError.InternalError', async () => {
    const backup = sandbox.state.backupsOf('crs-demo0001').find((b) => b.rdbPath && b.origin === 'automatic');
    if (!backup?.rdbPath) throw new Error('no snapshot');
    const reply = await callV3(sandbox.url, 'DescribeBackupUrl', {
      InstanceId: 'crs-demo0001',
      BackupId: backup.id,
    });
    const infos = reply.json.BackupInfos as Array<{ DownloadUrl: string; FileSize: number }>;
    expect(infos.length).toBe(1);
    const body = Buffer.from(await (await fetch(infos[0]?.DownloadUrl ?? '')).arrayBuffer());
    expect(body.equals(readFileSync(backup.rdbPath))).toBe(true);
    expect(infos[0]?.FileSize).toBe(body.length);

    // A cluster instance's snapshot comes cut per shard, by hash slot.
    const cluster = sandbox.state
      .backupsOf('crs-demo0003')
      .find((b) => b.rdbPath && b.origin === 'automatic');
    const shards = await callV3(
      sandbox.url,
      'DescribeBackupUrl',
      { InstanceId: 'crs-demo0003', BackupId: cluster?.id },
      { region: 'ap-shanghai' },
    );
    const names = (shards.json.BackupInfos as Array<{ FileName: string }>).map((i) => i.FileName);
    expect(names.map((n) => /-ignore-(\d)-ignore\.rdb$/.exec(n)?.[1])).toEqual(['1', '2', '3']);

    const gone = sandbox.state
      .backupsOf('crs-demo0007')
      .find((b) => b.rdbPath && b.rdbPath !== backup.rdbPath);
    if (!gone?.rdbPath) throw new Error('no snapshot');
    rmSync(gone.rdbPath, { force: true });
    const refused = await callV3(sandbox.url, 'DescribeBackupUrl', {
      InstanceId: 'crs-demo0007',
      BackupId: gone.id,
    });
    expect(errorCode(refused)).toBe('InternalError.InternalError');
    // Refused as a missing file, not as a crash that would leak the sandbox's storage path.
    const message = String((refused.json.Error as { Message?: string } | undefined)?.Message);
    expect(message).toContain('has no file in storage');
    expect(message).not.toContain(gone.rdbPath);
  });

  it('stop() leaves no redis-server behind', async () => {
    const ports = [...sandbox.state.instances.keys()]
      .map((id) => sandbox.redis?.portOf(id))
      .filter((p) => p !== undefined);
    expect(ports.length).toBeGreaterThanOrEqual(7);
    await sandbox.stop();
    for (const port of ports) {
      await expect(RespClient.connect(port, '127.0.0.1', 500)).rejects.toThrow();
    }
  });
});
