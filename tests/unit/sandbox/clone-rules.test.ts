// The rules behind the clone actions, one by one: the password rule of CloneInstancesRequest.Password,
// the price table, an order's status over time, the second-level range and the specs on sale.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../sandbox/state/clone-options.js';
import { type DealRecord, dealStatus } from '../../../sandbox/state/deals.js';
import { discountFactor, quote } from '../../../sandbox/state/prices.js';
import { soldOut, specProblem } from '../../../sandbox/state/products.js';
import { pointInTimeProblem, secondLevelRange } from '../../../sandbox/state/second-level.js';
import type { InstanceRecord } from '../../../sandbox/state/types.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('CloneInstances password rule', () => {
  it('takes 8–30 characters of at least two kinds, not starting with "/", for Redis', () => {
    expect(passwordProblem('Abcdefg1', 15)).toBeNull();
    expect(passwordProblem('abc#defg', 8)).toBeNull();
    expect(passwordProblem('abcdefgh', 15)).toMatch(/two/);
    expect(passwordProblem('Abcdef1', 15)).toMatch(/8 to 30/);
    expect(passwordProblem(`A${'b'.repeat(29)}1`, 15)).toMatch(/8 to 30/);
    expect(passwordProblem('/Abcdefg1', 15)).toMatch(/"\/"/);
    expect(passwordProblem('Abcdefg1"', 15)).toMatch(/character/);
  });

  it('takes letters and digits only, both, for CKV', () => {
    expect(passwordProblem('abc12345', 3)).toBeNull();
    expect(passwordProblem('Abc#1234', 4)).toMatch(/CKV/);
    expect(passwordProblem('abcdefgh', 3)).toMatch(/CKV/);
  });
});

describe('price table', () => {
  const base = { type: 15, memMb: 4096, shardNum: 1, replicasNum: 1, goodsNum: 1 };

  it('discounts a year by 17 %, two years by 30 %, three by half; never pay-as-you-go', () => {
    expect([1, 11, 12, 24, 36].map((m) => discountFactor(1, m))).toEqual([1, 1, 0.83, 0.7, 0.5]);
    expect(discountFactor(0, 36)).toBe(1);
  });

  it('prices per GB, node, month; pay-as-you-go per hour at 1.5 × / 720', () => {
    const month = quote({ ...base, billingMode: 1, period: 1 }, 'CNY', 'pent');
    expect(month).toMatchObject({ price: 24_000, originalPrice: 24_000, pent: 24_000 });
    const hour = quote({ ...base, billingMode: 0, period: 1 }, 'CNY', 'pent');
    expect(hour.highPrecisionPrice).toBe(50);
    const cluster = quote({ ...base, type: 16, shardNum: 3, billingMode: 1, period: 1 }, 'CNY', 'pent');
    expect(cluster.price).toBe(4 * 3 * 2 * 3_500);
  });

  it('keeps the exact value in the high-precision fields and scales microPent', () => {
    const odd = quote({ ...base, memMb: 1024, billingMode: 0, period: 1, goodsNum: 1 }, 'USD', 'pent');
    // 1 GB × 2 nodes × 430 × 1.5 / 720 = 1.791666… cents.
    expect(odd.price).toBe(2);
    expect(odd.highPrecisionPrice).toBeCloseTo(1.791667, 6);
    const micro = quote({ ...base, memMb: 1024, billingMode: 0, period: 1, goodsNum: 1 }, 'USD', 'microPent');
    expect(micro.price).toBe(1_791_667);
  });
});

describe('order status over time', () => {
  const deal = (deliveryFails: boolean): DealRecord => ({
    dealId: '1',
    dealName: '20260101000001',
    region: 'ap-guangzhou',
    zoneId: 100003,
    goodsNum: 1,
    creatorUin: 'u',
    createdMs: 0,
    billingMode: 0,
    pricePent: 1,
    instanceIds: ['crs-cl000001'],
    tasks: [],
    sourceInstanceId: 'crs-demo0001',
    backupId: 'b',
    cloneTimeMs: null,
    durationMs: 20_000,
    deliveryFails,
    refunded: false,
  });

  it('is 2 (paid, not delivered) for the first tenth, 3 (delivering) to three tenths, then 4', () => {
    expect(dealStatus(deal(false), 1_999).status).toBe(2);
    expect(dealStatus(deal(false), 2_000)).toEqual({ status: 3, endMs: null });
    expect(dealStatus(deal(false), 6_000)).toEqual({ status: 4, endMs: 6_000 });
    expect(dealStatus(deal(false), 60_000).status).toBe(4);
  });

  it('is 5 (delivery failed) when delivery fails, then 6 (refunded) a tenth later', () => {
    expect(dealStatus(deal(true), 5_999).status).toBe(3);
    expect(dealStatus(deal(true), 6_000).status).toBe(5);
    expect(dealStatus(deal(true), 7_999).status).toBe(5);
    expect(dealStatus(deal(true), 8_000).status).toBe(6);
  });
});

describe('second-level range', () => {
  const now = 100 * DAY;
  const instance = (since: number, gaps: Array<[number, number]>) =>
    ({
      id: 'crs-x',
      secondLevel: { sinceMs: since, gaps: gaps.map(([fromMs, toMs]) => ({ fromMs, toMs })) },
    }) as unknown as InstanceRecord;

  it('starts at switch-on or seven days ago, whichever is later, and clips the gaps to it', () => {
    const old = instance(now - 30 * DAY, [
      [now - 9 * DAY, now - 6.5 * DAY],
      [now - 20 * DAY, now - 19 * DAY],
    ]);
    expect(secondLevelRange(old, now)).toEqual({
      startMs: now - 7 * DAY,
      endMs: now,
      gaps: [{ fromMs: now - 7 * DAY, toMs: now - 6.5 * DAY }],
    });
    expect(secondLevelRange(instance(now - DAY, []), now)?.startMs).toBe(now - DAY);
    expect(secondLevelRange({ id: 'crs-y' } as InstanceRecord, now)).toBeNull();
  });

  it('refuses a time before the range, after now, or inside a gap', () => {
    const i = instance(now - 2 * DAY, [[now - 5 * HOUR, now - 4 * HOUR]]);
    expect(pointInTimeProblem(i, now - HOUR, now)).toBeNull();
    expect(pointInTimeProblem(i, now - 3 * DAY, now)).toMatch(/outside/);
    expect(pointInTimeProblem(i, now + 1000, now)).toMatch(/outside/);
    expect(pointInTimeProblem(i, now - 4.5 * HOUR, now)).toMatch(/MissingTimestamps/);
  });
});

describe('specs on sale', () => {
  it('sells the InquiryPriceCreateInstance TypeId list only, in whole GB, with the documented shard counts', () => {
    const spec = { type: 15, memMb: 2048, shardNum: 1, replicasNum: 1 };
    expect(specProblem(spec)).toBeNull();
    expect(specProblem({ ...spec, type: 3 })).toMatch(/not sold/);
    expect(specProblem({ ...spec, type: 19 })).toMatch(/not sold/);
    expect(specProblem({ ...spec, memMb: 1500 })).toMatch(/1024/);
    expect(specProblem({ ...spec, shardNum: 3 })).toMatch(/RedisShardNum/);
    expect(specProblem({ ...spec, type: 16, shardNum: 3 })).toBeNull();
    expect(specProblem({ ...spec, type: 16, shardNum: 4 })).toMatch(/RedisShardNum/);
    expect(specProblem({ ...spec, replicasNum: 0 })).toMatch(/Replicas/);
  });

  it('has Redis 5.0 standard sold out in ap-beijing-3 only', () => {
    expect(soldOut(800003, 8)).toBe(true);
    expect(soldOut(800005, 8)).toBe(false);
    expect(soldOut(800003, 15)).toBe(false);
  });
});
