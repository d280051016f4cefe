/**
 * The source's spec as InquiryPriceCreateInstance takes it, and the answer as a price the window can state.
 * A clone copies its source's spec (CloneInstances has no spec field), so the price is that of a new
 * instance of the same type, memory, shards and replicas in the chosen zone and billing.
 */
import {
  type BillingMode,
  billingModeCode,
  type ClonePlan,
  type ClonePrice,
  type CloneSpec,
  type Money,
} from '../../../shared/clones';
import type { Instance } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { CrsApi, InstanceSpec, PriceQuote } from '../cloud/crs-api';

/** The second-level backup mode as DescribeInstances names it ("SecondLevelBackup：秒级备份"). */
const SECOND_LEVEL = 'SecondLevelBackup';

/**
 * The spec a clone inherits. MemSize is "TypeId为标准架构时，MemSize是实例总内存容量；TypeId为集群架构时，
 * MemSize是单分片内存容量" (InquiryPriceCreateInstanceRequest): a cluster prices by its shard size. A field
 * the listing lacks leaves the spec unknown: no price is then stated.
 */
export function cloneSpec(instance: Instance, spec: InstanceSpec | undefined): CloneSpec | undefined {
  if (!spec) return undefined;
  const cluster = instance.architecture === 'cluster';
  const memSizeMb = cluster ? spec.shardSizeMb : spec.sizeMb;
  const shardNum = spec.shardNum ?? (cluster ? undefined : 1);
  if (memSizeMb === undefined || memSizeMb <= 0 || shardNum === undefined || spec.replicasNum === undefined)
    return undefined;
  return {
    typeId: spec.typeId,
    memSizeMb,
    shardNum,
    replicasNum: spec.replicasNum,
    ...(spec.productVersion ? { productVersion: spec.productVersion } : {}),
    ...(spec.billingMode !== undefined
      ? { billingMode: (spec.billingMode === 0 ? 'pay-as-you-go' : 'monthly') as BillingMode }
      : {}),
    secondLevelBackup: spec.backupMode === SECOND_LEVEL,
  };
}

/**
 * AmountUnit: "pent: 分", "microPent: 微分" (InquiryPriceCreateInstanceResponse). Without it the price is read
 * in 分, the unit the order's own price is documented in ("订单实际总价，单位：分", TradeDealDetail.Price), and
 * the price says the unit was not stated. A unit outside the documented two is refused: no amount is then
 * stated rather than a wrong one.
 */
function money(amount: number, quote: PriceQuote): Money {
  const stated = quote.amountUnit;
  if (stated !== undefined && stated !== 'pent' && stated !== 'microPent') {
    throw new AppError('BAD_RESPONSE', `The price came in a unit the app does not know: ${stated}.`, {
      amountUnit: stated,
    });
  }
  return {
    amount,
    unit: stated ?? 'pent',
    unitStated: stated !== undefined,
    ...(quote.currency ? { currency: quote.currency } : {}),
  };
}

/** The price of a clone of this spec under the plan's zone and billing. */
export async function quoteClone(
  api: CrsApi,
  plan: Pick<ClonePlan, 'region' | 'zoneId' | 'billingMode' | 'period'>,
  spec: CloneSpec,
  now: number,
): Promise<ClonePrice> {
  const quote = await api.inquiryPriceCreateInstance({
    region: plan.region,
    typeId: spec.typeId,
    memSizeMb: spec.memSizeMb,
    goodsNum: 1,
    period: plan.period,
    billingMode: billingModeCode[plan.billingMode],
    zoneId: plan.zoneId,
    shardNum: spec.shardNum,
    replicasNum: spec.replicasNum,
    ...(spec.productVersion ? { productVersion: spec.productVersion } : {}),
  });
  if (quote.price === undefined) {
    throw new AppError('BAD_RESPONSE', 'The price answer carries no Price.', {
      action: 'InquiryPriceCreateInstance',
    });
  }
  return {
    billingMode: plan.billingMode,
    period: plan.period,
    price: money(quote.price, quote),
    ...(quote.originalPrice !== undefined ? { originalPrice: money(quote.originalPrice, quote) } : {}),
    per: plan.billingMode === 'pay-as-you-go' ? 'hour' : 'period',
    quotedAt: new Date(now).toISOString(),
  };
}

/** True when two prices state the same thing: the same amount, unit, currency, billing and period. */
export function samePrice(a: ClonePrice, b: ClonePrice): boolean {
  return (
    a.billingMode === b.billingMode &&
    a.period === b.period &&
    a.per === b.per &&
    a.price.amount === b.price.amount &&
    a.price.unit === b.price.unit &&
    (a.price.currency ?? '') === (b.price.currency ?? '')
  );
}
