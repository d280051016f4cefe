/** The clone contract's own rules: what a plan may ask, how a price reads, and what the task view offers after. */
import { describe, expect, it } from 'vitest';
import { passwordRule } from '../../../electron/core/clones/clone-password';
import {
  type CloneDetails,
  ClonePlanSchema,
  type ClonePrice,
  cloneAftercare,
  cloneTccliParams,
  hourlyCost,
  majorAmount,
  moneyText,
} from '../../../shared/clones';
import { finishedTarget, finishedTitle, type RestoreRecord } from '../../../shared/tasks';
import { tccliCallFor, tccliCommand } from '../../../shared/tccli';

const plan = {
  profileId: 'p1',
  region: 'ap-guangzhou',
  sourceInstanceId: 'crs-src00001',
  point: { kind: 'backup', backupId: 'b-1' },
  zoneId: 100003,
  billingMode: 'pay-as-you-go',
  period: 1,
  securityGroupIds: ['sg-aaaa1111'],
  instanceName: 'orders-restored',
};

describe('ClonePlanSchema', () => {
  it('accepts a pay-as-you-go plan of one period and fills the defaults', () => {
    expect(ClonePlanSchema.parse(plan)).toMatchObject({ noAuth: false, tags: [] });
  });

  it('refuses pay-as-you-go with a period other than 1, and monthly periods the API does not list', () => {
    expect(ClonePlanSchema.safeParse({ ...plan, period: 2 }).success).toBe(false);
    expect(ClonePlanSchema.safeParse({ ...plan, billingMode: 'monthly', period: 13 }).success).toBe(false);
    expect(ClonePlanSchema.safeParse({ ...plan, billingMode: 'monthly', period: 24 }).success).toBe(true);
  });

  it('takes names of fewer than 60 letters, digits, Chinese, - and _ only', () => {
    expect(ClonePlanSchema.safeParse({ ...plan, instanceName: '订单-恢复_1' }).success).toBe(true);
    expect(ClonePlanSchema.safeParse({ ...plan, instanceName: 'a'.repeat(60) }).success).toBe(false);
    expect(ClonePlanSchema.safeParse({ ...plan, instanceName: 'orders restored' }).success).toBe(false);
  });

  it('takes a backup id or an ISO time, nothing else', () => {
    expect(
      ClonePlanSchema.safeParse({ ...plan, point: { kind: 'time', time: '2026-12-07T03:00:00Z' } }).success,
    ).toBe(true);
    expect(ClonePlanSchema.safeParse({ ...plan, point: { kind: 'time', time: 'yesterday' } }).success).toBe(
      false,
    );
    expect(ClonePlanSchema.safeParse({ ...plan, point: { kind: 'backup' } }).success).toBe(false);
  });
});

const price = (
  billingMode: ClonePrice['billingMode'],
  extra: Partial<ClonePrice['price']> = {},
): ClonePrice => ({
  billingMode,
  period: 1,
  price: { amount: 30400, unit: 'pent', unitStated: true, currency: 'CNY', ...extra },
  per: billingMode === 'pay-as-you-go' ? 'hour' : 'period',
  quotedAt: '2026-12-07T04:00:00.000Z',
});

describe('prices', () => {
  it('reads pent and microPent in the currency’s major unit', () => {
    expect(majorAmount({ amount: 30400, unit: 'pent', unitStated: true })).toBe(304);
    expect(majorAmount({ amount: 304_000_000, unit: 'microPent', unitStated: true })).toBe(3.04);
    expect(moneyText(price('pay-as-you-go').price)).toBe('CNY 304.00');
  });

  it('never invents a currency', () => {
    expect(moneyText({ amount: 100, unit: 'pent', unitStated: false })).toBe('1.00 (currency not stated)');
  });

  it('states an hourly running cost for pay-as-you-go only', () => {
    expect(hourlyCost(price('pay-as-you-go'))).toMatchObject({ amount: 30400 });
    expect(hourlyCost(price('monthly'))).toBeUndefined();
  });
});

const details = (billingMode: CloneDetails['billingMode']): CloneDetails => ({
  stage: 'running',
  point: { kind: 'backup', backupId: 'b-1' },
  instanceName: 'orders-restored',
  zoneId: 100003,
  billingMode,
  period: 1,
  securityGroupIds: [],
  priceShown: price(billingMode),
  newInstanceId: 'crs-new00001',
  address: { vip: '10.0.9.1', port: 6379 },
});

describe('after a clone runs', () => {
  it('names the new address, the hourly cost and how to release it; never offers a switch', () => {
    expect(cloneAftercare(details('pay-as-you-go'))).toEqual({
      newInstanceId: 'crs-new00001',
      address: { vip: '10.0.9.1', port: 6379 },
      hourlyCost: { amount: 30400, unit: 'pent', unitStated: true, currency: 'CNY' },
      release: { action: 'DestroyPostpaidInstance', instanceId: 'crs-new00001' },
      switchAccess: { offered: false, reason: 'only-for-time-window-switch' },
    });
    expect(cloneAftercare(details('monthly')).release.action).toBe('DestroyPrepaidInstance');
  });

  it('leads the notification of a running clone to the new instance, of any other end to the source', () => {
    const base = { profileId: 'p1', region: 'ap-guangzhou', instanceId: 'crs-src00001' };
    const clone = { ...base, kind: 'clone' as const, clone: details('pay-as-you-go') };
    expect(finishedTarget({ ...clone, status: 'succeed' })).toEqual({ ...base, instanceId: 'crs-new00001' });
    expect(finishedTarget({ ...clone, status: 'outcome-unknown' })).toEqual(base);
    expect(finishedTarget({ ...base, status: 'succeed' })).toEqual(base);
  });

  it('titles the notification as a clone', () => {
    const record = {
      kind: 'clone',
      instanceName: 'orders',
      instanceId: 'crs-src00001',
      clone: details('pay-as-you-go'),
    };
    expect(finishedTitle({ ...record, status: 'succeed' } as RestoreRecord)).toBe(
      'New instance orders-restored from orders is running',
    );
    expect(finishedTitle({ ...record, status: 'outcome-unknown' } as RestoreRecord)).toMatch(
      /check the console \(orders\)/,
    );
  });
});

describe('the tccli command of a clone', () => {
  it('unfolds arrays as tccli’s published example does and never carries the password', () => {
    const parsed = ClonePlanSchema.parse({ ...plan, tags: [{ key: 'team', value: 'dba' }] });
    const command = tccliCommand(
      tccliCallFor(
        { generation: 'v3', name: 'prod' },
        'ap-guangzhou',
        'CloneInstances',
        cloneTccliParams(parsed),
        true,
      ),
    );
    expect(command).toBe(
      'tccli redis CloneInstances --region ap-guangzhou --profile prod --cli-unfold-argument --InstanceId crs-src00001 --GoodsNum 1 --ZoneId 100003 --BillingMode 0 --Period 1 --SecurityGroupIdList sg-aaaa1111 --BackupId b-1 --InstanceName orders-restored --ResourceTags.0.TagKey team --ResourceTags.0.TagValue dba --Password "$CRS_PASSWORD"',
    );
  });
});

describe('the tccli command of a point-in-time clone', () => {
  it('writes CloneTime in the cloud’s wall clock, as the app sends it', () => {
    const parsed = ClonePlanSchema.parse({ ...plan, point: { kind: 'time', time: '2026-06-01T02:00:05Z' } });
    expect(cloneTccliParams(parsed, 'b-9')).toMatchObject({
      BackupId: 'b-9',
      CloneTime: '2026-06-01 10:00:05',
    });
  });
});

describe('password rules (CloneInstancesRequest.Password)', () => {
  it.each([
    [6, 'abcdefgh', 'classes'],
    [6, 'abcdefg1', 'ok'],
    [6, 'Abcdefgh', 'ok'],
    [6, 'abc#1', 'length'],
    [6, `${'a1'.repeat(15)}x`, 'length'],
    [6, '/abcdefg1', 'leading-slash'],
    [9, 'abcdefg!', 'ok'],
    [3, 'abcdefg1', 'ok'],
    [3, 'abcdefgh', 'classes'],
    [4, 'abcdefg1!', 'characters'],
    [15, 'x', 'undocumented'],
  ] as const)('type %i, %s → %s', (typeId, password, verdict) => {
    expect(passwordRule(typeId, password)).toBe(verdict);
  });
});
