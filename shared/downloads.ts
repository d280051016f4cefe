/**
 * Backup downloads: the requests, answers and progress events of the `backup:*` channels. A backup is fetched
 * in main from the URLs DescribeBackupUrl (API 3.0) or GetBackupDownloadUrl (legacy) returned, into a private
 * cache folder; the renderer only ever sees ids, file names, byte counts and states — never a URL (they carry
 * signatures), never a decryption key, never a byte of the backup itself.
 */
import { z } from 'zod';
import { RegionSchema } from './profiles';

const Id = z.string().min(1).max(128);
const InstanceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an instance id such as crs-abcd1234');
const BackupId = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a backup id');
const Bytes = z.number().int().nonnegative();

/** Which backup: the same four fields name it in the cache, in the inspector and in every event. */
export const BackupRefShape = {
  profileId: Id,
  region: RegionSchema,
  instanceId: InstanceId,
  backupId: BackupId,
};
export const BackupRefSchema = z.object(BackupRefShape).strict();
export type BackupRef = z.infer<typeof BackupRefSchema>;

/** One download's id, as `backup:download` answered it. */
export const DownloadIdSchema = z.string().regex(/^dl-[A-Za-z0-9-]{1,64}$/, 'a download id');

/**
 * Where a download stands: `resolving` while main asks the cloud for links (and, for an encrypted backup, its
 * key), `downloading` while bytes arrive, then one of the three ends. A failed download keeps what it got
 * (`partial` in the cache): starting it again resumes with HTTP Range.
 */
export const DownloadStateSchema = z.enum(['resolving', 'downloading', 'done', 'failed', 'cancelled']);
export type DownloadState = z.infer<typeof DownloadStateSchema>;

/**
 * Whether the files on disk were encrypted by the cloud: `no` (DescribeBackupDetail says not encrypted),
 * `decrypted` (it said encrypted; main decrypted while downloading), `unknown` (the API cannot say: the
 * legacy API has no DescribeBackupDetail, so the files are kept as served).
 */
export const EncryptionSchema = z.enum(['no', 'decrypted', 'unknown']);
export type Encryption = z.infer<typeof EncryptionSchema>;

/** `backup:download-progress`: pushed on every state change and at most a few times a second meanwhile. */
export const DownloadProgressSchema = z.object({
  downloadId: DownloadIdSchema,
  ...BackupRefShape,
  state: DownloadStateSchema,
  /** 0-based index of the file being fetched, and how many files the backup has (one per shard). */
  fileIndex: z.number().int().nonnegative(),
  fileCount: z.number().int().nonnegative(),
  /** Bytes on disk for the whole backup so far, including what an earlier attempt left. */
  bytes: Bytes,
  /** The backup's total size when the cloud or the server said it; absent when unknown. */
  totalBytes: Bytes.optional(),
  /** Bytes per second over the last few seconds; 0 before the first bytes. */
  rateBytesPerSecond: z.number().nonnegative(),
  /** Seconds left at the current rate; absent when the total or the rate is unknown. */
  secondsLeft: z.number().nonnegative().optional(),
  /** Bytes an earlier attempt had left that this one resumed from (HTTP Range), when it did. */
  resumedFromBytes: Bytes.optional(),
  encryption: EncryptionSchema.optional(),
  /** Catalog code and English text when `failed`. */
  errorCode: z.string().max(64).optional(),
  errorMessage: z.string().max(500).optional(),
});
export type DownloadProgress = z.infer<typeof DownloadProgressSchema>;

export const CachedFileSchema = z.object({
  name: z.string().max(255),
  bytes: Bytes,
  /** The size the cloud gave for it, when it did. */
  expectedBytes: Bytes.optional(),
  complete: z.boolean(),
});
export type CachedFile = z.infer<typeof CachedFileSchema>;

/** One backup in the cache, whole (`complete`), interrupted (`partial`) or being fetched (`active`). */
export const CachedBackupSchema = z.object({
  ...BackupRefShape,
  state: z.enum(['complete', 'partial', 'active']),
  files: z.array(CachedFileSchema),
  bytes: Bytes,
  encryption: EncryptionSchema,
  /** ISO times. */
  createdAt: z.string(),
  lastUsedAt: z.string(),
  /** The running download, when `active`. */
  downloadId: DownloadIdSchema.optional(),
});
export type CachedBackup = z.infer<typeof CachedBackupSchema>;

export const DownloadListSchema = z.object({
  entries: z.array(CachedBackupSchema),
  /** Bytes the cache holds now, and its cap (the `backupCacheGb` setting). */
  usedBytes: Bytes,
  capBytes: Bytes,
});
export type DownloadList = z.infer<typeof DownloadListSchema>;

export const DownloadStartedSchema = z.object({
  downloadId: DownloadIdSchema,
  /** True when the backup was already whole in the cache: nothing is fetched, no progress follows. */
  cached: z.boolean(),
});
export type DownloadStarted = z.infer<typeof DownloadStartedSchema>;

export const CacheClearedSchema = z.object({
  removedBackups: z.number().int().nonnegative(),
  freedBytes: Bytes,
  /** Backups kept because a download or an inspection was using them. */
  keptInUse: z.number().int().nonnegative(),
});
export type CacheCleared = z.infer<typeof CacheClearedSchema>;

/** Size cap of the backup cache, in GB (10^9 bytes), and its default. */
export const BackupCacheGbSchema = z.number().int().min(1).max(10_000);
export const DEFAULT_BACKUP_CACHE_GB = 5;

/**
 * Which link main downloads from: the public one (default) or the private-network one, which only works from
 * inside Tencent Cloud (a CVM in the allowed VPC): `DownloadUrl` / `InnerDownloadUrl` (API 3.0),
 * `extranet` / `intranet` (legacy).
 */
export const BackupDownloadNetworkSchema = z.enum(['public', 'inner']);
export type BackupDownloadNetwork = z.infer<typeof BackupDownloadNetworkSchema>;

/**
 * The channel lines of ipc-contract.ts, kept here so the contract file only spreads them in.
 * `backup:download` answers once the download is registered (or found whole in the cache); its progress and
 * its end arrive as `backup:download-progress` events.
 */
export const downloadChannels = {
  'backup:download': { request: BackupRefSchema, response: DownloadStartedSchema },
  'backup:download-cancel': {
    request: z.object({ downloadId: DownloadIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'backup:downloads': { request: z.object({}).strict(), response: DownloadListSchema },
  /** Settings' "Delete downloaded backups": every cached backup not in use. */
  'backup:cache-clear': { request: z.object({}).strict(), response: CacheClearedSchema },
} as const;

export const downloadEvents = {
  'backup:download-progress': DownloadProgressSchema,
} as const;
