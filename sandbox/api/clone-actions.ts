// API 3.0 actions for restoring into a new instance: CloneInstances (state/clone-flow.ts), the price of a
// new instance, the order that follows it, point-in-time ranges, and the defaults a clone form needs
// (security groups, zones and specs on sale). Request and answer shapes are the SDK 4.1.313 models.
import { CRS_ZONES } from '../../shared/crs-zones.js';
import { formatTencentTime } from '../clock.js';
import { findRegion } from '../state/catalog.js';
import { startClone } from '../state/clone-flow.js';
import type { CloneRequestFields } from '../state/clone-options.js';
import { MAX_GOODS } from '../state/clone-options.js';
import { DEAL_OVERDUE_MS, DEAL_STATUS_TEXT, type DealRecord, dealStatus } from '../state/deals.js';
import { quote } from '../state/prices.js';
import { specProblem, zoneInRegion } from '../state/products.js';
import { baseBackupAt, SECOND_LEVEL_WINDOW_MS, secondLevelRange } from '../state/second-level.js';
import type { SandboxState } from '../state/store.js';
import type { ActionAnswer, ActionContext, ActionResult } from './action-types.js';
import { describeProductInfo, describeSecurityGroups } from './clone-form-actions.js';
import { int, type ParamsOf, str, strs } from './params.js';
import { readScopeRefusal } from './read-scope.js';
import type { RequestOf } from './sdk-models.js';
import type { ActionDef } from './v3-actions.js';

type CloneAction =
  | 'CloneInstances'
  | 'InquiryPriceCreateInstance'
  | 'DescribeInstanceDealDetail'
  | 'DescribeSecondLevelBackupInfo'
  | 'DescribeInstanceSecurityGroup'
  | 'DescribeProductInfo';

type P<A extends CloneAction> = ParamsOf<RequestOf<A>>;

const S = { type: 'string' } as const;
const I = { type: 'int' } as const;
const B = { type: 'bool' } as const;
const fail = (code: string, message: string) => ({ ok: false as const, code, message });

function cloneInstances(
  ctx: ActionContext,
  p: P<'CloneInstances'>,
): ActionResult<ActionAnswer<'CloneInstances'>> {
  const result = startClone(ctx.state, ctx.region, ctx.principal, p as unknown as CloneRequestFields);
  if (!result.ok) return result;
  const { deal } = result;
  // DealId is marked deprecated in the model but still answered, as in the official example.
  return {
    ok: true,
    data: { DealId: deal.dealId, DealName: deal.dealName, InstanceIds: [...deal.instanceIds] },
  };
}

function zoneIdOf(region: string, zoneId: number | undefined, zoneName: string | undefined): number | null {
  if (zoneId !== undefined) return zoneId;
  for (const [id, zone] of CRS_ZONES) if (zone.api === zoneName) return id;
  const info = findRegion(region);
  return info?.zones.find((z) => `${region}-${z % 10}` === zoneName) ?? null;
}

function inquiryPrice(
  ctx: ActionContext,
  p: P<'InquiryPriceCreateInstance'>,
): ActionResult<ActionAnswer<'InquiryPriceCreateInstance'>> {
  const zoneName = str(p, 'ZoneName');
  if (int(p, 'ZoneId') === undefined && zoneName === undefined) {
    return fail('MissingParameter', 'One of ZoneId and ZoneName is required.');
  }
  const billingMode = int(p, 'BillingMode') ?? -1;
  if (billingMode !== 0 && billingMode !== 1)
    return fail('InvalidParameterValue', 'BillingMode must be 0 or 1.');
  // "购买时长…按量计费实例填1即可…取值范围 [1,2,3,4,5,6,7,8,9,10,11,12,24,36]".
  const period = int(p, 'Period') ?? 0;
  const periods = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36];
  if (billingMode === 1 ? !periods.includes(period) : period !== 1) {
    return fail('InvalidParameterValue', `Period ${period} is not allowed for BillingMode ${billingMode}.`);
  }
  const goodsNum = int(p, 'GoodsNum') ?? 0;
  const maxGoods = billingMode === 1 ? MAX_GOODS.prepaid : MAX_GOODS.postpaid;
  if (goodsNum < 1 || goodsNum > maxGoods)
    return fail('InvalidParameterValue', `GoodsNum must be 1..${maxGoods}.`);
  const type = int(p, 'TypeId') ?? 0;
  const spec = {
    type,
    memMb: int(p, 'MemSize') ?? 0,
    shardNum: int(p, 'RedisShardNum') ?? 1,
    replicasNum: int(p, 'RedisReplicasNum') ?? 1,
  };
  const zoneId = zoneIdOf(ctx.region, int(p, 'ZoneId'), zoneName);
  const problem =
    specProblem(spec) ??
    (zoneId === null || !zoneInRegion(ctx.region, zoneId) ? `Zone not sold in ${ctx.region}.` : null);
  if (problem) return fail('InvalidParameterValue.SpecNotExist', problem);
  const { account } = ctx.state.clones;
  const q = quote({ ...spec, billingMode, period, goodsNum }, account.currency, account.amountUnit);
  return {
    ok: true,
    data: {
      Price: q.price,
      HighPrecisionPrice: q.highPrecisionPrice,
      OriginalPrice: q.originalPrice,
      HighPrecisionOriginalPrice: q.highPrecisionOriginalPrice,
      Currency: q.currency,
      AmountUnit: q.amountUnit,
    },
  };
}

/** A deal as DescribeInstanceDealDetail shows it now (refunds happen in the state's tick). */
function dealRow(state: SandboxState, deal: DealRecord) {
  const { status, endMs } = dealStatus(deal, state.now());
  return {
    DealId: deal.dealId,
    DealName: deal.dealName,
    ZoneId: deal.zoneId,
    GoodsNum: deal.goodsNum,
    Creater: deal.creatorUin,
    CreatTime: formatTencentTime(deal.createdMs),
    OverdueTime: formatTencentTime(deal.createdMs + DEAL_OVERDUE_MS),
    EndTime: endMs === null ? '0000-00-00 00:00:00' : formatTencentTime(endMs),
    Status: status,
    Description: DEAL_STATUS_TEXT[status] ?? '',
    Price: deal.pricePent,
    InstanceIds: [...deal.instanceIds],
  };
}

function describeDeals(
  ctx: ActionContext,
  p: P<'DescribeInstanceDealDetail'>,
): ActionResult<ActionAnswer<'DescribeInstanceDealDetail'>> {
  ctx.state.tick();
  const ids = [
    ...(strs(p, 'DealIds') ?? []),
    ...(str(p, 'DealName') !== undefined ? [str(p, 'DealName') ?? ''] : []),
  ];
  // "数组最大长度限制为10".
  if (ids.length === 0) return fail('MissingParameter', 'DealIds or DealName is required.');
  if ((strs(p, 'DealIds') ?? []).length > 10)
    return fail('InvalidParameter', 'DealIds holds at most 10 ids.');
  const deals = ids
    .map((id) => ctx.state.clones.findDeal(id))
    .filter((d): d is DealRecord => d !== undefined && d.region === ctx.region);
  const unique = [...new Set(deals)];
  const refusal = readScopeRefusal(ctx.state, ctx.principal, {
    instanceIds: unique.flatMap((d) => d.instanceIds),
  });
  if (refusal) return refusal;
  return { ok: true, data: { DealDetails: unique.map((d) => dealRow(ctx.state, d)) } };
}

function describeSecondLevel(
  ctx: ActionContext,
  p: P<'DescribeSecondLevelBackupInfo'>,
): ActionResult<ActionAnswer<'DescribeSecondLevelBackupInfo'>> {
  const id = (str(p, 'InstanceId') ?? '').trim();
  if (id === '') return fail('InvalidParameter.EmptyParam', 'InstanceId must not be empty.');
  const instance = ctx.state.instances.get(id);
  if (!instance || instance.region !== ctx.region) {
    return fail('ResourceNotFound.InstanceNotExists', `Instance ${id} does not exist in ${ctx.region}.`);
  }
  const refusal = readScopeRefusal(ctx.state, ctx.principal, { instanceIds: [id] });
  if (refusal) return refusal;
  const now = ctx.state.now();
  const range = secondLevelRange(instance, now);
  if (!range) return fail('FailedOperation.UnSupportError', `Instance ${id} has no second-level backup.`);
  const atSec = int(p, 'BackupTimestamp') ?? Math.floor(now / 1000);
  // "设置范围：支持7天内任意秒级时间点".
  if (atSec * 1000 < now - SECOND_LEVEL_WINDOW_MS || atSec * 1000 > now) {
    return fail('InvalidParameter.InvalidParameter', 'BackupTimestamp must lie within the last 7 days.');
  }
  const base = baseBackupAt(ctx.state, instance, atSec * 1000);
  const sec = (ms: number) => Math.floor(ms / 1000);
  return {
    ok: true,
    data: {
      BackupId: base?.id ?? '',
      BackupTimestamp: atSec,
      // "此字段可能返回 null": the official example answers null when nothing is missing.
      MissingTimestamps:
        range.gaps.length === 0
          ? (null as unknown as undefined)
          : range.gaps.map((g) => ({ StartTimeStamp: sec(g.fromMs), EndTimeStamp: sec(g.toMs) })),
      StartTimestamp: sec(range.startMs),
    },
  };
}

export const CLONE_ACTIONS: { readonly [A in CloneAction]: ActionDef<A> } = {
  CloneInstances: {
    schema: {
      InstanceId: { type: 'string', required: true },
      GoodsNum: { type: 'int', required: true },
      ZoneId: { type: 'int', required: true },
      BillingMode: { type: 'int', required: true },
      Period: { type: 'int', required: true },
      SecurityGroupIdList: { type: 'string[]', required: true },
      BackupId: { type: 'string', required: true },
      NoAuth: B,
      VpcId: S,
      SubnetId: S,
      InstanceName: S,
      Password: S,
      AutoRenew: I,
      VPort: I,
      NodeSet: { type: 'object[]' },
      ProjectId: I,
      ResourceTags: { type: 'object[]' },
      TemplateId: S,
      AlarmPolicyList: { type: 'string[]' },
      CloneTime: S,
      EncryptPassword: B,
      PasswordPolicy: { type: 'object' },
      EnableSSL: B,
      SSLBindPrivateIPv4: B,
      ProductVersion: S,
    },
    run: cloneInstances,
  },
  InquiryPriceCreateInstance: {
    schema: {
      TypeId: { type: 'int', required: true },
      MemSize: { type: 'int', required: true },
      GoodsNum: { type: 'int', required: true },
      Period: { type: 'int', required: true },
      BillingMode: { type: 'int', required: true },
      ZoneId: I,
      RedisShardNum: I,
      RedisReplicasNum: I,
      ReplicasReadonly: B,
      ZoneName: S,
      ProductVersion: S,
    },
    run: inquiryPrice,
  },
  DescribeInstanceDealDetail: {
    schema: { DealIds: { type: 'string[]' }, DealName: S },
    run: describeDeals,
  },
  DescribeSecondLevelBackupInfo: {
    schema: { InstanceId: S, BackupTimestamp: I },
    run: describeSecondLevel,
  },
  DescribeInstanceSecurityGroup: {
    schema: { InstanceIds: { type: 'string[]', required: true } },
    run: describeSecurityGroups,
  },
  DescribeProductInfo: { schema: {}, run: describeProductInfo },
};
