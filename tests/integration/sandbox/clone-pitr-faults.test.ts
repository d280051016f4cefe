// Restore into a new instance, continued (see clone-sdk.test.ts): second-level ranges with gaps and clones
// to a point in time; a lost or garbled CloneInstances answer never a second order; the account admin
// route; finance regions that sell VPC instances only.
import { redis } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/index.js';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../../sandbox/index.js';
import {
  asClone,
  codeOf,
  fmt,
  G,
  HOUR_MS,
  KEYS,
  sdkClient,
  validClone as validCloneOf,
} from './clone-client.js';
import { frozenDemoSandbox } from './frozen-sandbox.js';

const env = frozenDemoSandbox({ taskSeconds: 20 });
const { clock } = env;

const client = (region: string, key: 'default' = 'default', reqTimeout?: number) =>
  sdkClient(env.sandbox, region, key, reqTimeout);
const validClone = (region: string, id: string) => validCloneOf(env.sandbox, region, id);

describe('second-level backups', () => {
  it('shows BackupMode and the range with its gaps', async () => {
    const rows =
      (await client(G).DescribeInstances({ InstanceIds: ['crs-demo0001', 'crs-demo0002'] })).InstanceSet ??
      [];
    const mode = Object.fromEntries(rows.map((r) => [r.InstanceId, r.BackupMode]));
    expect(mode).toEqual({ 'crs-demo0001': 'SecondLevelBackup', 'crs-demo0002': 'NormalLevelBackup' });
    const info = await client(G).DescribeSecondLevelBackupInfo({ InstanceId: 'crs-demo0001' });
    const now = Math.floor(clock.now() / 1000);
    expect(info.BackupTimestamp).toBe(now);
    // Switched on an hour after the nightly backup of three days ago.
    expect(now - (info.StartTimestamp ?? 0)).toBeLessThan(4 * 24 * 3600);
    expect(info.MissingTimestamps).toHaveLength(2);
    for (const gap of info.MissingTimestamps ?? []) {
      expect(gap.EndTimeStamp ?? 0).toBeGreaterThan(gap.StartTimeStamp ?? 0);
      expect(gap.StartTimeStamp ?? 0).toBeGreaterThanOrEqual(info.StartTimestamp ?? 0);
    }
    expect(await codeOf(client(G).DescribeSecondLevelBackupInfo({ InstanceId: 'crs-demo0002' }))).toBe(
      'FailedOperation.UnSupportError',
    );
    const tooOld = client(G).DescribeSecondLevelBackupInfo({
      InstanceId: 'crs-demo0001',
      BackupTimestamp: now - 8 * 86400,
    });
    expect(await codeOf(tooOld)).toBe('InvalidParameter.InvalidParameter');
  });

  it('clones a point in time from the newest backup before it, and refuses gaps and the outside', async () => {
    const info = await client(G).DescribeSecondLevelBackupInfo({ InstanceId: 'crs-demo0001' });
    const gap = info.MissingTimestamps?.[0];
    const req = { ...(await validClone(G, 'crs-demo0001')), BackupId: '' };
    const inGap = ((gap?.StartTimeStamp ?? 0) + 60) * 1000;
    const beforeStart = ((info.StartTimestamp ?? 0) - 60) * 1000;
    for (const at of [inGap, beforeStart]) {
      const refused = client(G).CloneInstances(asClone({ ...req, CloneTime: fmt(at) }));
      expect(await codeOf(refused), fmt(at)).toBe('InvalidParameterValue.CheckNotPass');
    }
    const at = clock.now() - 2 * HOUR_MS;
    const placed = await client(G).CloneInstances(asClone({ ...req, CloneTime: fmt(at) }));
    const deal = [...env.sandbox.state.clones.deals.values()].find((d) => d.dealName === placed.DealName);
    const base = (
      await client(G).DescribeSecondLevelBackupInfo({
        InstanceId: 'crs-demo0001',
        BackupTimestamp: Math.floor(at / 1000),
      })
    ).BackupId;
    // The manual backup of three hours ago is the newest at or before two hours ago.
    expect(base).toBe('1250000000-6000001-demo0001m');
    expect(deal?.backupId).toBe(base);
    expect(deal?.cloneTimeMs).toBe(Math.floor(at / 1000) * 1000);
  });
});

describe('a lost CloneInstances answer', () => {
  it('places exactly one order; the clone is found by name, never ordered again', async () => {
    const redis28 = { ...(await validClone(G, 'crs-demo0007')), InstanceName: 'lost-answer-clone' };
    env.sandbox.faults.add({ kind: 'hang', action: 'CloneInstances' });
    const orders = env.sandbox.state.clones.ordersPlaced;
    const lost = client(G, 'default', 1).CloneInstances(asClone(redis28));
    await expect(lost).rejects.toBeDefined();
    expect(env.sandbox.state.clones.ordersPlaced).toBe(orders + 1);
    const found = await client(G).DescribeInstances({ InstanceName: 'lost-answer-clone' });
    expect(found.InstanceSet).toHaveLength(1);
    const deal = [...env.sandbox.state.clones.deals.values()].find((d) =>
      d.instanceIds.includes(found.InstanceSet?.[0]?.InstanceId ?? ''),
    );
    const byName = await client(G).DescribeInstanceDealDetail({ DealName: deal?.dealName ?? '' });
    expect(byName.DealDetails?.[0]?.InstanceIds).toEqual([found.InstanceSet?.[0]?.InstanceId]);
  });
});

describe('an unreadable CloneInstances answer', () => {
  it('is an error to the SDK, yet the one order it placed stands', async () => {
    const req = { ...(await validClone(G, 'crs-demo0007')), InstanceName: 'garbled-answer-clone' };
    env.sandbox.faults.add({ kind: 'malformedJson', action: 'CloneInstances' });
    const orders = env.sandbox.state.clones.ordersPlaced;
    await expect(client(G).CloneInstances(asClone(req))).rejects.toBeDefined();
    expect(env.sandbox.state.clones.ordersPlaced).toBe(orders + 1);
    const found = await client(G).DescribeInstances({ InstanceName: 'garbled-answer-clone' });
    expect(found.InstanceSet).toHaveLength(1);
  });
});

describe('POST /__sandbox/account', () => {
  const post = async (body: string) => {
    const res = await fetch(`${env.sandbox.url}/__sandbox/account`, { method: 'POST', body });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it('sets the balance and quotas a clone is checked against', async () => {
    const before = env.sandbox.state.clones.account.balancePent;
    const req = await validClone(G, 'crs-demo0002');
    try {
      expect((await post('{"balancePent": 0}')).json).toMatchObject({ balancePent: 0, currency: 'CNY' });
      expect(await codeOf(client(G).CloneInstances(asClone(req)))).toBe('FailedOperation.PayFailed');
      await post(`{"balancePent": ${before}, "quotaByRegion": {"ap-guangzhou": 0}}`);
      expect(await codeOf(client(G).CloneInstances(asClone(req)))).toBe('LimitExceeded');
    } finally {
      await post(`{"balancePent": ${before}, "quotaByRegion": {"ap-guangzhou": 20}}`);
    }
  });

  it('refuses a bad body whole, with a clear error, and changes nothing', async () => {
    const before = { ...env.sandbox.state.clones.account };
    for (const body of [
      'nope',
      '[]',
      '{"balance": 1}',
      '{"balancePent": -1}',
      '{"currency": "EUR"}',
      '{"balancePent": 5, "quotaByRegion": {"ap-guangzhou": 1.5}}',
    ]) {
      const reply = await post(body);
      expect(reply.status, body).toBe(400);
      expect(String(reply.json.error), body).not.toBe('');
    }
    expect(env.sandbox.state.clones.account.balancePent).toBe(before.balancePent);
    expect(env.sandbox.state.clones.quotaOf(G)).toBe(20);
  });
});

describe('finance regions', () => {
  it('refuse a clone without a VPC (InvalidParameter.OnlyVPCOnSpecZoneId) from real state', async () => {
    const fleet = await startSandbox({ seed: 'fleet:200', clock, taskSeconds: 20 });
    try {
      const source = [...fleet.state.instances.values()].find(
        (i) =>
          i.region === 'ap-shanghai-fsi' &&
          i.status === 2 &&
          [2, 6, 7, 8, 9, 15, 16, 17, 18].includes(i.type),
      );
      if (!source) throw new Error('fleet:200 has no running ap-shanghai-fsi instance of a sold type');
      const backup = fleet.state.backupsOf(source.id).find((b) => fleet.state.backupStatus(b) === 2);
      const c = new redis.v20180412.Client({
        credential: KEYS.default,
        region: 'ap-shanghai-fsi',
        profile: { httpProfile: { endpoint: `127.0.0.1:${fleet.port}`, protocol: 'http://' } },
      });
      const req = {
        InstanceId: source.id,
        GoodsNum: 1,
        ZoneId: source.zoneId,
        BillingMode: 0,
        Period: 1,
        SecurityGroupIdList: [],
        BackupId: backup?.id ?? '',
        Password: 'Clone#2024x',
      };
      expect(await codeOf(c.CloneInstances(req))).toBe('InvalidParameter.OnlyVPCOnSpecZoneId');
      const inVpc = await c.CloneInstances({
        ...req,
        VpcId: source.uniqVpcId,
        SubnetId: source.uniqSubnetId,
      });
      expect(inVpc.InstanceIds).toHaveLength(1);
    } finally {
      await fleet.stop();
    }
  });
});
