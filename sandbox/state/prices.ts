// The sandbox's price table for new instances (InquiryPriceCreateInstance, and what CloneInstances charges).
//
// The SHAPE is Tencent's: InquiryPriceCreateInstanceRequest prices a TypeId, MemSize (MB; per shard for a
// cluster), RedisShardNum, RedisReplicasNum, BillingMode (0 pay-as-you-go, 1 monthly), Period (months) and
// GoodsNum; the answer has Price, OriginalPrice, their HighPrecision* twins, Currency and AmountUnit ("pent:
// 分", "microPent: 微分") — SDK 4.1.313 redis_models.d.ts. The FIGURES are the sandbox's own, chosen to be
// plausible; they are not Tencent's prices and no client may rely on them.
import { typeInfo } from './catalog.js';

export type Currency = 'CNY' | 'USD';
export type AmountUnit = 'pent' | 'microPent';

/** Monthly price of one GB on one node (master or replica), in pent (1/100 of the currency). */
export const RATE_PER_GB_NODE_MONTH: Readonly<Record<Currency, { standard: number; cluster: number }>> = {
  CNY: { standard: 3_000, cluster: 3_500 },
  USD: { standard: 430, cluster: 500 },
};

/** Monthly subscriptions of a year or more are discounted; pay-as-you-go never is. */
export const PERIOD_DISCOUNTS: ReadonlyArray<{ fromMonths: number; factor: number }> = [
  { fromMonths: 36, factor: 0.5 },
  { fromMonths: 24, factor: 0.7 },
  { fromMonths: 12, factor: 0.83 },
];

/** Pay-as-you-go costs half again the monthly rate, billed per hour of a 720-hour month. */
export const POSTPAID_MARKUP = 1.5;
export const HOURS_PER_MONTH = 720;

/** microPent is taken as a millionth of a pent; the scale of Tencent's unit is not documented. */
const MICRO_PER_PENT = 1_000_000;

export interface PriceSpec {
  type: number;
  /** MB; per shard for a cluster type, the whole instance otherwise. */
  memMb: number;
  shardNum: number;
  replicasNum: number;
  billingMode: 0 | 1;
  /** Months; 1 for pay-as-you-go. */
  period: number;
  goodsNum: number;
}

export interface Quote {
  /** What the prepaid purchase costs, or one hour of pay-as-you-go, in AmountUnit (rounded). */
  price: number;
  originalPrice: number;
  highPrecisionPrice: number;
  highPrecisionOriginalPrice: number;
  currency: Currency;
  amountUnit: AmountUnit;
  /** The same discounted amount in pent, unrounded: what the balance is charged against. */
  pent: number;
}

export function discountFactor(billingMode: 0 | 1, period: number): number {
  if (billingMode === 0) return 1;
  return PERIOD_DISCOUNTS.find((d) => period >= d.fromMonths)?.factor ?? 1;
}

/** Undiscounted monthly price of one instance of the spec, in pent. */
export function monthlyPent(spec: PriceSpec, currency: Currency): number {
  const rates = RATE_PER_GB_NODE_MONTH[currency];
  const rate = typeInfo(spec.type).cluster ? rates.cluster : rates.standard;
  return (spec.memMb / 1024) * spec.shardNum * (1 + spec.replicasNum) * rate;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function quote(spec: PriceSpec, currency: Currency, amountUnit: AmountUnit): Quote {
  const monthly = monthlyPent(spec, currency) * spec.goodsNum;
  const originalPent =
    spec.billingMode === 1 ? monthly * spec.period : (monthly * POSTPAID_MARKUP) / HOURS_PER_MONTH;
  const pent = originalPent * discountFactor(spec.billingMode, spec.period);
  const scale = amountUnit === 'microPent' ? MICRO_PER_PENT : 1;
  return {
    price: Math.round(pent * scale),
    originalPrice: Math.round(originalPent * scale),
    highPrecisionPrice: round6(pent * scale),
    highPrecisionOriginalPrice: round6(originalPent * scale),
    currency,
    amountUnit,
    pent,
  };
}
