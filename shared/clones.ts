/**
 * Restore into a new instance (CloneInstances): the form the window fills, the price it shows, the checks it
 * runs, and what a clone task records. Field meanings follow the official request and response models
 * (tencentcloud-sdk-nodejs 4.1.313 services/redis/v20180412/redis_models.d.ts: CloneInstancesRequest,
 * InquiryPriceCreateInstanceResponse, TradeDealDetail, DescribeSecondLevelBackupInfoResponse).
 */
import { z } from 'zod';
import { InstanceSchema, TagSchema } from './domain';
import { RegionSchema } from './profiles';

const Id = z.string().min(1).max(128);
const InstanceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an instance id such as crs-abcd1234');
const BackupId = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a backup id');
const IsoTime = z.iso.datetime({ offset: true });

/** The instance a clone is made from. */
export const CloneSourceSchema = z
  .object({ profileId: Id, region: RegionSchema, instanceId: InstanceId })
  .strict();
export type CloneSource = z.infer<typeof CloneSourceSchema>;

/** BillingMode: "0：按量计费。1：包年包月。" (CloneInstancesRequest). */
export const BillingModeSchema = z.enum(['pay-as-you-go', 'monthly']);
export type BillingMode = z.infer<typeof BillingModeSchema>;
export const billingModeCode: Readonly<Record<BillingMode, 0 | 1>> = { 'pay-as-you-go': 0, monthly: 1 };

/** Period for monthly billing: "[1,2,3,4,5,6,7,8,9,10,11,12,24,36,48,60]"; pay-as-you-go sends 1. */
export const MONTHLY_PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36, 48, 60] as const;

/** InstanceName: "仅支持长度小于60的中文、英文或者数字，短划线"-"、下划线"_"". */
export const CLONE_NAME_PATTERN = /^[\p{Script=Han}A-Za-z0-9_-]{1,59}$/u;

/** What the clone restores: a backup by id, or a point in time (instances with second-level backups). */
export const ClonePointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('backup'), backupId: BackupId }).strict(),
  z.object({ kind: z.literal('time'), time: IsoTime }).strict(),
]);
export type ClonePoint = z.infer<typeof ClonePointSchema>;

/** RedisNodeInfo as CloneInstances takes it: NodeType 0 master, 1 replica, and its zone. */
export const CloneNodeSchema = z
  .object({ nodeType: z.union([z.literal(0), z.literal(1)]), zoneId: z.number().int().positive() })
  .strict();

/** Everything CloneInstances is asked except the password: what price, preflight and tccli work from. */
export const ClonePlanSchema = z
  .object({
    profileId: Id,
    region: RegionSchema,
    sourceInstanceId: InstanceId,
    point: ClonePointSchema,
    zoneId: z.number().int().positive(),
    billingMode: BillingModeSchema,
    /** Months; must be 1 for pay-as-you-go. */
    period: z.number().int().min(1).max(60),
    vpcId: z.string().max(64).optional(),
    subnetId: z.string().max(64).optional(),
    securityGroupIds: z.array(z.string().regex(/^sg-[A-Za-z0-9]{1,32}$/)).max(10),
    instanceName: z.string().regex(CLONE_NAME_PATTERN, 'up to 59 letters, digits, Chinese, - or _'),
    noAuth: z.boolean().default(false),
    port: z.number().int().min(1024).max(65535).optional(),
    nodeSet: z.array(CloneNodeSchema).max(12).optional(),
    projectId: z.number().int().nonnegative().optional(),
    tags: z.array(TagSchema).max(50).default([]),
    templateId: z.string().max(64).optional(),
    /** 0 manual renewal (the default), 1 auto-renew, 2 isolate when due. */
    autoRenew: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    alarmPolicyIds: z.array(z.string().max(64)).max(20).optional(),
  })
  .strict()
  .refine((p) => p.billingMode === 'monthly' || p.period === 1, {
    message: 'pay-as-you-go takes period 1',
    path: ['period'],
  })
  .refine(
    (p) => p.billingMode === 'pay-as-you-go' || (MONTHLY_PERIODS as readonly number[]).includes(p.period),
    {
      message: 'a monthly period the API accepts',
      path: ['period'],
    },
  );
export type ClonePlan = z.infer<typeof ClonePlanSchema>;

/**
 * A price as InquiryPriceCreateInstance gives it. `amount` is in `unit` ("pent: 分", "microPent: 微分");
 * the high-precision value is preferred when present. An answer without AmountUnit is taken as pent, the
 * unit of the older field docs, and says so (`unitStated: false`); without Currency the currency is unknown.
 */
export const MoneySchema = z.object({
  amount: z.number().nonnegative(),
  unit: z.enum(['pent', 'microPent']),
  unitStated: z.boolean(),
  /** ISO currency as the cloud names it (CNY, USD), or absent when the answer did not say. */
  currency: z.string().max(8).optional(),
});
export type Money = z.infer<typeof MoneySchema>;

export const ClonePriceSchema = z.object({
  billingMode: BillingModeSchema,
  period: z.number().int(),
  /** Price after discount. */
  price: MoneySchema,
  originalPrice: MoneySchema.optional(),
  /**
   * What the price covers: for pay-as-you-go, one hour of the new instance (the console's hourly price); for
   * monthly billing, the whole period. Not stated by the response model; see docs/CLOUD-FIDELITY.md.
   */
  per: z.enum(['hour', 'period']),
  quotedAt: z.string(),
});
export type ClonePrice = z.infer<typeof ClonePriceSchema>;

/** The source's shape as a clone inherits it (CloneInstances copies the source's spec). */
export const CloneSpecSchema = z.object({
  typeId: z.number().int(),
  /** Standard: total memory; cluster: per shard (InquiryPriceCreateInstance MemSize). */
  memSizeMb: z.number().int().nonnegative(),
  shardNum: z.number().int().positive(),
  replicasNum: z.number().int().nonnegative(),
  productVersion: z.string().optional(),
  billingMode: BillingModeSchema.optional(),
  secondLevelBackup: z.boolean(),
});
export type CloneSpec = z.infer<typeof CloneSpecSchema>;

/** The form pre-filled from the source; `unread` names what could not be read (left for the user). */
export const CloneDefaultsSchema = z.object({
  source: InstanceSchema,
  spec: CloneSpecSchema,
  /** A ClonePlan less what the user must choose (name, point); pay-as-you-go by default. */
  plan: z.object({
    zoneId: z.number().int().optional(),
    billingMode: BillingModeSchema,
    period: z.number().int(),
    vpcId: z.string().optional(),
    subnetId: z.string().optional(),
    securityGroupIds: z.array(z.string()),
    noAuth: z.boolean(),
    port: z.number().int().optional(),
    nodeSet: z.array(CloneNodeSchema).optional(),
    projectId: z.number().int(),
    tags: z.array(TagSchema),
  }),
  unread: z.array(z.enum(['security-groups', 'spec', 'zone'])),
});
export type CloneDefaults = z.infer<typeof CloneDefaultsSchema>;

export const TimeRangeSchema = z.object({ start: z.string(), end: z.string() });

/** The point-in-time range of an instance with second-level backups (DescribeSecondLevelBackupInfo). */
export const PitrRangeSchema = z.object({
  /** False when the instance has no second-level backups: only backups by id can be cloned. */
  enabled: z.boolean(),
  /** The later of when second-level backup was turned on (StartTimestamp) and the 7-day limit. */
  start: z.string().optional(),
  /** The newest time the answer covers (the moment of the query). */
  end: z.string().optional(),
  /** Ranges without a backup (MissingTimestamps): no clone to a time inside them. */
  missing: z.array(TimeRangeSchema),
  checkedAt: z.string(),
});
export type PitrRange = z.infer<typeof PitrRangeSchema>;

export const CloneCheckSchema = z.object({
  id: z.enum([
    'endpoint-reachable',
    'source-found',
    'source-running',
    'backup-restorable',
    'point-in-range',
    'zone-sells-spec',
    'quota',
    'name-valid',
    'password-valid',
    'network',
  ]),
  /** `unknown`: the API offers no way to check it here; the cloud decides when the order is placed. */
  state: z.enum(['pass', 'fail', 'unknown']),
  /** English, for logs and as the fallback text. */
  detail: z.string(),
  reason: z.string(),
  params: z.record(z.string(), z.string()).default({}),
});
export type CloneCheck = z.infer<typeof CloneCheckSchema>;

export const ClonePreflightSchema = z.object({
  checks: z.array(CloneCheckSchema),
  /** No check failed (unknown ones do not block; they are shown). */
  passed: z.boolean(),
  price: ClonePriceSchema.optional(),
  requiresTypedConfirmation: z.boolean(),
  /** What the user types to confirm: the new instance's name. */
  confirmationText: z.string(),
  /**
   * For a point in time: the backup DescribeSecondLevelBackupInfo names for that second, which CloneInstances
   * is sent with (its BackupId is required even with CloneTime). Absent when the cloud named none.
   */
  pointBackupId: z.string().optional(),
});
export type ClonePreflight = z.infer<typeof ClonePreflightSchema>;

export const CloneStartSchema = z
  .object({
    plan: ClonePlanSchema,
    password: z.string().max(64).optional(),
    confirmation: z.string().max(300).optional(),
    /** The price the window showed; the clone is refused if the cloud's price changed since. */
    priceShown: ClonePriceSchema,
  })
  .strict();
export type CloneStart = z.infer<typeof CloneStartSchema>;

/**
 * TradeDealDetail.Status: "1：未支付 2:已支付，未发货 3:发货中 4:发货成功 5:发货失败 6:已退款 7:已关闭订单
 * 8:订单过期 9:订单已失效 10:产品已失效 11:代付拒绝 12:支付中". Any other value is `unknown`.
 */
export const DealStateSchema = z.enum([
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
]);
export type DealState = z.infer<typeof DealStateSchema>;

export const dealStateByCode: Readonly<Record<number, DealState>> = {
  1: 'unpaid',
  2: 'paid',
  3: 'delivering',
  4: 'delivered',
  5: 'delivery-failed',
  6: 'refunded',
  7: 'closed',
  8: 'expired',
  9: 'invalid',
  10: 'product-invalid',
  11: 'payment-refused',
  12: 'paying',
};

/** Deal states after which no instance will be delivered. */
export const failedDealStates: readonly DealState[] = [
  'delivery-failed',
  'refunded',
  'closed',
  'expired',
  'invalid',
  'product-invalid',
  'payment-refused',
];

/** The one task a clone is shown as: ordering → creating → restoring data → running. */
export const CloneStageSchema = z.enum(['ordering', 'creating', 'restoring', 'running']);
export type CloneStage = z.infer<typeof CloneStageSchema>;

/** What a clone task records beyond a restore's fields (never the password). */
export const CloneDetailsSchema = z.object({
  stage: CloneStageSchema,
  point: ClonePointSchema,
  /** The plan as sent, less profile and source (the record carries those). */
  instanceName: z.string(),
  zoneId: z.number().int(),
  billingMode: BillingModeSchema,
  period: z.number().int(),
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  securityGroupIds: z.array(z.string()),
  projectId: z.number().int().optional(),
  priceShown: ClonePriceSchema.optional(),
  dealId: z.string().optional(),
  dealName: z.string().optional(),
  dealState: DealStateSchema.optional(),
  dealStatusRaw: z.number().int().optional(),
  newInstanceId: z.string().optional(),
  /** The new instance's private address once it runs. */
  address: z.object({ vip: z.string(), port: z.number().int() }).optional(),
});
export type CloneDetails = z.infer<typeof CloneDetailsSchema>;

/** Units of a currency's major unit (yuan, dollar) per amount unit: 分 is 1/100, 微分 a millionth of 分. */
const PER_MAJOR: Readonly<Record<Money['unit'], number>> = { pent: 100, microPent: 100_000_000 };

/** The amount in the currency's major unit (304.00 for 30400 pent). */
export function majorAmount(money: Money): number {
  return money.amount / PER_MAJOR[money.unit];
}

/** "CNY 304.00", or "304.00 (currency not stated)" in English; the window formats its own language. */
export function moneyText(money: Money): string {
  const value = majorAmount(money).toFixed(money.unit === 'microPent' ? 4 : 2);
  return money.currency ? `${money.currency} ${value}` : `${value} (currency not stated)`;
}

/** What a pay-as-you-go clone costs per hour while it runs; undefined for monthly billing (paid up front). */
export function hourlyCost(price: ClonePrice | undefined): Money | undefined {
  return price && price.billingMode === 'pay-as-you-go' && price.per === 'hour' ? price.price : undefined;
}

/**
 * What the task view offers once a clone runs. Nothing here is done by the app: it shows the new address and
 * how to release the clone, and it never switches or releases anything.
 *
 * - Moving traffic: clients are pointed at the new address. SwitchAccessNewInstance is not offered: its
 *   documentation limits it to "处于时间窗口中待切换操作的实例" (an instance waiting in its time window for the
 *   switch of a spec or version change), which a clone is not; SwitchInstanceVip swaps addresses only "在通过
 *   DTS 支持跨可用区灾备的场景中" with a DTS sync between the two (tencentcloud-sdk-nodejs 4.1.313
 *   services/redis/v20180412/redis_client.d.ts; https://cloud.tencent.com/document/api/239/102362). The
 *   switch time window is that of a version upgrade's last step, "等待切换…绑定 VIP 至新实例"
 *   (https://cloud.tencent.com/document/product/239/46457). Neither applies to a clone made from a backup.
 * - Releasing: pay-as-you-go instances are destroyed with DestroyPostpaidInstance ("用于销毁按量计费实例"),
 *   monthly ones returned with DestroyPrepaidInstance ("用于退还包年包月计费的 Redis 实例"), same source.
 */
export interface CloneAftercare {
  newInstanceId?: string;
  address?: { vip: string; port: number };
  hourlyCost?: Money;
  release: { action: 'DestroyPostpaidInstance' | 'DestroyPrepaidInstance'; instanceId?: string };
  switchAccess: { offered: false; reason: 'only-for-time-window-switch' };
}

export function cloneAftercare(clone: CloneDetails): CloneAftercare {
  const hourly = hourlyCost(clone.priceShown);
  return {
    ...(clone.newInstanceId ? { newInstanceId: clone.newInstanceId } : {}),
    ...(clone.address ? { address: clone.address } : {}),
    ...(hourly ? { hourlyCost: hourly } : {}),
    release: {
      action: clone.billingMode === 'pay-as-you-go' ? 'DestroyPostpaidInstance' : 'DestroyPrepaidInstance',
      ...(clone.newInstanceId ? { instanceId: clone.newInstanceId } : {}),
    },
    switchAccess: { offered: false, reason: 'only-for-time-window-switch' },
  };
}

/**
 * An ISO time as the `YYYY-MM-DD HH:mm:ss` China Standard Time (UTC+8) wall clock the app sends CloneTime in
 * (electron/core/cloud/api3/api3-clones.ts), so the tccli command says exactly what the app sends.
 */
export function chinaWallClock(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * CloneInstances' parameters as tccli takes them with `--cli-unfold-argument` (arrays as `Name.N` and
 * `Name.N.Field`, as the published example does: tencentcloud-cli tccli/examples/redis/v20180412/
 * CloneInstances.md). The password is never among them: tccli.ts adds `--Password "$CRS_PASSWORD"`.
 */
export function cloneTccliParams(
  plan: ClonePlan,
  /** For a point in time: the backup the cloud names for that second (ClonePreflight.pointBackupId). */
  pointBackupId?: string,
): Record<string, string | number | readonly string[] | undefined> {
  const params: Record<string, string | number | readonly string[] | undefined> = {
    InstanceId: plan.sourceInstanceId,
    GoodsNum: 1,
    ZoneId: plan.zoneId,
    BillingMode: billingModeCode[plan.billingMode],
    Period: plan.period,
  };
  params.SecurityGroupIdList = plan.securityGroupIds;
  if (plan.point.kind === 'backup') params.BackupId = plan.point.backupId;
  else {
    // BackupId is required by the model even with CloneTime; the app sends the one named for that second.
    if (pointBackupId) params.BackupId = pointBackupId;
    params.CloneTime = chinaWallClock(plan.point.time);
  }
  params.VpcId = plan.vpcId;
  params.SubnetId = plan.subnetId;
  params.InstanceName = plan.instanceName;
  if (plan.noAuth) params.NoAuth = 'true';
  params.VPort = plan.port;
  plan.nodeSet?.forEach((n, i) => {
    params[`NodeSet.${i}.NodeType`] = n.nodeType;
    params[`NodeSet.${i}.ZoneId`] = n.zoneId;
  });
  params.ProjectId = plan.projectId;
  plan.tags.forEach((t, i) => {
    params[`ResourceTags.${i}.TagKey`] = t.key;
    params[`ResourceTags.${i}.TagValue`] = t.value;
  });
  params.TemplateId = plan.templateId;
  params.AutoRenew = plan.autoRenew;
  params.AlarmPolicyList = plan.alarmPolicyIds;
  return params;
}
