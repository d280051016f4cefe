/**
 * The app's normalized CRS domain: what the two API generations (API 3.0 and the legacy v2 API) are
 * mapped into by the cloud clients, and what travels over IPC to the renderer.
 *
 * Every value is JSON-serializable. Times are ISO 8601 strings in UTC (`2026-06-01T02:00:48.000Z`):
 * the cloud answers in China Standard Time wall-clock strings without a zone (`2026-06-01 10:00:48`),
 * and converting once, at the client, keeps sorting and display unambiguous everywhere else.
 * Raw cloud status values are kept next to the normalized ones so nothing is lost for support.
 */
import { z } from 'zod';

export const ApiGenerationSchema = z.enum(['v3', 'legacy-v2']);
/** `v3` is Tencent Cloud API 3.0 (TC3 signing, the default); `legacy-v2` is the retired `/v2/index.php` API. */
export type ApiGeneration = z.infer<typeof ApiGenerationSchema>;

/** An ISO 8601 UTC timestamp. */
const IsoTime = z.iso.datetime();

export const InstanceStatusSchema = z.enum([
  'initializing',
  'processing',
  'running',
  'isolated',
  'to-be-deleted',
  'unknown',
]);
export type InstanceStatus = z.infer<typeof InstanceStatusSchema>;

export const InstanceArchitectureSchema = z.enum(['standard', 'cluster', 'standalone', 'unknown']);
export type InstanceArchitecture = z.infer<typeof InstanceArchitectureSchema>;

export const TagSchema = z.object({ key: z.string(), value: z.string() });
export type Tag = z.infer<typeof TagSchema>;

export const InstanceSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  /** Region code, e.g. `ap-guangzhou` (for legacy, the region the listing was asked for). */
  region: z.string(),
  zoneId: z.number().int().optional(),
  /** Human label of the engine, e.g. `Redis 6.2`, `CKV 3.2`, `Valkey 8.0`; `Redis` when unknown. */
  engine: z.string(),
  /** Engine version such as `6.2`, when the type table or the cloud says so. */
  engineVersion: z.string().optional(),
  architecture: InstanceArchitectureSchema,
  /** The cloud's type number (API 3.0 `Type`, legacy `typeId`); meanings differ per generation. */
  typeId: z.number().int(),
  sizeMb: z.number().nonnegative(),
  /** Deprecated by the cloud (monitoring is the real source); present when the cloud still sends it. */
  usedMb: z.number().nonnegative().optional(),
  status: InstanceStatusSchema,
  statusRaw: z.number().int(),
  /** The cloud's own status text (`InstanceTitle` / `statusDesc`), when given. */
  statusText: z.string().optional(),
  /** Private VIP of the instance (named `WanIp` by the cloud despite being private). */
  wanIp: z.string(),
  port: z.number().int().nonnegative(),
  tags: z.array(TagSchema),
  projectId: z.number().int(),
  projectName: z.string().optional(),
  /** A password-free instance: RestoreInstance then needs no password. Legacy always reports false. */
  noAuth: z.boolean(),
  vpcId: z.string().optional(),
  subnetId: z.string().optional(),
  createdAt: IsoTime.optional(),
  expiresAt: IsoTime.optional(),
  generation: ApiGenerationSchema,
  /**
   * Cloud fields that were missing, null or malformed in the listing row (e.g. `Status`); absent when the
   * row was complete. Such a row is shown, marked, and never acted on.
   */
  incomplete: z.array(z.string()).optional(),
});
export type Instance = z.infer<typeof InstanceSchema>;

/**
 * Backup status as the DescribeInstanceBackups / GetRedisBackupList response models define it: 1 locked by
 * another flow, 2 normal, 3 being exported, 4 exported, -1 expired, -2 deleted (API 3.0 filter); any other
 * value is `unknown` and treated as the worst case.
 */
export const BackupStatusSchema = z.enum([
  'normal',
  'locked',
  'exporting',
  'exported',
  'expired',
  'deleted',
  'unknown',
]);
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

export const NotRestorableReasonSchema = z.enum([
  'locked',
  'exporting',
  'expired',
  'deleted',
  'unknown-status',
  /** A field the restore needs was missing, null or malformed in the listing. */
  'incomplete',
]);
export type NotRestorableReason = z.infer<typeof NotRestorableReasonSchema>;

export const BackupSchema = z.object({
  id: z.string().min(1),
  instanceId: z.string(),
  startTime: IsoTime.optional(),
  endTime: IsoTime.optional(),
  expireTime: IsoTime.optional(),
  /**
   * Who started the backup: API 3.0 `BackupType` "0" manual, "1" nightly automatic, "2" triggered by a spec
   * change (SDK 4.1.313 RedisBackupSet); legacy `manualBackupInstance` / `systemBackupInstance`. Any other
   * or missing value is `unknown`.
   */
  kind: z.enum(['manual', 'automatic', 'spec-change', 'unknown']),
  status: BackupStatusSchema,
  statusRaw: z.number().int(),
  locked: z.boolean(),
  /** API 3.0 marks `BackupSize` as internal; shown only as a hint. */
  sizeBytes: z.number().nonnegative().optional(),
  remark: z.string(),
  /** Derived: normal (or exported), unlocked, complete and not past its expiry at listing time. */
  restorable: z.boolean(),
  notRestorableReason: NotRestorableReasonSchema.optional(),
  /** Cloud fields missing, null or malformed in the listing row; absent when the row was complete. */
  incomplete: z.array(z.string()).optional(),
});
export type Backup = z.infer<typeof BackupSchema>;

export const RestoreTaskStatusSchema = z.enum(['preparing', 'running', 'succeed', 'failed', 'error']);
export type RestoreTaskStatus = z.infer<typeof RestoreTaskStatusSchema>;

/** Terminal task statuses: polling stops here. */
export const terminalTaskStatuses: readonly RestoreTaskStatus[] = ['succeed', 'failed', 'error'];

export const RestoreTaskSchema = z.object({
  /** Task ids are decimal digit strings: the legacy API calls them `requestId`, API 3.0 `TaskId`. */
  taskId: z.string().regex(/^\d+$/),
  status: RestoreTaskStatusSchema,
  /** API 3.0 status string or legacy status number, as received. */
  statusRaw: z.union([z.string(), z.number()]),
  /** The cloud's task message; on failure, its error text. Empty while running. */
  message: z.string(),
  instanceId: z.string().optional(),
  taskType: z.string().optional(),
  startTime: IsoTime.optional(),
});
export type RestoreTask = z.infer<typeof RestoreTaskSchema>;

/** Maps a legacy task status number to the API 3.0 vocabulary: 0→preparing … -1→error. */
export const legacyTaskStatus: Readonly<Record<number, RestoreTaskStatus>> = {
  0: 'preparing',
  1: 'running',
  2: 'succeed',
  3: 'failed',
  [-1]: 'error',
};

/** Instance status numbers, identical in both generations (legacy never sends -3). */
export const instanceStatusByRaw: Readonly<Record<number, InstanceStatus>> = {
  0: 'initializing',
  1: 'processing',
  2: 'running',
  [-2]: 'isolated',
  [-3]: 'to-be-deleted',
};
