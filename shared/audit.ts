/** The audit log's entries: who restored what, from which backup, and how it ended. Never a secret. */
import { z } from 'zod';

export const AuditActionSchema = z.enum([
  'restore',
  'safety-backup',
  'profile-added',
  'profile-updated',
  'profile-deleted',
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
  message: z.string(),
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
] as const satisfies ReadonlyArray<keyof AuditEntry>;
