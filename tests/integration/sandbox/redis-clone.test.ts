// --redis: a clone is a new redis-server whose data is the backup's RDB; the source keeps its own data.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../../sandbox/index.js';
import { redisCommand } from '../../../sandbox/redis/resp-client.js';
import { fmt } from './clone-client.js';
import { callV3, errorCode } from './helpers.js';

let sandbox: RunningSandbox;

async function row(id: string): Promise<Record<string, unknown>> {
  const reply = await callV3(sandbox.url, 'DescribeInstances', { InstanceId: id });
  return (reply.json.InstanceSet as Array<Record<string, unknown>>)[0] ?? {};
}

/** Clones crs-demo0001 with the given overrides; resolves when the new instance runs. */
async function cloneOrders(overrides: Record<string, unknown>): Promise<Record<string, unknown>> {
  const source = await row('crs-demo0001');
  const reply = await callV3(sandbox.url, 'CloneInstances', {
    InstanceId: 'crs-demo0001',
    GoodsNum: 1,
    ZoneId: source.ZoneId,
    BillingMode: 0,
    Period: 1,
    SecurityGroupIdList: ['sg-gzdefault'],
    VpcId: source.UniqVpcId,
    SubnetId: source.UniqSubnetId,
    ...overrides,
  });
  expect(errorCode(reply)).toBeUndefined();
  const id = (reply.json.InstanceIds as string[])[0] ?? '';
  // The order is delivered first; the instance runs once its data is loaded.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const current = await row(id);
    if (current.Status === 2) return current;
    if (current.Status === -3 || Date.now() > deadline)
      throw new Error(`clone ${id} ended ${current.Status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', redis: true, taskSeconds: 0.2 });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe('--redis clones real data', () => {
  it('a clone from a backup answers exactly that backup’s keys, on its own server and password', async () => {
    const backups = sandbox.state
      .backupsOf('crs-demo0001')
      .filter((b) => b.rdbPath)
      .sort((a, b) => a.startMs - b.startMs);
    const oldest = backups[0];
    if (!oldest) throw new Error('no snapshot');
    const clone = await cloneOrders({
      BackupId: oldest.id,
      Password: 'Clone#2024x',
      InstanceName: 'orders-copy',
    });
    expect(clone).toMatchObject({ Status: 2, WanIp: '127.0.0.1', InstanceName: 'orders-copy' });
    const port = clone.Port as number;
    const source = await row('crs-demo0001');
    expect(port).not.toBe(source.Port);
    const cli = (...args: string[]) =>
      execFileSync('redis-cli', ['-p', String(port), '--no-auth-warning', '-a', 'Clone#2024x', ...args], {
        encoding: 'utf8',
      }).trim();
    expect(cli('GET', 'sandbox:backup')).toBe(oldest.id);
    expect(cli('GET', 'gen:1')).toBe(oldest.id);
    expect(cli('EXISTS', 'gen:2')).toBe('0');
    expect(cli('EXISTS', 'gen:live')).toBe('0');
    expect(cli('GET', 'sandbox:instance')).toBe('crs-demo0001');
    // The clone has its own password; the source keeps its data.
    await expect(redisCommand(port, 'Orders#2024', 'PING')).rejects.toBeDefined();
    expect(await redisCommand(source.Port as number, 'Orders#2024', 'GET', 'sandbox:backup')).toBe('live');
  });

  it('a point-in-time clone holds the newest backup before that time; a NoAuth clone needs no password', async () => {
    const at = Date.now() - 2 * 3600_000;
    const clone = await cloneOrders({ BackupId: '', CloneTime: fmt(at), NoAuth: true });
    const port = clone.Port as number;
    expect(clone.NoAuth).toBe(true);
    // The manual backup of three hours ago; no log is replayed after it (sandbox/README.md).
    expect(await redisCommand(port, null, 'GET', 'sandbox:backup')).toBe('1250000000-6000001-demo0001m');
    expect(await redisCommand(port, null, 'EXISTS', 'gen:live')).toBe(0);
  });

  it('a backup whose RDB vanished gives InternalError.InternalError and orders nothing', async () => {
    const victim = sandbox.state.backupsOf('crs-demo0002').find((b) => b.rdbPath);
    if (!victim?.rdbPath) throw new Error('no snapshot');
    rmSync(victim.rdbPath);
    const orders = sandbox.state.clones.ordersPlaced;
    const source = await row('crs-demo0002');
    const reply = await callV3(sandbox.url, 'CloneInstances', {
      InstanceId: 'crs-demo0002',
      GoodsNum: 1,
      ZoneId: source.ZoneId,
      BillingMode: 0,
      Period: 1,
      SecurityGroupIdList: [],
      BackupId: victim.id,
      NoAuth: true,
    });
    expect(errorCode(reply)).toBe('InternalError.InternalError');
    expect(sandbox.state.clones.ordersPlaced).toBe(orders);
  });
});
