/**
 * The one IPC contract. Every operation the renderer may ask of main is a `domain:verb` channel with a
 * request and a response schema; every push from main is an event with a payload schema. The preload,
 * the browser-mode bridge, the renderer's API type and main's handler table are all derived from here.
 */
import { z } from 'zod';
import { AuditEntrySchema, AuditQuerySchema } from './audit';
import { BackupSpanSchema, StatusCoverageSchema } from './backup-span';
import {
  CloneDefaultsSchema,
  ClonePlanSchema,
  ClonePreflightSchema,
  ClonePriceSchema,
  CloneSourceSchema,
  CloneStartSchema,
  PitrRangeSchema,
} from './clones';
import { BackupSchema, InstanceSchema } from './domain';
import { downloadChannels, downloadEvents } from './downloads';
import { inspectorChannels, inspectorEvents } from './inspector';
import { ProfileInputSchema, ProfilePatchSchema, ProfileViewSchema, RegionSchema } from './profiles';
import { PreferencesPatchSchema, PreferencesSchema } from './settings';
import { PreflightCheckSchema, RestoreRecordSchema } from './tasks';

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

/** A request that carries nothing; still strict, so stray fields are refused. */
const Empty = z.object({}).strict();

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Which shell is running the core: the Electron app or browser mode. */
  shell: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** Where credentials live: the OS keychain, or this session's memory only. */
  secretStore: z.enum(['keychain', 'session']),
});

export type AppInfo = z.infer<typeof AppInfoSchema>;

const Id = z.string().min(1).max(128);
const InstanceId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an instance id such as crs-abcd1234');
const BackupId = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'a backup id');
const IsoTime = z.iso.datetime({ offset: true });

/** Where a fleet or a list came from: live from the cloud, or the last-known copy on disk. */
export const FreshnessSchema = z.object({
  source: z.enum(['live', 'cache']),
  /** When the data was fetched from the cloud (ISO time); absent when never fetched. */
  fetchedAt: z.string().optional(),
  /** True when the cloud could not be reached and this is the cached copy. */
  stale: z.boolean(),
  /** Why the live fetch failed, when it did (catalog code). */
  errorCode: z.string().optional(),
});

/** An instance's backups over a span, and what the list covers. */
export const BackupListingSchema = z.object({
  backups: z.array(BackupSchema),
  /** The time range the list covers (ISO); offline, the part the cached listing covered. */
  beginTime: z.string(),
  endTime: z.string(),
  statusCoverage: StatusCoverageSchema,
  freshness: FreshnessSchema,
});
export type BackupListing = z.infer<typeof BackupListingSchema>;

export const RegionProgressSchema = z.object({
  region: z.string(),
  loaded: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  state: z.enum(['loading', 'done', 'failed', 'cancelled']),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  /** The cloud's RequestId of the failed call, for Tencent support. */
  requestId: z.string().max(128).optional(),
});
export type RegionProgress = z.infer<typeof RegionProgressSchema>;

export const FleetSnapshotSchema = z.object({
  profileId: z.string(),
  instances: z.array(InstanceSchema),
  regions: z.array(RegionProgressSchema),
  freshness: FreshnessSchema,
  /** Names the instances of this answer; a refresh told it answers `unchanged` if it finds the same ones. */
  revision: z.string().max(64).optional(),
  /** The listing found exactly the instances of the `knownRevision` asked about: `instances` is empty. */
  unchanged: z.literal(true).optional(),
});
export type FleetSnapshot = z.infer<typeof FleetSnapshotSchema>;

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  region: z.string(),
  latencyMs: z.number().nonnegative(),
  instanceCount: z.number().int().nonnegative().optional(),
  errorCode: z.string().optional(),
  /** The cloud's own error code and the RequestId of the failed call, when the cloud answered. */
  cloudCode: z.string().max(128).optional(),
  requestId: z.string().max(128).optional(),
  message: z.string(),
});

const RestoreTarget = {
  profileId: Id,
  region: RegionSchema,
  instanceId: InstanceId,
  backupId: BackupId,
};

export const PreflightResultSchema = z.object({
  checks: z.array(PreflightCheckSchema),
  passed: z.boolean(),
  instance: InstanceSchema.optional(),
  backup: BackupSchema.optional(),
  requiresPassword: z.boolean(),
  requiresTypedConfirmation: z.boolean(),
  /** True when the user opted in earlier to keep this instance's password in the keychain. */
  hasSavedPassword: z.boolean(),
});
export type PreflightResult = z.infer<typeof PreflightResultSchema>;

export const ExportSchema = z.object({ filename: z.string(), mimeType: z.string(), content: z.string() });

export const NoticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  code: z.string(),
  /** English text; the window shows the translation of `kind` with `params` when it knows the kind. */
  message: z.string(),
  kind: z
    .enum([
      'settings-moved',
      'profiles-hidden',
      'cache-moved',
      'clock-skew',
      'session-only',
      'journal-skipped',
      'sandbox-not-resumed',
      'keys-needed',
    ])
    .optional(),
  params: z.record(z.string(), z.string()).optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const invokeContract = {
  'app:info': channel(Empty, AppInfoSchema),
  /** Things the user should know that happened before the window opened (a corrupt file moved aside…). */
  'app:notices': channel(Empty, z.array(NoticeSchema)),
  'settings:get': channel(Empty, PreferencesSchema),
  'settings:update': channel(PreferencesPatchSchema, PreferencesSchema),
  'profiles:list': channel(Empty, z.array(ProfileViewSchema)),
  'profiles:create': channel(ProfileInputSchema, ProfileViewSchema),
  'profiles:update': channel(ProfilePatchSchema, ProfileViewSchema),
  'profiles:delete': channel(z.object({ id: Id }).strict(), z.object({ removedSecrets: z.number().int() })),
  /** Tests a draft (before saving: its secret is used once and forgotten) or a saved profile. */
  'profiles:test': channel(
    z.union([z.object({ draft: ProfileInputSchema }).strict(), z.object({ id: Id }).strict()]),
    ConnectionTestSchema,
  ),
  /** Starts the built-in sandbox in the core and adds (or reuses) a profile pointing at it. */
  'sandbox:start': channel(Empty, ProfileViewSchema),
  /** Whether the built-in sandbox runs in this app now, and its profile. */
  'sandbox:status': channel(Empty, z.object({ running: z.boolean(), profileId: z.string().optional() })),
  /** Stops the built-in sandbox (its profile stays, unreachable until it is started again). */
  'sandbox:stop': channel(Empty, z.object({ stopped: z.boolean() })),
  /** The last-known fleet from disk, instantly and offline. */
  'fleet:cached': channel(z.object({ profileId: Id }).strict(), FleetSnapshotSchema),
  /**
   * Fetches every page of every region; pages arrive as `fleet:page` events, the whole fleet as the answer.
   * `pageRows: false` asks for events that carry progress only: a page already showing rows (the cached
   * copy) would throw every page's instances away, 48 MB at 100,000 instances. `knownRevision` names the
   * answer whose rows the page shows: when the listing finds the same instances, the answer says
   * `unchanged` instead of carrying them again.
   */
  'fleet:refresh': channel(
    z
      .object({
        profileId: Id,
        regions: z.array(RegionSchema).max(40).optional(),
        pageRows: z.boolean().optional(),
        knownRevision: z.string().max(64).optional(),
      })
      .strict(),
    FleetSnapshotSchema,
  ),
  /** One instance as the cloud lists it now; `instance` is absent when the cloud no longer lists it. */
  'fleet:instance': channel(
    z.object({ profileId: Id, region: RegionSchema, instanceId: InstanceId }).strict(),
    z.object({ instance: InstanceSchema.optional(), fetchedAt: z.string() }),
  ),
  'fleet:cancel': channel(z.object({ profileId: Id }).strict(), z.object({ cancelled: z.boolean() })),
  /**
   * An instance's backups over a span of its retention (days, or `all`): main walks the cloud's 30-day
   * windows back to it and pages each, so one answer holds the whole list, newest first.
   */
  'backups:list': channel(
    z
      .object({
        profileId: Id,
        region: RegionSchema,
        instanceId: InstanceId,
        span: BackupSpanSchema,
        /** The instance's creation time as the fleet shows it: no backup predates it. */
        createdAt: IsoTime.optional(),
      })
      .strict(),
    BackupListingSchema,
  ),
  'restore:preflight': channel(z.object(RestoreTarget).strict(), PreflightResultSchema),
  /**
   * Checks and journals a restore and answers with its record at once; the safety backup and RestoreInstance
   * (sent once, never retried) follow as phases of that record, told by `task:updated` events.
   */
  'restore:start': channel(
    z
      .object({
        ...RestoreTarget,
        password: z.string().max(256).optional(),
        /** Keep this instance's password in the keychain for next time (opt-in, per instance). */
        rememberPassword: z.boolean().default(false),
        /** Use the password saved earlier in the keychain. */
        useSavedPassword: z.boolean().default(false),
        safetyBackup: z.boolean().default(false),
        /** What the user typed; checked again in main so a tampered window cannot skip the gate. */
        confirmation: z.string().max(300).optional(),
      })
      .strict(),
    RestoreRecordSchema,
  ),
  /**
   * Cancels a restore whose request has not left yet (preflight, safety backup). Too late once RestoreInstance
   * is being sent. The cloud's safety backup task is not cancelled: it goes on and its backup is kept.
   */
  'restore:cancel': channel(
    z.object({ restoreId: Id }).strict(),
    z.object({ cancelled: z.boolean(), reason: z.enum(['too-late', 'ended', 'not-found']).optional() }),
  ),
  'tasks:list': channel(Empty, z.array(RestoreRecordSchema)),
  'passwords:forget': channel(
    z.object({ profileId: Id, instanceId: InstanceId }).strict(),
    z.object({ removed: z.boolean() }),
  ),
  'audit:list': channel(
    AuditQuerySchema,
    z.object({ entries: z.array(AuditEntrySchema), skipped: z.number().int() }),
  ),
  'audit:export': channel(
    z.object({ format: z.enum(['csv', 'json']), query: AuditQuerySchema.optional() }).strict(),
    ExportSchema,
  ),
  // Restore into a new instance (issue 20): the clone's task travels as a `task:updated` record, kind 'clone'.
  /** The source instance's settings as a new instance's form: zone, network, security groups, spec, tags. */
  'clone:defaults': channel(CloneSourceSchema, CloneDefaultsSchema),
  /** InquiryPriceCreateInstance for the source's spec with the plan's zone, billing mode and period. */
  'clone:price': channel(ClonePlanSchema, ClonePriceSchema),
  /** The point-in-time range of an instance with second-level backups, with its missing ranges. */
  'clone:pitr-range': channel(CloneSourceSchema, PitrRangeSchema),
  'clone:preflight': channel(
    z.object({ plan: ClonePlanSchema, password: z.string().max(64).optional() }).strict(),
    ClonePreflightSchema,
  ),
  /**
   * Checks and journals the clone and answers with its record at once; CloneInstances (a billable order, sent
   * once, never retried) follows, told by `task:updated` events like a restore.
   */
  'clone:start': channel(CloneStartSchema, RestoreRecordSchema),
  // Backup downloads (issue 19): shared/downloads.ts.
  ...downloadChannels,
  // Backup inspector (issue 19): shared/inspector.ts.
  ...inspectorChannels,
} as const;

export const eventContract = {
  'settings:changed': PreferencesSchema,
  'profiles:changed': z.array(ProfileViewSchema),
  'fleet:page': z.object({
    profileId: z.string(),
    region: z.string(),
    instances: z.array(InstanceSchema),
    progress: RegionProgressSchema,
  }),
  'task:updated': RestoreRecordSchema,
  /** A restore reached its end: the shells turn this into a desktop notification. */
  'task:finished': RestoreRecordSchema,
  'audit:recorded': AuditEntrySchema,
  'app:notice': NoticeSchema,
  /** The user clicked a desktop notification shown by main (Electron): open that instance. */
  'app:navigate': z.object({ profileId: z.string(), region: z.string(), instanceId: z.string() }),
  // Backup downloads (issue 19): shared/downloads.ts.
  ...downloadEvents,
  // Backup inspector (issue 19): shared/inspector.ts.
  ...inspectorEvents,
} as const;

export type InvokeContract = typeof invokeContract;
export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof typeof eventContract;

export type RequestOf<C extends InvokeChannel> = z.input<InvokeContract[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<InvokeContract[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<InvokeContract[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[];
export const eventChannels = Object.keys(eventContract) as EventChannel[];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(invokeContract, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.hasOwn(eventContract, value);
}
