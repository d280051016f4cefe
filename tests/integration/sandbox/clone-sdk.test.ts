// Restore into a new instance against the demo seed, through the official SDK's redis Client
// (tencentcloud-sdk-nodejs 4.1.313, unchanged): every code of the official lists of CloneInstances,
// InquiryPriceCreateInstance, DescribeInstanceDealDetail and DescribeInstanceSecurityGroup from a real
// state (or, for Tencent's own faults, the apiError fault); an order walking to delivered and its instance
// to running; prices against the table. Point in time, lost answers and the account: clone-pitr-faults.test.ts.
import { describe, expect, it } from 'vitest';
import { asClone, codeOf, G, sdkCall, sdkClient, validClone as validCloneOf } from './clone-client.js';
import { CLONE_ERROR_CASES, CLONE_ERROR_LISTS, type CloneErrorCase } from './clone-errors.js';
import { frozenDemoSandbox } from './frozen-sandbox.js';
import type { Key } from './official-errors.js';

const env = frozenDemoSandbox({ taskSeconds: 20 });
const { clock } = env;

const client = (region: string, key: Key = 'default') => sdkClient(env.sandbox, region, key);
const validClone = (region: string, id: string) => validCloneOf(env.sandbox, region, id);

const call = (region: string, action: string, params: object, key: Key = 'default') =>
  sdkCall(env.sandbox, region, action, params, key);

async function resolve(c: CloneErrorCase): Promise<object> {
  if (c.setup === 'cloneIntoProject1') {
    const req = await validClone('ap-beijing', 'crs-demo0011');
    const placed = await client('ap-beijing').CloneInstances(asClone(req));
    return { DealName: placed.DealName };
  }
  if (c.action !== 'CloneInstances') return c.params;
  const id = String(c.params.InstanceId);
  const exists = env.sandbox.state.instances.get(id)?.region === c.region;
  const params = { ...(exists ? await validClone(c.region, id) : await validClone(G, 'crs-demo0001')) };
  for (const [k, v] of Object.entries(c.params)) {
    if (v === undefined) delete params[k];
    else params[k] = v;
  }
  return params;
}

describe('every error code of the clone actions, through the official SDK', () => {
  it.each(CLONE_ERROR_CASES.map((c) => [c.action, c.code, c.state, c] as const))(
    '%s → %s (%s)',
    async (_action, _code, _state, c) => {
      const params = await resolve(c);
      if (c.fault) env.sandbox.faults.add({ kind: 'apiError', code: c.code, action: c.action });
      const orders = env.sandbox.state.clones.ordersPlaced;
      const balance = env.sandbox.state.clones.account.balancePent;
      expect(await codeOf(call(c.region, c.action, params, c.key))).toBe(c.code);
      // A refused request orders nothing and charges nothing.
      expect(env.sandbox.state.clones.ordersPlaced).toBe(orders);
      expect(env.sandbox.state.clones.account.balancePent).toBe(balance);
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
    const balance = env.sandbox.state.clones.account.balancePent;
    const price = await client(G).InquiryPriceCreateInstance({
      TypeId: 17,
      MemSize: env.sandbox.state.instances.get('crs-demo0002')?.sizeMb ?? 0,
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
    expect(env.sandbox.state.clones.account.balancePent).toBe(balance - (price.Price ?? 0));
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
    env.sandbox.faults.add({ kind: 'failTask', action: 'CloneInstances', message: 'no capacity left' });
    const balance = env.sandbox.state.clones.account.balancePent;
    const placed = await client(G).CloneInstances(asClone(req));
    const charged = balance - env.sandbox.state.clones.account.balancePent;
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
    expect(env.sandbox.state.clones.account.balancePent).toBe(balance);
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
    const { account } = env.sandbox.state.clones;
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
