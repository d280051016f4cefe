// Restore into a new instance against the demo seed, through the official SDK's redis Client
// (tencentcloud-sdk-nodejs 4.1.313, unchanged): every code of the official lists of CloneInstances,
// InquiryPriceCreateInstance, DescribeInstanceDealDetail and DescribeInstanceSecurityGroup from a real
// state (or, for Tencent's own faults, the apiError fault); an order walking to delivered and its instance
// to running; prices against the table; second-level ranges with gaps; a lost answer never a second order.
import { redis } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/index.js';
import type { CloneInstancesRequest } from 'tencentcloud-sdk-nodejs/tencentcloud/services/redis/v20180412/redis_models.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SECRET_ID,
  DEFAULT_SECRET_KEY,
  ManualClock,
  NOACCESS_SECRET_ID,
  NOACCESS_SECRET_KEY,
  PROJECT0_SECRET_ID,
  PROJECT0_SECRET_KEY,
  READONLY_SECRET_ID,
  READONLY_SECRET_KEY,
  type RunningSandbox,
  startSandbox,
} from '../../../sandbox/index.js';
import { CLONE_ERROR_CASES, CLONE_ERROR_LISTS, type CloneErrorCase } from './clone-errors.js';
import type { Key } from './official-errors.js';

const KEYS: Readonly<Record<Key, { secretId: string; secretKey: string }>> = {
  default: { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY },
  readonly: { secretId: READONLY_SECRET_ID, secretKey: READONLY_SECRET_KEY },
  project0: { secretId: PROJECT0_SECRET_ID, secretKey: PROJECT0_SECRET_KEY },
  noaccess: { secretId: NOACCESS_SECRET_ID, secretKey: NOACCESS_SECRET_KEY },
};
const G = 'ap-guangzhou';
const HOUR_MS = 3600_000;

let sandbox: RunningSandbox;
const clock = new ManualClock(Date.now());

function client(region: string, key: Key = 'default', reqTimeout?: number) {
  const endpoint = `127.0.0.1:${sandbox.port}`;
  return new redis.v20180412.Client({
    credential: KEYS[key],
    region,
    profile: { httpProfile: { endpoint, protocol: 'http://', ...(reqTimeout ? { reqTimeout } : {}) } },
  });
}

async function call(region: string, action: string, params: object, key: Key = 'default') {
  const c = client(region, key) as unknown as Record<string, (req: object) => Promise<unknown>>;
  const method = c[action];
  if (!method) throw new Error(`no SDK method ${action}`);
  return method.call(c, params) as Promise<Record<string, unknown>>;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e as { code?: string }).code,
  );
}

/** A request built from loosely typed parts, as the SDK method takes it. */
const asClone = (r: Record<string, unknown>) => r as unknown as CloneInstancesRequest;

const fmt = (ms: number) => new Date(ms + 8 * HOUR_MS).toISOString().slice(0, 19).replace('T', ' ');

/** A valid clone request of the instance (pay-as-you-go, same zone and network, newest backup). */
async function validClone(region: string, instanceId: string): Promise<Record<string, unknown>> {
  const rows = (await client(region).DescribeInstances({ InstanceId: instanceId })).InstanceSet ?? [];
  const src = rows[0];
  const backups = await client(region).DescribeInstanceBackups({ InstanceId: instanceId, Limit: 100 });
  const groups = await client(region).DescribeInstanceSecurityGroup({ InstanceIds: [instanceId] });
  return {
    InstanceId: instanceId,
    GoodsNum: 1,
    ZoneId: src?.ZoneId ?? 100003,
    BillingMode: 0,
    Period: 1,
    SecurityGroupIdList: (groups.InstanceSecurityGroupsDetail?.[0]?.SecurityGroupDetails ?? []).map(
      (g) => g.SecurityGroupId ?? '',
    ),
    BackupId: backups.BackupSet?.[0]?.BackupId ?? 'none',
    VpcId: src?.UniqVpcId ?? '',
    SubnetId: src?.UniqSubnetId ?? '',
    InstanceName: `${src?.InstanceName ?? 'x'}-clone`,
    Password: 'Clone#2024x',
  };
}

async function resolve(c: CloneErrorCase): Promise<object> {
  if (c.setup === 'cloneIntoProject1') {
    const req = await validClone('ap-beijing', 'crs-demo0011');
    const placed = await client('ap-beijing').CloneInstances(asClone(req));
    return { DealName: placed.DealName };
  }
  if (c.action !== 'CloneInstances') return c.params;
  const id = String(c.params.InstanceId);
  const exists = sandbox.state.instances.get(id)?.region === c.region;
  const params = { ...(exists ? await validClone(c.region, id) : await validClone(G, 'crs-demo0001')) };
  for (const [k, v] of Object.entries(c.params)) {
    if (v === undefined) delete params[k];
    else params[k] = v;
  }
  return params;
}

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo', clock, taskSeconds: 20 });
});
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(() => {
  clock.advance(1100);
});

describe('every error code of the clone actions, through the official SDK', () => {
  it.each(CLONE_ERROR_CASES.map((c) => [c.action, c.code, c.state, c] as const))(
    '%s → %s (%s)',
    async (_action, _code, _state, c) => {
      const params = await resolve(c);
      if (c.fault) sandbox.faults.add({ kind: 'apiError', code: c.code, action: c.action });
      const orders = sandbox.state.clones.ordersPlaced;
      const balance = sandbox.state.clones.account.balancePent;
      expect(await codeOf(call(c.region, c.action, params, c.key))).toBe(c.code);
      // A refused request orders nothing and charges nothing.
      expect(sandbox.state.clones.ordersPlaced).toBe(orders);
      expect(sandbox.state.clones.account.balancePent).toBe(balance);
    },
  );

  it('covers the whole official list of each action', () => {
    for (const [action, codes] of Object.entries(CLONE_ERROR_LISTS)) {
      const covered = CLONE_ERROR_CASES.filter((c) => c.action === action).map((c) => c.code);
      expect([...covered].sort(), action).toEqual([...codes].sort());
    }
  });
});

describe('a clone from a backup', () => {
  it('walks the order 2 → 3 → 4 and the new instance from 待初始化 through 添加实例中 to running', async () => {
    const req = await validClone(G, 'crs-demo0002');
    const balance = sandbox.state.clones.account.balancePent;
    const price = await client(G).InquiryPriceCreateInstance({
      TypeId: 17,
      MemSize: sandbox.state.instances.get('crs-demo0002')?.sizeMb ?? 0,
      GoodsNum: 1,
      Period: 1,
      BillingMode: 0,
      ZoneId: req.ZoneId as number,
      RedisShardNum: 1,
      RedisReplicasNum: 1,
    });
    const placed = await client(G).CloneInstances(asClone({ ...req, InstanceName: 'sessions-copy' }));
    expect(placed.InstanceIds).toHaveLength(1);
    expect(placed.DealName).toMatch(/^\d{14}$/);
    // Pay-as-you-go: the first hour is taken from the balance when the order is placed.
    expect(sandbox.state.clones.account.balancePent).toBe(balance - (price.Price ?? 0));
    const id = placed.InstanceIds?.[0] ?? '';
    const deal = async () =>
      (await client(G).DescribeInstanceDealDetail({ DealIds: [placed.DealId ?? ''] })).DealDetails?.[0];
    // Only DescribeInstances is asked here, so the instance's own listing must move on with the clock.
    const instance = async () => (await client(G).DescribeInstances({ InstanceId: id })).InstanceSet?.[0];
    expect(await instance()).toMatchObject({
      Status: 0,
      InstanceTitle: '待初始化',
      InstanceName: 'sessions-copy',
    });
    expect(await deal()).toMatchObject({ Status: 2, Description: '已支付，未发货', InstanceIds: [id] });
    clock.advance(3_000);
    expect(await deal()).toMatchObject({ Status: 3, Description: '发货中', EndTime: '0000-00-00 00:00:00' });
    expect((await instance())?.Status).toBe(0);
    clock.advance(4_000);
    expect(await instance()).toMatchObject({ Status: 1, InstanceTitle: '添加实例中' });
    expect(await deal()).toMatchObject({ Status: 4, Description: '发货成功' });
    const task = (await client(G).DescribeTaskList({ InstanceId: id })).Tasks?.[0];
    expect(task).toMatchObject({ TaskType: '026', Result: 1 });
    clock.advance(15_000);
    expect(await instance()).toMatchObject({ Status: 2, Type: 17, RedisShardNum: 1, BillingMode: 0 });
    expect((await client(G).DescribeTaskInfo({ TaskId: task?.TaskId ?? 0 })).Status).toBe('succeed');
  });

  it('charges a monthly order in full and refunds it when delivery fails', async () => {
    const req = { ...(await validClone(G, 'crs-demo0002')), BillingMode: 1, Period: 1 };
    sandbox.faults.add({ kind: 'failTask', action: 'CloneInstances', message: 'no capacity left' });
    const balance = sandbox.state.clones.account.balancePent;
    const placed = await client(G).CloneInstances(asClone(req));
    const charged = balance - sandbox.state.clones.account.balancePent;
    expect(charged).toBeGreaterThan(0);
    const deal = async () =>
      (await client(G).DescribeInstanceDealDetail({ DealName: placed.DealName ?? '' })).DealDetails?.[0];
    clock.advance(6_500);
    expect(await deal()).toMatchObject({ Status: 5, Description: '发货失败', Price: charged });
    const row = (await client(G).DescribeInstances({ InstanceId: placed.InstanceIds?.[0] ?? '' }))
      .InstanceSet?.[0];
    expect(row?.Status).toBe(-3);
    clock.advance(2_000);
    expect(await deal()).toMatchObject({ Status: 6, Description: '已退款' });
    expect(sandbox.state.clones.account.balancePent).toBe(balance);
  });
});

describe('prices from the table', () => {
  const inquire = (p: object) => client(G).InquiryPriceCreateInstance({ ZoneId: 100003, ...p } as never);

  it('prices a year of 4 GB standard with two replicas at 4 × 3 nodes × 30 CNY × 12 × 0.83', async () => {
    const q = await inquire({
      TypeId: 15,
      MemSize: 4096,
      GoodsNum: 1,
      Period: 12,
      BillingMode: 1,
      RedisReplicasNum: 2,
    });
    expect(q).toMatchObject({ Price: 358_560, OriginalPrice: 432_000, Currency: 'CNY', AmountUnit: 'pent' });
  });

  it('prices an hour of a 3-shard cluster, 2 GB a shard, one replica, at 1.5 × the monthly rate / 720', async () => {
    const q = await inquire({
      TypeId: 16,
      MemSize: 2048,
      GoodsNum: 2,
      Period: 1,
      BillingMode: 0,
      RedisShardNum: 3,
      RedisReplicasNum: 1,
    });
    // 2 GB × 3 shards × 2 nodes × 35 CNY = 420 CNY a month; × 1.5 / 720 = 0.875 CNY an hour; × 2 instances.
    expect(q).toMatchObject({ Price: 175, HighPrecisionPrice: 175, OriginalPrice: 175 });
  });

  it('answers in the account currency and amount unit', async () => {
    const { account } = sandbox.state.clones;
    account.currency = 'USD';
    account.amountUnit = 'microPent';
    try {
      const q = await inquire({ TypeId: 15, MemSize: 1024, GoodsNum: 1, Period: 1, BillingMode: 1 });
      // 1 GB × 2 nodes × 4.30 USD = 860 cents, a million microPent each.
      expect(q).toMatchObject({ Currency: 'USD', AmountUnit: 'microPent', Price: 860_000_000 });
    } finally {
      account.currency = 'CNY';
      account.amountUnit = 'pent';
    }
  });

  it('refuses specs that are not sold', async () => {
    for (const spec of [
      { TypeId: 15, MemSize: 1000, GoodsNum: 1, Period: 1, BillingMode: 0 },
      { TypeId: 16, MemSize: 1024, GoodsNum: 1, Period: 1, BillingMode: 0, RedisShardNum: 2 },
      { TypeId: 15, MemSize: 1024, GoodsNum: 1, Period: 1, BillingMode: 0, RedisReplicasNum: 6 },
      { TypeId: 15, MemSize: 1024, GoodsNum: 1, Period: 1, BillingMode: 0, ZoneId: 800002 },
    ]) {
      expect(await codeOf(inquire(spec)), JSON.stringify(spec)).toBe('InvalidParameterValue.SpecNotExist');
    }
  });
});

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
    const deal = [...sandbox.state.clones.deals.values()].find((d) => d.dealName === placed.DealName);
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
    sandbox.faults.add({ kind: 'hang', action: 'CloneInstances' });
    const orders = sandbox.state.clones.ordersPlaced;
    const lost = client(G, 'default', 1).CloneInstances(asClone(redis28));
    await expect(lost).rejects.toBeDefined();
    expect(sandbox.state.clones.ordersPlaced).toBe(orders + 1);
    const found = await client(G).DescribeInstances({ InstanceName: 'lost-answer-clone' });
    expect(found.InstanceSet).toHaveLength(1);
    const deal = [...sandbox.state.clones.deals.values()].find((d) =>
      d.instanceIds.includes(found.InstanceSet?.[0]?.InstanceId ?? ''),
    );
    const byName = await client(G).DescribeInstanceDealDetail({ DealName: deal?.dealName ?? '' });
    expect(byName.DealDetails?.[0]?.InstanceIds).toEqual([found.InstanceSet?.[0]?.InstanceId]);
  });
});

describe('an unreadable CloneInstances answer', () => {
  it('is an error to the SDK, yet the one order it placed stands', async () => {
    const req = { ...(await validClone(G, 'crs-demo0007')), InstanceName: 'garbled-answer-clone' };
    sandbox.faults.add({ kind: 'malformedJson', action: 'CloneInstances' });
    const orders = sandbox.state.clones.ordersPlaced;
    await expect(client(G).CloneInstances(asClone(req))).rejects.toBeDefined();
    expect(sandbox.state.clones.ordersPlaced).toBe(orders + 1);
    const found = await client(G).DescribeInstances({ InstanceName: 'garbled-answer-clone' });
    expect(found.InstanceSet).toHaveLength(1);
  });
});

describe('POST /__sandbox/account', () => {
  const post = async (body: string) => {
    const res = await fetch(`${sandbox.url}/__sandbox/account`, { method: 'POST', body });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it('sets the balance and quotas a clone is checked against', async () => {
    const before = sandbox.state.clones.account.balancePent;
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
    const before = { ...sandbox.state.clones.account };
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
    expect(sandbox.state.clones.account.balancePent).toBe(before.balancePent);
    expect(sandbox.state.clones.quotaOf(G)).toBe(20);
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
