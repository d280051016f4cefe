// Orders (deals) of new instances, and the account facts a purchase is checked against: a balance, an
// instance quota per region, the currency and amount unit of prices. A deal's status is derived from the
// clock and its clone tasks, so DescribeInstanceDealDetail always answers the state as it stands.
import type { AmountUnit, Currency } from './prices.js';
import type { TaskRecord } from './types.js';

/**
 * TradeDealDetail.Status (SDK 4.1.313 redis_models.d.ts): "1：未支付 2:已支付，未发货 3:发货中 4:发货成功
 * 5:发货失败 6:已退款 7:已关闭订单 8:订单过期 9:订单已失效 10:产品已失效 11:代付拒绝 12:支付中".
 * A CloneInstances order is paid from the balance when it is placed (FailedOperation.PayFailed otherwise),
 * so the sandbox's orders walk 2 → 3 → 4, or 2 → 3 → 5 → 6 when delivery fails (a prepaid order is then
 * refunded). 1, 7–12 belong to console and partner flows the sandbox does not model.
 */
export const DEAL_STATUS_TEXT: Readonly<Record<number, string>> = {
  1: '未支付',
  2: '已支付，未发货',
  3: '发货中',
  4: '发货成功',
  5: '发货失败',
  6: '已退款',
  7: '已关闭订单',
  8: '订单过期',
  9: '订单已失效',
  10: '产品已失效',
  11: '代付拒绝',
  12: '支付中',
};

/** Share of a clone's planned duration spent as "paid, not delivered" before delivery starts. */
export const ORDER_SHARE = 0.1;
/** A failed delivery is refunded this share of the planned duration after it failed. */
export const REFUND_SHARE = 0.1;
/** Orders expire 15 days after creation, as in the official DescribeInstanceDealDetail example. */
export const DEAL_OVERDUE_MS = 15 * 24 * 3600 * 1000;

export interface DealRecord {
  dealId: string;
  dealName: string;
  region: string;
  zoneId: number;
  goodsNum: number;
  creatorUin: string;
  createdMs: number;
  billingMode: 0 | 1;
  /** What was charged (prepaid: the whole period) or frozen (pay-as-you-go: the first hour), in pent. */
  pricePent: number;
  instanceIds: string[];
  /** One clone task per instance ("026" FLOW_CLONEBACKUP). */
  tasks: TaskRecord[];
  sourceInstanceId: string;
  backupId: string;
  cloneTimeMs: number | null;
  /** Planned duration of the whole order (the sandbox's --task-seconds). */
  durationMs: number;
  refunded: boolean;
}

export interface Account {
  uin: string;
  currency: Currency;
  amountUnit: AmountUnit;
  /** Cash balance in pent of the account's currency. */
  balancePent: number;
  /** Instances the account may hold per region (every status but -3 counts); a region not listed: default. */
  quotaByRegion: Map<string, number>;
  defaultQuota: number;
}

export function newAccount(): Account {
  return {
    uin: '100012345678',
    currency: 'CNY',
    amountUnit: 'pent',
    // Generous outside the demo seed (which sets its own), so fleet and empty sandboxes can buy.
    balancePent: 100_000_000,
    quotaByRegion: new Map(),
    defaultQuota: 100,
  };
}

/** Everything the clone actions keep besides instances and tasks. */
export class CloneLedger {
  readonly account: Account = newAccount();
  readonly deals = new Map<string, DealRecord>();
  /** CloneInstances requests that reached the action (after auth), accepted or refused. */
  cloneCalls = 0;
  /** Orders placed: what a "never a second order" test counts. */
  get ordersPlaced(): number {
    return this.deals.size;
  }
  /** Security groups an instance was created with (clones); other instances use their project's. */
  readonly boundGroups = new Map<string, readonly string[]>();
  private dealSeq = 3_100_000;
  private instanceSeq = 0;

  /** A new instance id of the usual shape (`crs-` and eight lower-case letters or digits). */
  newInstanceId(): string {
    this.instanceSeq += 1;
    return `crs-cl${this.instanceSeq.toString(36).padStart(6, '0')}`;
  }

  newDealIds(beijingDate: string): { dealId: string; dealName: string } {
    this.dealSeq += 1;
    // DealName is a date plus a serial, like the official example's "20181101110365".
    return {
      dealId: String(this.dealSeq),
      dealName: `${beijingDate}${String(this.dealSeq % 1_000_000).padStart(6, '0')}`,
    };
  }

  quotaOf(region: string): number {
    return this.account.quotaByRegion.get(region) ?? this.account.defaultQuota;
  }

  findDeal(idOrName: string): DealRecord | undefined {
    for (const deal of this.deals.values())
      if (deal.dealId === idOrName || deal.dealName === idOrName) return deal;
    return undefined;
  }
}

/** The deal's status now (see DEAL_STATUS_TEXT), and when it reached its end state. */
export function dealStatus(deal: DealRecord, nowMs: number): { status: number; endMs: number | null } {
  if (nowMs < deal.createdMs + deal.durationMs * ORDER_SHARE) return { status: 2, endMs: null };
  if (deal.tasks.some((t) => t.outcome === null)) return { status: 3, endMs: null };
  const endMs = Math.max(...deal.tasks.map((t) => t.outcome?.atMs ?? deal.createdMs));
  if (deal.tasks.every((t) => t.outcome?.status === 'succeed')) return { status: 4, endMs };
  if (nowMs >= endMs + deal.durationMs * REFUND_SHARE) return { status: 6, endMs };
  return { status: 5, endMs };
}
