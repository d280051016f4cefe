/**
 * The clone actions of the API 3.0 client against Tencent's own examples (tests/fixtures/official/api3) and
 * the request fields of the official models; CloneInstances is a billable write, sent once and never retried.
 */
import { describe, expect, it } from 'vitest';
import { Api3CrsClient } from '../../../../electron/core/cloud/api3/api3-client';
import { LegacyCrsClient } from '../../../../electron/core/cloud/legacy/legacy-client';
import { AppError } from '../../../../shared/errors';
import { harness, jsonReply, networkError, type Reply, textReply } from './fakes';
import { officialReply } from './official-fixture';

const region = 'ap-guangzhou';

function clientFor(replies: Reply[]) {
  const h = harness(replies);
  return { h, client: new Api3CrsClient(h.options) };
}

const body = (h: ReturnType<typeof harness>, at = 0) =>
  JSON.parse(h.fetch.calls[at]?.init.body ?? '{}') as Record<string, unknown>;

const order = {
  region,
  instanceId: 'crs-src00001',
  backupId: '331006369-11071477-1',
  goodsNum: 1 as const,
  zoneId: 100003,
  billingMode: 0 as const,
  period: 1,
  securityGroupIds: ['sg-aaaa1111'],
  vpcId: 'vpc-1',
  subnetId: 'subnet-1',
  instanceName: 'orders-restored',
  password: 'Secret#Pass1',
  vPort: 6380,
  nodeSet: [{ nodeType: 0 as const, zoneId: 100003 }],
  projectId: 2,
  tags: [{ key: 'team', value: 'dba' }],
  templateId: 'tpl-1',
  autoRenew: 0 as const,
  alarmPolicyIds: ['policy-1'],
};

describe('Api3CrsClient clone actions', () => {
  it('CloneInstances (official example): DealId and InstanceIds; every model field sent by its name', async () => {
    const { h, client } = clientFor([officialReply('api3/CloneInstances.json')]);
    const answer = await client.cloneInstances(order);
    expect(answer).toEqual({ dealId: '22716', instanceIds: ['crs-kic3****'] });
    expect(h.fetch.calls[0]?.init.headers['X-TC-Action']).toBe('CloneInstances');
    expect(body(h)).toEqual({
      InstanceId: 'crs-src00001',
      GoodsNum: 1,
      ZoneId: 100003,
      BillingMode: 0,
      Period: 1,
      SecurityGroupIdList: ['sg-aaaa1111'],
      BackupId: '331006369-11071477-1',
      VpcId: 'vpc-1',
      SubnetId: 'subnet-1',
      InstanceName: 'orders-restored',
      Password: 'Secret#Pass1',
      AutoRenew: 0,
      VPort: 6380,
      NodeSet: [{ NodeType: 0, ZoneId: 100003 }],
      ProjectId: 2,
      ResourceTags: [{ TagKey: 'team', TagValue: 'dba' }],
      TemplateId: 'tpl-1',
      AlarmPolicyList: ['policy-1'],
    });
    expect(h.lines.join('\n')).not.toContain('Secret#Pass1');
  });

  it('CloneInstances sends CloneTime as the cloud’s wall clock (UTC+8) and no BackupId', async () => {
    const { h, client } = clientFor([
      jsonReply({ Response: { DealName: '2026120700001', InstanceIds: ['crs-n1'] } }),
    ]);
    const { backupId: _b, ...byTime } = order;
    const answer = await client.cloneInstances({ ...byTime, cloneTime: '2026-06-01T02:00:05.000Z' });
    expect(answer).toEqual({ dealName: '2026120700001', instanceIds: ['crs-n1'] });
    expect(body(h).CloneTime).toBe('2026-06-01 10:00:05');
    expect(body(h)).not.toHaveProperty('BackupId');
  });

  it('CloneInstances is never retried: a lost answer is CLONE_OUTCOME_UNKNOWN after one request', async () => {
    const { h, client } = clientFor([networkError('ECONNRESET'), jsonReply({ Response: { DealId: '1' } })]);
    const error = await client.cloneInstances(order).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CLONE_OUTCOME_UNKNOWN');
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('CloneInstances: an answer naming no order is an unknown outcome, not a success', async () => {
    const { h, client } = clientFor([jsonReply({ Response: { RequestId: 'r-1' } })]);
    const error = await client.cloneInstances(order).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('CLONE_OUTCOME_UNKNOWN');
    expect(h.fetch.calls).toHaveLength(1);
  });

  it('CloneInstances: a cloud refusal keeps its own code (insufficient balance)', async () => {
    const { client } = clientFor([
      jsonReply({
        Response: { Error: { Code: 'FailedOperation.PayFailed', Message: 'pay failed' }, RequestId: 'r' },
      }),
    ]);
    const error = await client.cloneInstances(order).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('PAY_FAILED');
  });

  /** One month of a 1 GB Redis 6.2 standard instance (TypeId 15, redis_models.d.ts), pay-as-you-go. */
  const priceRequest = {
    region,
    typeId: 15,
    memSizeMb: 1024,
    goodsNum: 1,
    period: 1,
    billingMode: 0 as const,
  };

  it('InquiryPriceCreateInstance (official example): Price only; the request carries the spec', async () => {
    const { h, client } = clientFor([officialReply('api3/InquiryPriceCreateInstance.json')]);
    const quote = await client.inquiryPriceCreateInstance({
      ...priceRequest,
      zoneId: 100003,
      shardNum: 1,
      replicasNum: 1,
    });
    expect(quote).toEqual({ price: 30400 });
    expect(body(h)).toEqual({
      TypeId: 15,
      MemSize: 1024,
      GoodsNum: 1,
      Period: 1,
      BillingMode: 0,
      ZoneId: 100003,
      RedisShardNum: 1,
      RedisReplicasNum: 1,
    });
  });

  it('InquiryPriceCreateInstance: the high-precision fields, currency and unit when given', async () => {
    const { client } = clientFor([
      jsonReply({
        Response: {
          Price: 30400,
          HighPrecisionPrice: 304000000,
          OriginalPrice: 38000,
          HighPrecisionOriginalPrice: 380000000,
          Currency: 'CNY',
          AmountUnit: 'pent',
        },
      }),
    ]);
    const quote = await client.inquiryPriceCreateInstance(priceRequest);
    expect(quote).toEqual({
      price: 30400,
      highPrecisionPrice: 304000000,
      originalPrice: 38000,
      highPrecisionOriginalPrice: 380000000,
      currency: 'CNY',
      amountUnit: 'pent',
    });
  });

  it('DescribeInstanceDealDetail (official example): status 4 is delivered, times in Beijing time', async () => {
    const { h, client } = clientFor([officialReply('api3/DescribeInstanceDealDetail.json')]);
    const deals = await client.describeDeals({ region, dealName: '20181101110365' });
    expect(body(h)).toEqual({ DealName: '20181101110365' });
    expect(deals).toEqual([
      {
        dealId: '6959052',
        dealName: '20181101110365',
        status: 4,
        state: 'delivered',
        description: '发货成功',
        instanceIds: ['crs-bz8prb7x'],
        zoneId: 100002,
        createdAt: '2018-11-01T13:12:05.000Z',
        endedAt: '2018-11-01T13:13:18.000Z',
        price: 91949,
      },
    ]);
  });

  it('DescribeInstanceDealDetail: every documented status has its meaning; others are unknown', async () => {
    const statuses = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0];
    const { client } = clientFor([
      jsonReply({
        Response: { DealDetails: statuses.map((Status) => ({ DealId: String(Status), Status })) },
      }),
    ]);
    const deals = await client.describeDeals({ region, dealIds: ['1'] });
    expect(deals.map((d) => d.state)).toEqual([
      'unpaid',
      'paid',
      'delivering',
      'delivered',
      'delivery-failed',
      'refunded',
      'closed',
      'expired',
      'invalid',
      'product-invalid',
      'payment-refused',
      'paying',
      'unknown',
      'unknown',
    ]);
  });

  it('DescribeSecondLevelBackupInfo (official example): Unix seconds as ISO, no missing ranges', async () => {
    const { h, client } = clientFor([officialReply('api3/DescribeSecondLevelBackupInfo.json')]);
    const info = await client.describeSecondLevelBackupInfo({
      region,
      instanceId: 'crs-1',
      time: '2024-06-28T08:24:56.000Z',
    });
    expect(body(h)).toEqual({ InstanceId: 'crs-1', BackupTimestamp: 1719563096 });
    expect(info).toEqual({
      backupId: '154709612-5143180-1043869225',
      backupTime: '2024-06-28T08:24:56.000Z',
      startTime: '2024-06-28T08:13:55.000Z',
      missing: [],
    });
  });

  it('DescribeSecondLevelBackupInfo: missing ranges become ISO ranges', async () => {
    const { client } = clientFor([
      jsonReply({
        Response: {
          StartTimestamp: 1719562435,
          MissingTimestamps: [{ StartTimeStamp: 1719562500, EndTimeStamp: 1719562600 }],
        },
      }),
    ]);
    const info = await client.describeSecondLevelBackupInfo({ region, instanceId: 'crs-1' });
    expect(info.missing).toEqual([{ start: '2024-06-28T08:15:00.000Z', end: '2024-06-28T08:16:40.000Z' }]);
  });

  it('DescribeInstanceSecurityGroup: ids per instance', async () => {
    const { client } = clientFor([
      jsonReply({
        Response: {
          InstanceSecurityGroupsDetail: [
            {
              InstanceId: 'crs-1',
              SecurityGroupDetails: [{ SecurityGroupId: 'sg-1', SecurityGroupName: 'web' }],
            },
          ],
        },
      }),
    ]);
    expect(await client.describeInstanceSecurityGroups({ region, instanceIds: ['crs-1'] })).toEqual({
      'crs-1': [{ id: 'sg-1', name: 'web' }],
    });
  });

  it('DescribeProductInfo: only the asked-for region, zones by their numeric OldZoneId', async () => {
    const zone = (OldZoneId: number, IsSaleout: boolean) => ({
      ZoneId: `ap-guangzhou-${OldZoneId % 10}`,
      ZoneName: 'Guangzhou',
      OldZoneId,
      IsSaleout,
      ProductSet: [{ Type: 15, Saleout: false, ShardNum: ['1'], ReplicaNum: ['1', '2'], PayMode: '0,1' }],
    });
    const { client } = clientFor([
      jsonReply({
        Response: {
          RegionSet: [
            { RegionId: 'ap-guangzhou', ZoneSet: [zone(100003, false)] },
            { RegionId: 'ap-shanghai', ZoneSet: [zone(200002, true)] },
          ],
        },
      }),
    ]);
    const zones = await client.describeProductInfo({ region });
    expect(zones).toHaveLength(1);
    expect(zones[0]).toMatchObject({
      zoneId: 100003,
      saleOut: false,
      products: [{ typeId: 15, payModes: ['0', '1'] }],
    });
  });

  it('a reply that is not JSON for a read is BAD_RESPONSE, never an invented price', async () => {
    const { client } = clientFor([textReply('<html>')]);
    const error = await client
      .inquiryPriceCreateInstance({
        region,
        typeId: 15,
        memSizeMb: 1024,
        goodsNum: 1,
        period: 1,
        billingMode: 0,
      })
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('BAD_RESPONSE');
  });
});

describe('LegacyCrsClient clone actions', () => {
  it('refuses every clone action before sending anything', async () => {
    const h = harness([jsonReply({})]);
    const client = new LegacyCrsClient(h.options);
    const error = await client.cloneInstances().catch((e: unknown) => e);
    expect((error as AppError).code).toBe('NOT_IN_LEGACY_API');
    await expect(client.describeProductInfo()).rejects.toMatchObject({ code: 'NOT_IN_LEGACY_API' });
    expect(h.fetch.calls).toHaveLength(0);
  });
});
