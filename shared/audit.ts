/** The audit log's entries: who restored what, from which backup, and how it ended. Never a secret. */
import { z } from 'zod';

export const AuditActionSchema = z.enum([
  'restore',
  'safety-backup',
  'profile-added',
  'profile-updated',
  'profile-deleted',
  /** A restore into a new instance (CloneInstances): a billable order. */
  'clone',
]);

export const AuditOutcomeSchema = z.enum([
  'requested',
  'started',
  'succeed',
  'failed',
  'error',
  /** The request left but its answer did not come back; reconciliation follows. */
  'unknown',
  'refused',
  /** The app stopped following without learning the end: the user checks the console. */
  'outcome-unknown',
]);
export type AuditOutcome = z.infer<typeof AuditOutcomeSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  time: z.string(),
  osUser: z.string(),
  appVersion: z.string(),
  action: AuditActionSchema,
  outcome: AuditOutcomeSchema,
  profileId: z.string(),
  profileName: z.string(),
  region: z.string().optional(),
  instanceId: z.string().optional(),
  instanceName: z.string().optional(),
  backupId: z.string().optional(),
  backupStartTime: z.string().optional(),
  taskId: z.string().optional(),
  /** Set by the restore service so every entry of one restore can be grouped. */
  restoreId: z.string().optional(),
  // Restore into a new instance (issue 20): the price shown before the order, the order and its instance.
  /** The price the window showed, in its unit (`priceUnit`), e.g. 30400 pent; with the currency and billing. */
  priceShown: z.number().optional(),
  priceUnit: z.string().optional(),
  currency: z.string().optional(),
  billingMode: z.string().optional(),
  dealId: z.string().optional(),
  dealName: z.string().optional(),
  newInstanceId: z.string().optional(),
  /** English, for exports and for entries written before messages had codes. */
  message: z.string(),
  /**
   * What the window shows instead of `message`, in its current language: an `auditMessages` code, or
   * `task.<code>` for a restore's own task message (shared/tasks.ts taskMessages), with its values.
   */
  // No length limits here: an entry this schema refuses on reading would be skipped, and the audit lose it.
  messageCode: z.string().optional(),
  messageParams: z.record(z.string(), z.string()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z
  .object({
    profileId: z.string().max(100).optional(),
    instanceId: z.string().max(100).optional(),
    outcome: AuditOutcomeSchema.optional(),
    text: z.string().max(200).optional(),
    since: z.string().max(40).optional(),
    limit: z.number().int().min(1).max(10_000).default(1000),
  })
  .strict();
export type AuditQuery = z.input<typeof AuditQuerySchema>;

/** The codes of the core's own audit messages; the renderer holds their text in each language. */
export const auditMessages = [
  'preflight-failed',
  'restore-requested',
  'restore-started',
  'restore-unanswered',
  'safety-backup-ended',
  'safety-backup-unknown',
  'profile-added',
  'profile-updated',
  'profile-deleted',
  // Restore into a new instance (issue 20).
  'clone-requested',
  'clone-ordered',
  'clone-unanswered',
] as const;
export type AuditMessageCode = (typeof auditMessages)[number];

/** Column order of the CSV export. */
export const auditColumns = [
  'time',
  'osUser',
  'action',
  'outcome',
  'profileName',
  'region',
  'instanceId',
  'instanceName',
  'backupId',
  'backupStartTime',
  'taskId',
  'message',
  'appVersion',
  'restoreId',
  'profileId',
  'id',
  'priceShown',
  'priceUnit',
  'currency',
  'billingMode',
  'dealId',
  'dealName',
  'newInstanceId',
] as const satisfies ReadonlyArray<keyof AuditEntry>;
