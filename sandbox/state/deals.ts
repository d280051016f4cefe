// Orders (deals) of new instances, and the account facts a purchase is checked against: a balance, an
// instance quota per region, the currency and amount unit of prices. A deal's status is derived from the
// clock and its clone tasks, so DescribeInstanceDealDetail always answers the state as it stands.
import { InstanceStatus } from './catalog.js';
import type { AmountUnit, Currency } from './prices.js';
import type { SandboxState } from './store.js';
import type { TaskRecord } from './types.js';

/**
 * TradeDealDetail.Status (SDK 4.1.313 redis_models.d.ts): "1：未支付 2:已支付，未发货 3:发货中 4:发货成功
 * 5:发货失败 6:已退款 7:已关闭订单 8:订单过期 9:订单已失效 10:产品已失效 11:代付拒绝 12:支付中".
 * A CloneInstances order is paid from the balance when it is placed (FailedOperation.PayFailed otherwise),
 * so the sandbox's orders walk 2 → 3 → 4, or 2 → 3 → 5 → 6 when delivery fails (the charge is then
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

/**
 * A clone's planned duration (--task-seconds) in phases: the order is "paid, not delivered" (2) for the
 * first tenth while the new instance waits "to be initialised" (Status 0); it is "delivering" (3) until
 * three tenths; then "delivered" (4) while the instance loads the backup (Status 1); the instance runs at the
 * end. A delivery that fails ends the clone task at three tenths (5, then 6 a tenth later).
 */
export const ORDER_SHARE = 0.1;
export const DELIVERY_SHARE = 0.3;
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
  /** The fail-next-task fault doomed this order: delivery fails (5, then refunded 6). */
  deliveryFails: boolean;
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

  /**
   * Runs after every task tick: moves a delivered clone's instance from "to be initialised" (0) to "in
   * process" (1, 添加实例中) while it loads its data, and refunds failed deliveries when they show 6.
   */
  tick(state: SandboxState): void {
    const now = state.now();
    for (const deal of this.deals.values()) {
      const { status } = dealStatus(deal, now);
      if (status === 6 && !deal.refunded) {
        deal.refunded = true;
        this.account.balancePent += deal.pricePent;
      }
      if (status !== 4) continue;
      for (const task of deal.tasks) {
        const instance = state.instances.get(task.instanceId);
        if (task.outcome || !instance || instance.status !== InstanceStatus.ToBeInitialized) continue;
        instance.status = InstanceStatus.InProcess;
        // The official DescribeInstances example's text for an instance being bought.
        instance.title = '添加实例中';
        state.instancesChanged();
      }
    }
  }

  findDeal(idOrName: string): DealRecord | undefined {
    for (const deal of this.deals.values())
      if (deal.dealId === idOrName || deal.dealName === idOrName) return deal;
    return undefined;
  }
}

/** The deal's status now (see DEAL_STATUS_TEXT), and when it reached its end state. */
export function dealStatus(deal: DealRecord, nowMs: number): { status: number; endMs: number | null } {
  const delivered = deal.createdMs + deal.durationMs * DELIVERY_SHARE;
  if (nowMs < deal.createdMs + deal.durationMs * ORDER_SHARE) return { status: 2, endMs: null };
  if (nowMs < delivered) return { status: 3, endMs: null };
  if (!deal.deliveryFails) return { status: 4, endMs: delivered };
  if (nowMs < delivered + deal.durationMs * REFUND_SHARE) return { status: 5, endMs: delivered };
  return { status: 6, endMs: delivered };
}
