/**
 * The backup inspector's contract shapes: what a backup holds (report), where a key is (find), what changed
 * between two backups (diff), and one key's value preview. Keys travel as `escapeKey` text (escape-key.ts).
 * Every figure comes from reading the backup's files in main; nothing here is a guess unless its name says so
 * (`estimatedMemory`).
 */
import { z } from 'zod';
import { type BackupRef, BackupRefSchema } from './downloads';

const Count = z.number().int().nonnegative();

export const RedisTypeSchema = z.enum(['string', 'list', 'set', 'zset', 'hash', 'stream', 'module']);
export type RedisTypeName = z.infer<typeof RedisTypeSchema>;
export const redisTypes = RedisTypeSchema.options;

/** One backup of one instance: the same four fields as the download cache's (shared/downloads.ts). */
export { type BackupRef, BackupRefSchema };

/** Prefix separators: 1–8 distinct printable ASCII characters; the default is `: / | .`. */
export const SeparatorsSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,8}$/, 'one to eight printable characters such as ":/|."');
export const DEFAULT_SEPARATORS = ':/|.';

/** A request id the caller picks, so that it can cancel the work and match progress events to it. */
export const RequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const TtlBucketSchema = z.enum(['expired', 'lt1m', 'lt1h', 'lt1d', 'lt7d', 'lt30d', 'longer', 'none']);
export type TtlBucket = z.infer<typeof TtlBucketSchema>;
export const ttlBuckets = TtlBucketSchema.options;

export const BigKeySchema = z.object({
  db: Count,
  key: z.string(),
  type: RedisTypeSchema,
  encoding: z.string(),
  /** Bytes the key and its value take in the backup file. */
  bytes: Count,
  /** What LLEN / SCARD / ZCARD / HLEN / XLEN would answer; 1 for a string; 0 when unknown (module). */
  elements: Count,
  /** Absolute expiry (epoch ms), or null when the key has none. */
  expireAtMs: z.number().nullable(),
});
export type BigKey = z.infer<typeof BigKeySchema>;

export const PrefixNodeSchema = z.object({
  /** The prefix including its trailing separator (`user:`), as escaped text. */
  prefix: z.string(),
  /** 1 for a first-level prefix. */
  depth: z.number().int().positive(),
  /** Keys (and their file bytes) under this prefix, exactly. */
  keys: Count,
  bytes: Count,
  /**
   * Keys under this prefix whose next segment has no node of its own: the node reached its child cap, so
   * further distinct segments (ids, mostly) are counted here, exactly, but not listed.
   */
  otherKeys: Count,
  otherBytes: Count,
});
export type PrefixNode = z.infer<typeof PrefixNodeSchema>;

export const ShardLineSchema = z.object({
  /** The file (or archive member) name. */
  file: z.string(),
  keys: Count,
  expires: Count,
  bytes: Count,
  /** Bytes of RDB read (uncompressed). */
  fileBytes: Count,
  rdbVersion: z.number().int(),
  /** The `redis-ver` AUX field, when the file carries one. */
  redisVersion: z.string().optional(),
  checksum: z.enum(['ok', 'disabled', 'absent']),
});
export type ShardLine = z.infer<typeof ShardLineSchema>;

const DbLineSchema = z.object({ keys: Count, expires: Count, alreadyExpired: Count, bytes: Count });
const TypeLineSchema = z.object({
  keys: Count,
  bytes: Count,
  elements: Count,
  /** An estimate of the memory the keys take once loaded (method in report/memory-estimate.ts). */
  estimatedMemory: Count,
});

export const InspectionReportSchema = z.object({
  files: Count,
  /** The highest RDB version among the files; each shard line has its own. */
  rdbVersion: z.number().int(),
  keys: Count,
  expires: Count,
  /** Keys whose expiry is before `referenceMs`: a restore at that moment would not bring them back. */
  alreadyExpired: Count,
  bytes: Count,
  /** The moment expiries were compared with (epoch ms): the inspection's time. */
  referenceMs: z.number(),
  databases: z.record(z.string(), DbLineSchema),
  types: z.record(RedisTypeSchema, TypeLineSchema),
  encodings: z.array(z.object({ type: RedisTypeSchema, encoding: z.string(), keys: Count, bytes: Count })),
  /** The biggest keys by file bytes, biggest first (at most 100). */
  bigKeys: z.array(BigKeySchema),
  prefixTree: z.object({
    separators: z.string(),
    /** Depth-first, children by bytes (biggest first). */
    nodes: z.array(PrefixNodeSchema),
    /** Keys without any separator (no prefix). */
    unprefixedKeys: Count,
    unprefixedBytes: Count,
    /** Keys whose first-level prefix has no node of its own (the first level reached its cap). */
    otherKeys: Count,
    otherBytes: Count,
    /** True when a cap (nodes per level, total nodes, depth) folded segments into `otherKeys`. */
    capped: z.boolean(),
    maxDepth: z.number().int().positive(),
  }),
  ttl: z.array(z.object({ bucket: TtlBucketSchema, keys: Count })),
  shards: z.array(ShardLineSchema),
  functions: Count,
  moduleAux: z.array(z.string()),
});
export type InspectionReport = z.infer<typeof InspectionReportSchema>;

/** One key found; its figures are those of the first backup searched that holds it (request order). */
export const KeyMatchSchema = z.object({
  db: Count,
  key: z.string(),
  type: RedisTypeSchema,
  encoding: z.string(),
  expireAtMs: z.number().nullable(),
  /** Time left at `referenceMs` (negative: already expired then), or null when the key has no expiry. */
  ttlMs: z.number().nullable(),
  elements: Count,
  bytes: Count,
  /** The backups (of those searched) holding this key. */
  backups: z.array(z.string()),
});
export type KeyMatch = z.infer<typeof KeyMatchSchema>;

export const FindResultSchema = z.object({
  matches: z.array(KeyMatchSchema),
  /** True when more keys matched than the answer carries (`limit`). */
  truncated: z.boolean(),
  /** Matches in total: a key found in three backups counts three times. */
  matched: Count,
  referenceMs: z.number(),
  searched: z.array(z.string()),
});
export type FindResult = z.infer<typeof FindResultSchema>;

const DiffCounts = {
  added: Count,
  removed: Count,
  changed: Count,
  unchanged: Count,
};

export const DiffResultSchema = z.object({
  /** The backup compared from (the one a restore would bring back) and the one compared to (newer). */
  base: z.string(),
  other: z.string(),
  ...DiffCounts,
  /** Per first-level prefix (`(none)` for keys without one, `(other)` past the prefix cap). */
  byPrefix: z.array(z.object({ prefix: z.string(), ...DiffCounts })),
  samples: z.object({
    added: z.array(z.object({ db: Count, key: z.string() })),
    removed: z.array(z.object({ db: Count, key: z.string() })),
    changed: z.array(z.object({ db: Count, key: z.string() })),
  }),
  /**
   * What restoring `base` would lose compared with `other`: keys `other` has that `base` lacks (`added`) and
   * keys whose values differ (`changed`). Backups compared with backups, not with the live instance.
   */
  wouldLose: z.object({ missingKeys: Count, changedKeys: Count }),
});
export type DiffResult = z.infer<typeof DiffResultSchema>;

export const ValuePreviewSchema = z.object({
  db: Count,
  key: z.string(),
  type: RedisTypeSchema,
  /** Strings: the first bytes, escaped when not UTF-8. Collections: the first elements, each escaped. */
  text: z.string().optional(),
  items: z.array(z.string()).optional(),
  /** True when the value is longer than what the preview shows (1 KB). */
  truncated: z.boolean(),
});
export type ValuePreview = z.infer<typeof ValuePreviewSchema>;

export const InspectProgressSchema = z.object({
  requestId: RequestIdSchema,
  /** Which backup is being read now, and which file of it. */
  backupId: z.string(),
  file: z.string(),
  bytesRead: Count,
  /** Bytes of every file of this request, when known (compressed archives: the compressed size). */
  totalBytes: Count.optional(),
  phase: z.enum(['reading', 'comparing', 'sampling']),
});
export type InspectProgress = z.infer<typeof InspectProgressSchema>;

export const InspectReportRequestSchema = z
  .object({
    requestId: RequestIdSchema,
    backup: BackupRefSchema,
    separators: SeparatorsSchema.optional(),
  })
  .strict();

export const InspectFindRequestSchema = z
  .object({
    requestId: RequestIdSchema,
    /** One or several backups of one instance. */
    backups: z.array(BackupRefSchema).min(1).max(20),
    /** An exact key name, or a Redis glob when `glob` is true (`user:42:*`). */
    pattern: z.string().min(1).max(1024),
    glob: z.boolean(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const InspectDiffRequestSchema = z
  .object({
    requestId: RequestIdSchema,
    base: BackupRefSchema,
    other: BackupRefSchema,
    separators: SeparatorsSchema.optional(),
  })
  .strict();

export const InspectPreviewRequestSchema = z
  .object({
    requestId: RequestIdSchema,
    backup: BackupRefSchema,
    db: Count,
    /** The key as `escapeKey` showed it. */
    key: z.string().min(1).max(4096),
  })
  .strict();

/** The inspector's channels, spread into the contract (ipc-contract.ts). */
export const inspectorChannels = {
  /** What a downloaded backup holds: one report for all its files (shards). */
  'inspect:report': { request: InspectReportRequestSchema, response: InspectionReportSchema },
  /** Keys by exact name or Redis glob across one or several downloaded backups of an instance. */
  'inspect:find': { request: InspectFindRequestSchema, response: FindResultSchema },
  /** Keys added, removed and changed from `base` to `other` (usually the newest backup). */
  'inspect:diff': { request: InspectDiffRequestSchema, response: DiffResultSchema },
  /** One key's value, first 1 KB, read again from the file on request and never kept. */
  'inspect:preview': { request: InspectPreviewRequestSchema, response: ValuePreviewSchema },
  /** Stops a running report, find, diff or preview by its request id. */
  'inspect:cancel': {
    request: z.object({ requestId: RequestIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
} as const;

export const inspectorEvents = {
  /** How far a running inspector request has read. */
  'inspect:progress': InspectProgressSchema,
} as const;
