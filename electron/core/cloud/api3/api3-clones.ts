/**
 * The clone actions over API 3.0: CloneInstances (a billable order, sent once), its price, its order and the
 * facts the form's defaults and the preflight read. Request fields as the official models name them
 * (tencentcloud-sdk-nodejs 4.1.313 services/redis/v20180412/redis_models.d.ts).
 */
import { type DealState, dealStateByCode } from '../../../../shared/clones';
import type {
  CloneInstancesParams,
  CloneOrder,
  DealDetail,
  InquiryPriceParams,
  InstanceSecurityGroups,
  InstanceSpec,
  PriceQuote,
  SecondLevelBackupInfo,
  ZoneSale,
} from '../crs-api';
import { cloudTimeParam, withTime } from '../parsing/client-support';
import { cloudTimeToIso } from '../parsing/cloud-time';
import type { CrsOperation } from '../transport/rate-limiter';
import * as S from './api3-clone-schemas';
import type { SafeParser } from './api3-envelope';

export type Api3Call = <T>(
  action: CrsOperation,
  region: string,
  payload: Record<string, unknown>,
  schema: SafeParser<T>,
  ids: Record<string, string | number | undefined>,
  unknownOutcome?: 'CLONE_OUTCOME_UNKNOWN',
) => Promise<T>;

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
const isoOfSeconds = (value: number | null | undefined): string | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0
    ? new Date(value * 1000).toISOString()
    : undefined;

export class Api3Clones {
  readonly #call: Api3Call;
  readonly #tzOffset: number;

  constructor(call: Api3Call, tzOffsetMinutes: number) {
    this.#call = call;
    this.#tzOffset = tzOffsetMinutes;
  }

  /**
   * CloneTime's format is not given by the model ("克隆指定恢复数据的时间", a string); it is sent as the
   * `YYYY-MM-DD HH:mm:ss` China Standard Time wall clock every other CRS time parameter uses.
   */
  async cloneInstances(p: CloneInstancesParams): Promise<CloneOrder> {
    const payload = {
      InstanceId: p.instanceId,
      GoodsNum: p.goodsNum,
      ZoneId: p.zoneId,
      BillingMode: p.billingMode,
      Period: p.period,
      SecurityGroupIdList: p.securityGroupIds,
      BackupId: p.backupId,
      NoAuth: p.noAuth,
      VpcId: p.vpcId,
      SubnetId: p.subnetId,
      InstanceName: p.instanceName,
      // In the signed body only; ids alone reach logs and error details.
      Password: p.password,
      AutoRenew: p.autoRenew,
      VPort: p.vPort,
      NodeSet: p.nodeSet?.map((n) => ({ NodeType: n.nodeType, ZoneId: n.zoneId, ZoneName: n.zoneName })),
      ProjectId: p.projectId,
      ResourceTags: p.tags?.map((t) => ({ TagKey: t.key, TagValue: t.value })),
      TemplateId: p.templateId,
      AlarmPolicyList: p.alarmPolicyIds,
      CloneTime: cloudTimeParam(p.cloneTime, 'cloneTime', this.#tzOffset),
    };
    const data = await this.#call(
      'CloneInstances',
      p.region,
      payload,
      S.CloneInstancesResponseSchema,
      { instanceId: p.instanceId, backupId: p.backupId },
      'CLONE_OUTCOME_UNKNOWN',
    );
    return {
      ...(data.DealId ? { dealId: data.DealId } : {}),
      ...(data.DealName ? { dealName: data.DealName } : {}),
      instanceIds: data.InstanceIds ?? [],
    };
  }

  async inquiryPrice(p: InquiryPriceParams): Promise<PriceQuote> {
    const payload = {
      TypeId: p.typeId,
      MemSize: p.memSizeMb,
      GoodsNum: p.goodsNum,
      Period: p.period,
      BillingMode: p.billingMode,
      ZoneId: p.zoneId,
      RedisShardNum: p.shardNum,
      RedisReplicasNum: p.replicasNum,
      ProductVersion: p.productVersion,
    };
    const d = await this.#call(
      'InquiryPriceCreateInstance',
      p.region,
      payload,
      S.InquiryPriceCreateInstanceResponseSchema,
      { typeId: p.typeId },
    );
    const quote: PriceQuote = {};
    if (d.Price != null) quote.price = d.Price;
    if (d.HighPrecisionPrice != null) quote.highPrecisionPrice = d.HighPrecisionPrice;
    if (d.OriginalPrice != null) quote.originalPrice = d.OriginalPrice;
    if (d.HighPrecisionOriginalPrice != null) quote.highPrecisionOriginalPrice = d.HighPrecisionOriginalPrice;
    if (d.Currency) quote.currency = d.Currency;
    if (d.AmountUnit) quote.amountUnit = d.AmountUnit;
    return quote;
  }

  /** DealName is the current field (one name); DealIds is kept for the deprecated DealId. */
  async describeDeals(p: { region: string; dealIds?: string[]; dealName?: string }): Promise<DealDetail[]> {
    const payload = p.dealName ? { DealName: p.dealName } : { DealIds: p.dealIds ?? [] };
    const data = await this.#call(
      'DescribeInstanceDealDetail',
      p.region,
      payload,
      S.DescribeInstanceDealDetailResponseSchema,
      { dealName: p.dealName, dealIds: p.dealIds?.join(',') },
    );
    return (data.DealDetails ?? []).map((d) => {
      const state: DealState =
        d.Status != null && Object.hasOwn(dealStateByCode, d.Status)
          ? (dealStateByCode[d.Status] as DealState)
          : 'unknown';
      return {
        ...(d.DealId ? { dealId: d.DealId } : {}),
        ...(d.DealName ? { dealName: d.DealName } : {}),
        ...(d.Status != null ? { status: d.Status } : {}),
        state,
        ...(d.Description ? { description: d.Description } : {}),
        instanceIds: d.InstanceIds ?? [],
        ...(d.ZoneId != null ? { zoneId: d.ZoneId } : {}),
        ...withTime('createdAt', cloudTimeToIso(d.CreatTime, this.#tzOffset)),
        ...withTime('endedAt', cloudTimeToIso(d.EndTime, this.#tzOffset)),
        ...(d.Price != null ? { price: d.Price } : {}),
      };
    });
  }

  /** Timestamps are Unix seconds ("时间戳格式：Unix 时间戳"). */
  async secondLevelBackupInfo(p: {
    region: string;
    instanceId: string;
    time?: string;
  }): Promise<SecondLevelBackupInfo> {
    const payload = { InstanceId: p.instanceId, BackupTimestamp: p.time ? seconds(p.time) : undefined };
    const d = await this.#call(
      'DescribeSecondLevelBackupInfo',
      p.region,
      payload,
      S.DescribeSecondLevelBackupInfoResponseSchema,
      { instanceId: p.instanceId },
    );
    const missing = (d.MissingTimestamps ?? []).flatMap((m) => {
      const start = isoOfSeconds(m.StartTimeStamp);
      const end = isoOfSeconds(m.EndTimeStamp);
      return start && end ? [{ start, end }] : [];
    });
    return {
      ...(d.BackupId ? { backupId: d.BackupId } : {}),
      ...withTime('backupTime', isoOfSeconds(d.BackupTimestamp)),
      ...withTime('startTime', isoOfSeconds(d.StartTimestamp)),
      missing,
    };
  }

  async securityGroups(p: { region: string; instanceIds: string[] }): Promise<InstanceSecurityGroups> {
    const data = await this.#call(
      'DescribeInstanceSecurityGroup',
      p.region,
      { InstanceIds: p.instanceIds },
      S.DescribeInstanceSecurityGroupResponseSchema,
      { instanceIds: p.instanceIds.join(',') },
    );
    const out: InstanceSecurityGroups = {};
    for (const row of data.InstanceSecurityGroupsDetail ?? []) {
      if (!row.InstanceId) continue;
      out[row.InstanceId] = (row.SecurityGroupDetails ?? []).flatMap((g) =>
        g.SecurityGroupId
          ? [{ id: g.SecurityGroupId, ...(g.SecurityGroupName ? { name: g.SecurityGroupName } : {}) }]
          : [],
      );
    }
    return out;
  }

  /** "即使指定具体地域，也返回所有地域的售卖信息": the answer is filtered to the asked-for region. */
  async productInfo(p: { region: string }): Promise<ZoneSale[]> {
    const data = await this.#call(
      'DescribeProductInfo',
      p.region,
      {},
      S.DescribeProductInfoResponseSchema,
      {},
    );
    return (data.RegionSet ?? [])
      .filter((r) => r.RegionId === p.region)
      .flatMap((r) =>
        (r.ZoneSet ?? []).map((z) => ({
          region: p.region,
          ...(z.ZoneName ? { zoneName: z.ZoneName } : {}),
          ...(z.ZoneId ? { zoneCode: z.ZoneId } : {}),
          ...(z.OldZoneId != null ? { zoneId: z.OldZoneId } : {}),
          saleOut: z.IsSaleout === true,
          products: (z.ProductSet ?? []).flatMap((x) =>
            x.Type == null
              ? []
              : [
                  {
                    typeId: x.Type,
                    saleOut: x.Saleout === true,
                    ...(x.MinBuyNum != null ? { minBuyNum: x.MinBuyNum } : {}),
                    ...(x.MaxBuyNum != null ? { maxBuyNum: x.MaxBuyNum } : {}),
                    shardNum: x.ShardNum,
                    replicaNum: x.ReplicaNum,
                    totalSizeGb: x.TotalSize,
                    shardSizeGb: x.ShardSize,
                    payModes: x.PayMode == null ? [] : String(x.PayMode).split(','),
                  },
                ],
          ),
        })),
      );
  }

  /** One DescribeInstances row read for the fields a clone inherits; undefined when it is not listed. */
  async instanceSpec(p: { region: string; instanceId: string }): Promise<InstanceSpec | undefined> {
    const data = await this.#call(
      'DescribeInstances',
      p.region,
      { InstanceIds: [p.instanceId], Limit: 1, Offset: 0 },
      S.DescribeInstanceSpecResponseSchema,
      { instanceId: p.instanceId },
    );
    const row = (data.InstanceSet ?? [])
      .map((r) => S.InstanceSpecRowSchema.safeParse(r))
      .find((r) => r.success && r.data.InstanceId === p.instanceId);
    if (!row?.success) return undefined;
    const r = row.data;
    return {
      instanceId: r.InstanceId,
      typeId: r.Type,
      sizeMb: r.Size ?? 0,
      ...(r.RedisShardSize != null ? { shardSizeMb: r.RedisShardSize } : {}),
      ...(r.RedisShardNum != null ? { shardNum: r.RedisShardNum } : {}),
      ...(r.RedisReplicasNum != null ? { replicasNum: r.RedisReplicasNum } : {}),
      ...(r.BillingMode === 0 || r.BillingMode === 1 ? { billingMode: r.BillingMode } : {}),
      ...(r.ProductVersion ? { productVersion: r.ProductVersion } : {}),
      ...(r.BackupMode ? { backupMode: r.BackupMode } : {}),
      ...(r.NodeSet?.length
        ? {
            nodeSet: r.NodeSet.map((n) => ({
              nodeType: n.NodeType,
              ...(n.ZoneId != null ? { zoneId: n.ZoneId } : {}),
              ...(n.ZoneName ? { zoneName: n.ZoneName } : {}),
            })),
          }
        : {}),
      ...(r.WanIp ? { vip: r.WanIp } : {}),
      ...(r.Port != null ? { port: r.Port } : {}),
      ...(r.Status != null ? { status: r.Status } : {}),
    };
  }
}
