/**
 * Restores as the app tracks them, from the click to the cloud task's end. A record survives restarts (the
 * journal) and is what the tasks panel, notifications and the audit log speak of.
 */
import { z } from 'zod';
import { CloneDetailsSchema } from './clones';

export const RestorePhaseSchema = z.enum([
  /** Checks passed, nothing sent yet. */
  'accepted',
  /** Taking the safety backup the user asked for. */
  'safety-backup',
  /** RestoreInstance is being sent: if the app dies here, the outcome must be reconciled, never resent. */
  'sending',
  /** The request left but no answer came back; reconciling from the instance's status and tasks. */
  'reconciling',
  /** The cloud accepted the restore; following its task. */
  'polling',
  'done',
]);
export type RestorePhase = z.infer<typeof RestorePhaseSchema>;

export const RestoreStatusSchema = z.enum([
  'pending',
  'preparing',
  'running',
  'succeed',
  'failed',
  'error',
  /** The cloud refused the request (wrong password, locked instance…); nothing was restored. */
  'refused',
  /** Not known whether the cloud started it; resolved by reconciliation. */
  'unknown',
  /**
   * Terminal: the app could not learn how the restore ended (an unreadable task, a status outside the
   * documented set, or a lost answer with no matching task) and stopped asking. The user checks the console.
   */
  'outcome-unknown',
]);
export type RestoreStatus = z.infer<typeof RestoreStatusSchema>;

export const terminalRestoreStatuses: readonly RestoreStatus[] = [
  'succeed',
  'failed',
  'error',
  'refused',
  'outcome-unknown',
];

export const RestoreRecordSchema = z.object({
  restoreId: z.string(),
  /**
   * `clone`: a restore into a new instance (CloneInstances); `instanceId` is then the source, `clone` the
   * order and the new instance. Absent on restores recorded before clones existed: an in-place restore.
   */
  kind: z.enum(['restore', 'clone']).optional(),
  clone: CloneDetailsSchema.optional(),
  profileId: z.string(),
  profileName: z.string(),
  region: z.string(),
  instanceId: z.string(),
  instanceName: z.string(),
  engine: z.string().optional(),
  /**
   * What the restore does to this engine, from shared/restore-rules.ts `restoreRule()` at the start: it
   * decides the way back the task view offers. Absent (an older record) counts as the worst case.
   */
  restoreRule: z
    .object({
      semantics: z.enum(['overwrite-in-place', 'clone-and-swap']),
      basis: z.enum(['documented', 'assumed-worst']),
    })
    .optional(),
  backupId: z.string(),
  backupStartTime: z.string().optional(),
  phase: RestorePhaseSchema,
  status: RestoreStatusSchema,
  taskId: z.string().optional(),
  /** What the user should read, in English: the cloud's task message, or the app's own words. */
  message: z.string(),
  /** Set when the message is the app's own: the window shows its translation (see taskMessages). */
  messageCode: z.string().optional(),
  messageParams: z.record(z.string(), z.string()).optional(),
  errorCode: z.string().optional(),
  /** The cloud's own words for a refusal (its code, message and request id), kept to quote and look up. */
  errorDetails: z
    .object({
      cloudCode: z.string().optional(),
      cloudMessage: z.string().optional(),
      requestId: z.string().optional(),
    })
    .optional(),
  /**
   * The safety backup taken first, its own progress: status starting → running → succeed / failed / error /
   * outcome-unknown, or `cancelled` when the user cancelled the restore while it ran (the cloud's backup task
   * goes on and the backup is kept: ManualBackupInstance has no cancel action).
   */
  safetyBackup: z
    .object({
      taskId: z.string().optional(),
      backupId: z.string().optional(),
      status: z.string(),
      /** The remark the app gave the backup: how to find it in the list when its id is unknown. */
      remark: z.string().optional(),
      startedAt: z.string().optional(),
      endedAt: z.string().optional(),
    })
    .optional(),
  createdAt: z.string(),
  /** When RestoreInstance was about to leave: reconciliation adopts only a task that started near it. */
  sentAt: z.string().optional(),
  updatedAt: z.string(),
  endedAt: z.string().optional(),
  /** How many DescribeTaskInfo calls this restore has cost; shown in diagnostics and benchmarks. */
  polls: z.number().int().nonnegative(),
});
export type RestoreRecord = z.infer<typeof RestoreRecordSchema>;

export const PreflightCheckSchema = z.object({
  id: z.enum([
    'endpoint-reachable',
    'instance-found',
    'instance-running',
    'instance-unlocked',
    'no-active-restore',
    'backup-found',
    'backup-belongs',
    'backup-restorable',
  ]),
  ok: z.boolean(),
  /** Why it failed, or a short fact when it passed, in English (logs, and the fallback text). */
  detail: z.string(),
  /**
   * The same in a form the window can translate: a reason code per check, with its values (an instance
   * status, a catalog error code, a backup start time as ISO text).
   */
  reason: z
    .object({
      code: z.enum([
        'ok',
        'active',
        'active-cloud',
        'tasks-unreadable',
        'error',
        'missing',
        'status',
        'locked',
        'foreign',
        'not-restorable',
        'incomplete',
      ]),
      params: z.record(z.string(), z.string()).default({}),
    })
    .optional(),
});
export type PreflightCheck = z.infer<typeof PreflightCheckSchema>;

export function isTerminal(status: RestoreStatus): boolean {
  return terminalRestoreStatuses.includes(status);
}

/** A restore still under way: not terminal and not closed by the app. */
export function isActive(record: Pick<RestoreRecord, 'status' | 'phase'>): boolean {
  return record.phase !== 'done' && !isTerminal(record.status);
}

/** Phases in which nothing has been sent to the cloud yet, so the user may still cancel. */
export function isCancellable(record: Pick<RestoreRecord, 'status' | 'phase'>): boolean {
  return isActive(record) && (record.phase === 'accepted' || record.phase === 'safety-backup');
}

/** After this long in `sending` with no answer, the window says the restore may have started. */
export const SENDING_QUIET_MS = 5_000;

/**
 * True when RestoreInstance left and no answer came for a while: the restore may have started, and the app
 * will not send it again (an answer that never comes ends in reconciliation, see task-follower.ts).
 */
export function isAwaitingCloud(record: Pick<RestoreRecord, 'phase' | 'updatedAt'>, now: number): boolean {
  return record.phase === 'sending' && now - Date.parse(record.updatedAt) >= SENDING_QUIET_MS;
}

/**
 * The app's own task messages, in English; the window translates them by code. `error` stands for the
 * catalog's text of the record's `errorCode`.
 */
export const taskMessages = {
  'preflight-passed': 'Preflight passed.',
  sending: 'Sending the restore request…',
  accepted: 'The cloud accepted the restore.',
  'safety-backup': 'Taking a safety backup first…',
  reconciling:
    'No answer came back; checking the instance’s tasks to learn whether the restore started. It is never resent.',
  'stopped-before-send':
    'The app stopped before the restore was sent; nothing was restored. Start it again if needed.',
  cancelled: 'Cancelled before the restore was sent; nothing was restored.',
  'cancelled-during-backup':
    'Cancelled before the restore was sent; nothing was restored. The safety backup task {{taskId}} goes on in the cloud and its backup is kept.',
  'poll-error': 'Cannot read the task right now ({{code}}); still following it.',
  adopted: 'The restore had started; following its task.',
  'adopted-ended': 'The restore had started and ended: {{status}}.',
  'status-preparing': 'Waiting for the cloud to start the restore.',
  'status-running': 'Restoring the backup…',
  'status-succeed': 'The restore completed.',
  'status-other': 'Task status: {{status}}.',
  'outcome-unknown':
    'Outcome unknown — check the console. The app could not learn how restore task {{taskId}} of {{instanceId}} ({{region}}) ended ({{reason}}) and stopped asking; nothing was resent. Check the instance in the console: {{consoleUrl}}',
  'reconcile-unknown':
    'Outcome unknown — check the console. No answer came back and no restore task of {{instanceId}} ({{region}}) was found, so whether the restore started is unknown; it was not resent. Check the instance in the console before starting another: {{consoleUrl}}',
  'reconcile-unreadable':
    'Outcome unknown — check the console. No answer came back and the instance’s tasks could not be read ({{reason}}), so whether the restore started is unknown; it was not resent. Check the instance in the console before starting another: {{consoleUrl}}',
  error: '{{text}}',
  // Restore into a new instance (issue 20).
  'clone-sending': 'Placing the order for the new instance…',
  'clone-ordered': 'Order {{dealName}} placed; new instance {{newInstanceId}}.',
  'clone-deal': 'Order {{dealName}}: {{dealState}}.',
  'clone-unpaid':
    'Order {{dealName}} is not paid yet. Pay it in the console (Billing → Orders); the app keeps following it.',
  'clone-creating': 'Creating the new instance {{newInstanceId}}…',
  'clone-restoring': 'Loading the data into {{newInstanceId}}…',
  'clone-running': 'The new instance {{newInstanceId}} is running at {{address}}.',
  'clone-deal-failed':
    'Order {{dealName}} ended as {{dealState}}; no instance was delivered. Check Billing → Orders in the console.',
  'clone-reconciling':
    'No answer came back for the order; looking for it in the order and instance lists. It is never placed again.',
  'clone-adopted': 'The order had been placed: new instance {{newInstanceId}} was found; following it.',
  'clone-reconcile-ambiguous':
    'Outcome unknown — check the console (orders). No answer came back and {{count}} new instances named {{instanceName}} were found, so which one is this order’s is unknown; nothing was ordered again. Check Billing → Orders and the instance list: {{consoleUrl}}',
  'clone-reconcile-unknown':
    'Outcome unknown — check the console (orders). No answer came back and no order or new instance named {{instanceName}} was found, so whether the order was placed is unknown; it was not placed again. Check Billing → Orders and the instance list before trying again: {{consoleUrl}}',
  'clone-outcome-unknown':
    'Outcome unknown — check the console (orders). The app could not learn how order {{dealName}} ended ({{reason}}) and stopped asking; nothing was ordered again. Check it in the console: {{consoleUrl}}',
  'clone-stopped-before-send':
    'The app stopped before the order was placed; nothing was ordered. Start it again if needed.',
} as const;
export type TaskMessageCode = keyof typeof taskMessages;

/** The message fields of a record for one of the app's own messages. */
export function taskText(
  code: TaskMessageCode,
  params: Record<string, string> = {},
): Pick<RestoreRecord, 'message' | 'messageCode' | 'messageParams'> {
  const message = taskMessages[code].replace(/\{\{(\w+)\}\}/g, (_, k: string) => params[k] ?? '');
  return { message, messageCode: code, messageParams: params };
}

/** The message fields for text that comes from the cloud as is (a task's own message). */
export function cloudText(message: string): Pick<RestoreRecord, 'message' | 'messageCode' | 'messageParams'> {
  return { message, messageCode: undefined, messageParams: undefined };
}

/**
 * The instance list of the CRS console, the documented place to check an instance by hand. The SDK's own
 * field docs send users there ("请登录 Redis 控制台在实例列表复制实例 ID", tencentcloud-sdk-nodejs
 * services/redis/v20180412/redis_models.d.ts). A per-instance page address is not documented, so the app
 * never builds one.
 */
export const CRS_CONSOLE_INSTANCE_LIST_URL = 'https://console.cloud.tencent.com/redis/instance/list';

/** The desktop notification's title for a finished restore, in English (Electron's main process). */
export function finishedTitle(
  record: Pick<RestoreRecord, 'status' | 'instanceName' | 'instanceId' | 'kind' | 'clone'>,
): string {
  const name = record.instanceName || record.instanceId;
  if (record.kind === 'clone') {
    const target = record.clone?.instanceName || record.clone?.newInstanceId || name;
    if (record.status === 'succeed') return `New instance ${target} from ${name} is running`;
    if (record.status === 'outcome-unknown')
      return `Clone of ${name}: outcome unknown — check the console (orders)`;
    return `Clone of ${name} did not succeed (${record.status})`;
  }
  if (record.status === 'succeed') return `Restore of ${name} succeeded`;
  if (record.status === 'outcome-unknown') return `Restore of ${name}: outcome unknown — check the console`;
  return `Restore of ${name} did not succeed (${record.status})`;
}

/**
 * Where clicking a finished task's notification leads: the instance restored, or for a clone that runs, the
 * new instance (its page in the fleet is where the DBA checks it before moving traffic).
 */
export function finishedTarget(
  record: Pick<RestoreRecord, 'profileId' | 'region' | 'instanceId' | 'kind' | 'clone' | 'status'>,
): { profileId: string; region: string; instanceId: string } {
  const newId =
    record.kind === 'clone' && record.status === 'succeed' ? record.clone?.newInstanceId : undefined;
  return { profileId: record.profileId, region: record.region, instanceId: newId ?? record.instanceId };
}
