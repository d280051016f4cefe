/**
 * The one interface the rest of the core uses to talk to CRS, whichever API generation a profile selects.
 * Both implementations (Api3CrsClient, LegacyCrsClient) sign, rate-limit, retry reads, validate responses
 * and normalize them into the domain types of shared/domain.ts.
 */
import type { StatusCoverage } from '../../../shared/backup-span';
import type { DealState } from '../../../shared/clones';
import type { ApiGeneration, Backup, Instance, RestoreTask } from '../../../shared/domain';
import type { Logger } from '../logging/logger';
import type { RateLimiter } from './transport/rate-limiter';
import type { RetryPolicy } from './transport/retry';

export interface DescribeInstancesParams {
  region: string;
  limit: number;
  offset: number;
  instanceIds?: string[];
  /** API 3.0: name (fuzzy), id or IP (exact). Legacy: the first key filters by instance name. */
  searchKeys?: string[];
  projectIds?: number[];
  orderBy?: 'projectId' | 'createtime' | 'instancename' | 'type' | 'curDeadline';
  /** 1 descending (the cloud's default), 0 ascending. */
  orderType?: 0 | 1;
  /**
   * Send one attempt, without the retries a read otherwise gets: for a page asked for before the listing
   * knows it exists (inventory/region-pages.ts), which is asked for again, with retries, if it turns out to.
   */
  once?: boolean;
}

export interface DescribeBackupsParams {
  region: string;
  instanceId: string;
  /** ISO 8601; backups *started* in [beginTime, endTime]. The cloud allows at most 30 days of span. */
  beginTime?: string;
  endTime?: string;
  limit: number;
  offset: number;
}

export interface BackupsPage {
  total: number;
  backups: Backup[];
  statusCoverage: StatusCoverage;
}

export interface RestoreInstanceParams {
  region: string;
  instanceId: string;
  backupId: string;
  /** Omit for password-free instances (API 3.0 only; the legacy API always asks for it). */
  password?: string;
}

export interface DescribeTaskParams {
  region: string;
  taskId: string;
}

export interface ManualBackupParams {
  region: string;
  instanceId: string;
  remark?: string;
  /** Days to keep the backup; 0 or absent means the cloud's default. API 3.0 only. */
  storageDays?: number;
}

export interface ListRestoreTasksParams {
  region: string;
  instanceId: string;
  /** ISO time: only tasks started at or after it. */
  since: string;
}

/** A restore task as the instance's task list shows it; the legacy list carries no task id. */
export interface RestoreTaskSummary {
  taskId?: string;
  /** A placeholder (`running`) when the list's status is outside the documented set: see unknownStatus. */
  status: RestoreTask['status'];
  startTime?: string;
  /** The list's own status value when it is outside the documented set; nothing may be concluded from it. */
  unknownStatus?: string;
}

// Restore into a new instance (issue 20). Field meanings: tencentcloud-sdk-nodejs 4.1.313
// services/redis/v20180412/redis_models.d.ts (CloneInstancesRequest and the other models named below).

/** CloneInstances: every request field of the official model; the password never reaches a log. */
export interface CloneInstancesParams {
  region: string;
  /** The source instance (`InstanceId`). */
  instanceId: string;
  /** Exactly one of backupId and cloneTime (ISO; instances with second-level backups only). */
  backupId?: string;
  cloneTime?: string;
  /** Always 1: one clone per order, so an order maps to one instance. */
  goodsNum: 1;
  zoneId: number;
  /** 0 pay-as-you-go, 1 monthly. */
  billingMode: 0 | 1;
  period: number;
  securityGroupIds: string[];
  noAuth?: boolean;
  vpcId?: string;
  subnetId?: string;
  instanceName?: string;
  password?: string;
  autoRenew?: 0 | 1 | 2;
  vPort?: number;
  nodeSet?: Array<{ nodeType: 0 | 1; zoneId?: number; zoneName?: string }>;
  projectId?: number;
  tags?: Array<{ key: string; value: string }>;
  templateId?: string;
  alarmPolicyIds?: string[];
}

/** CloneInstances' answer. `DealId` is marked deprecated in favour of `DealName`; either may come. */
export interface CloneOrder {
  dealId?: string;
  dealName?: string;
  instanceIds: string[];
}

/** InquiryPriceCreateInstance. */
export interface InquiryPriceParams {
  region: string;
  typeId: number;
  memSizeMb: number;
  goodsNum: number;
  period: number;
  billingMode: 0 | 1;
  zoneId?: number;
  shardNum?: number;
  replicasNum?: number;
  productVersion?: string;
}

export interface PriceQuote {
  price?: number;
  highPrecisionPrice?: number;
  originalPrice?: number;
  highPrecisionOriginalPrice?: number;
  currency?: string;
  amountUnit?: string;
}

/** One order of DescribeInstanceDealDetail (TradeDealDetail). */
export interface DealDetail {
  dealId?: string;
  dealName?: string;
  /** Status as sent; `state` is its documented meaning, `unknown` outside 1–12. */
  status?: number;
  state: DealState;
  description?: string;
  instanceIds: string[];
  zoneId?: number;
  createdAt?: string;
  endedAt?: string;
  /** "订单实际总价，单位：分". */
  price?: number;
}

/** DescribeSecondLevelBackupInfo, times as ISO. */
export interface SecondLevelBackupInfo {
  backupId?: string;
  backupTime?: string;
  /** When second-level backup was turned on (StartTimestamp). */
  startTime?: string;
  missing: Array<{ start: string; end: string }>;
}

/** DescribeInstanceSecurityGroup: security group ids per instance. */
export type InstanceSecurityGroups = Record<string, Array<{ id: string; name?: string }>>;

/** One zone's sale information from DescribeProductInfo (ZoneCapacityConf / ProductConf). */
export interface ZoneSale {
  region: string;
  zoneName?: string;
  /** "ap-guangzhou-3" style id. */
  zoneCode?: string;
  /** The numeric id CloneInstances takes (`OldZoneId`). */
  zoneId?: number;
  saleOut: boolean;
  products: Array<{
    typeId: number;
    saleOut: boolean;
    minBuyNum?: number;
    maxBuyNum?: number;
    shardNum: string[];
    replicaNum: string[];
    totalSizeGb: string[];
    shardSizeGb: string[];
    payModes: string[];
  }>;
}

/** What a clone inherits from its source that the instance listing's domain row leaves out. */
export interface InstanceSpec {
  instanceId: string;
  typeId: number;
  sizeMb: number;
  shardSizeMb?: number;
  shardNum?: number;
  replicasNum?: number;
  billingMode?: 0 | 1;
  productVersion?: string;
  backupMode?: string;
  nodeSet?: Array<{ nodeType: number; zoneId?: number; zoneName?: string }>;
  vip?: string;
  port?: number;
  status?: number;
}

/** Which backup a download action is about. */
export interface BackupFileParams {
  region: string;
  instanceId: string;
  backupId: string;
}

/**
 * One file of a backup (a cluster backup has one per shard). The URLs carry the object storage's signature:
 * they are used to download and never logged, shown or stored.
 */
export interface BackupDownloadFile {
  fileName: string;
  /** Bytes, when the cloud said (API 3.0 `FileSize`; 0 means unknown per the model). */
  sizeBytes?: number;
  /** Public link (API 3.0 `DownloadUrl`, legacy `extranet`). */
  url?: string;
  /** Private-network link (API 3.0 `InnerDownloadUrl`, legacy `intranet`). */
  innerUrl?: string;
}

/**
 * What DescribeBackupDetail says about encryption. `encrypted` is undefined when the API cannot say (the
 * legacy API has no such action). The key lives in memory only, for one download.
 */
export interface BackupDetail {
  encrypted?: boolean;
  /** "AES-256-CBC" is the only value the SDK documents. */
  keyAlgorithm?: string;
  decryptKey?: string;
  kmsKeyId?: string;
  sizeBytes?: number;
}

/** DescribeBackupDownloadRestriction: whether downloads are limited to a VPC or to IPs. */
export interface BackupDownloadRestriction {
  /** NoLimit, LimitOnlyIntranet or Customize (SDK 4.1.313); any other value is kept as is. */
  limitType: string;
  vpcIds: string[];
  ips: string[];
  /** `In` or `NotIn` for the IP list. */
  ipComparison?: string;
}

export interface CrsApi {
  readonly generation: ApiGeneration;
  describeInstances(params: DescribeInstancesParams): Promise<{ total: number; instances: Instance[] }>;
  /** One page of one window; `statusCoverage` says which backup statuses the listing could ask for. */
  describeBackups(params: DescribeBackupsParams): Promise<BackupsPage>;
  /** Sent exactly once; never retried. A lost answer throws AppError('RESTORE_OUTCOME_UNKNOWN'). */
  restoreInstance(params: RestoreInstanceParams): Promise<{ taskId: string }>;
  describeTask(params: DescribeTaskParams): Promise<RestoreTask>;
  /** Sent exactly once; a lost answer throws AppError('BACKUP_OUTCOME_UNKNOWN'). */
  manualBackup(params: ManualBackupParams): Promise<{ taskId: string; backupId?: string }>;
  /**
   * The instance's restore tasks since a time (API 3.0 DescribeTaskList, legacy GetRedisTaskList): how a
   * restore whose answer was lost is reconciled without sending it again.
   */
  listRestoreTasks(params: ListRestoreTasksParams): Promise<RestoreTaskSummary[]>;
  /**
   * A billable order, sent exactly once; never retried. A lost answer throws AppError('CLONE_OUTCOME_UNKNOWN'):
   * the caller reconciles from the deal and instance lists, never by sending it again.
   */
  cloneInstances(params: CloneInstancesParams): Promise<CloneOrder>;
  inquiryPriceCreateInstance(params: InquiryPriceParams): Promise<PriceQuote>;
  describeDeals(params: { region: string; dealIds?: string[]; dealName?: string }): Promise<DealDetail[]>;
  describeSecondLevelBackupInfo(params: {
    region: string;
    instanceId: string;
    /** ISO; the cloud's default point when absent. */
    time?: string;
  }): Promise<SecondLevelBackupInfo>;
  describeInstanceSecurityGroups(params: {
    region: string;
    instanceIds: string[];
  }): Promise<InstanceSecurityGroups>;
  /** Sale information of the region's zones (the answer covers every region; filtered to this one). */
  describeProductInfo(params: { region: string }): Promise<ZoneSale[]>;
  describeInstanceSpec(params: { region: string; instanceId: string }): Promise<InstanceSpec | undefined>;
  /** The backup's files and their signed links (API 3.0 DescribeBackupUrl, legacy GetBackupDownloadUrl). */
  describeBackupUrl(params: BackupFileParams): Promise<BackupDownloadFile[]>;
  /** Encryption of a backup (API 3.0 DescribeBackupDetail); the legacy API answers `{}` (unknown). */
  describeBackupDetail(params: BackupFileParams): Promise<BackupDetail>;
  /**
   * The account-wide download restriction (API 3.0 DescribeBackupDownloadRestriction); undefined where the
   * API has no such action (legacy).
   */
  describeBackupDownloadRestriction(params: {
    region: string;
  }): Promise<BackupDownloadRestriction | undefined>;
  /** Milliseconds added to the local clock when signing, learned from a SignatureExpire answer. */
  readonly clockOffsetMs: number;
}

export interface CloudCredentials {
  secretId: string;
  secretKey: string;
  /** STS session token, for temporary credentials. */
  token?: string;
}

/** The part of a fetch Response the clients read; global fetch and undici's fetch both satisfy it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** When present, the body is read chunk by chunk and decoded by `AsciiJsonDecoder` (json-text.ts). */
  readonly body?: BodyStreamLike | null;
}

/** The part of a web ReadableStream of bytes the clients read. */
export interface BodyStreamLike {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array | undefined }> };
}

export interface FetchInitLike {
  method: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

/** Reported when the cloud says our clock is off; the client corrects itself and tells the app. */
export interface ClockSkewEvent {
  /** Server time minus local time, in ms (positive: the local clock is behind). */
  offsetMs: number;
  /** The server's `Date` header the offset was computed from. */
  serverDate: string;
  action: string;
}

export interface CrsClientOptions {
  fetch: FetchLike;
  /** Called once per request, at the moment of the call: main reads the SecretKey only when it needs it. */
  credentials: () => Promise<CloudCredentials>;
  /** Epoch milliseconds. */
  now: () => number;
  /** Uniform in [0, 1): nonces and backoff jitter. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  /** Shared across clients so the per-SecretId limits hold for every profile using the same key. */
  limiter?: RateLimiter;
  /** `scheme://host[:port]`; defaults to the public endpoint of the generation. */
  endpoint?: string;
  /** Per-request timeout; default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  onClockSkew?: (event: ClockSkewEvent) => void;
  /** API 3.0 `X-TC-Language`: the language of cloud error messages. */
  language?: 'en-US' | 'zh-CN';
  /** Legacy v2 only: HmacSHA1 (the API's default) or HmacSHA256. */
  signatureMethod?: 'HmacSHA1' | 'HmacSHA256';
  /** Offset of the cloud's wall-clock times from UTC, in minutes; CRS answers in China Standard Time. */
  cloudUtcOffsetMinutes?: number;
}

/** Default per-request timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;
