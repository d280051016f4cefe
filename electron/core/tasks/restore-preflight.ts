/**
 * The checks run before a restore may be sent, each reported with its result so the dialog can show them:
 * the endpoint answers, the instance exists (listed completely), runs and is not locked, no restore of it is
 * active, and the backup exists among this instance's own backups, anywhere in its retention, and is
 * restorable.
 */
import { BACKUP_RETENTION_MAX_DAYS } from '../../../shared/backup-span';
import type { Backup, Instance } from '../../../shared/domain';
import { AppError, describeError, isAppErrorCode } from '../../../shared/errors';
import type { PreflightCheck } from '../../../shared/tasks';
import type { CrsApi } from '../cloud/crs-api';
import { backupWindows, findBackupInWindows, walkFloor } from '../inventory/backup-windows';

/** DescribeTaskList answers for the last 30 days (SDK 4.1.313 DescribeTaskListRequest BeginTime). */
const TASK_LIST_SPAN_MS = 30 * 24 * 3600 * 1000;

/** The lookup ends a minute ahead of the local clock, so a backup the cloud just started is found. */
const LOOKUP_LEAD_MS = 60_000;

export interface PreflightTarget {
  region: string;
  instanceId: string;
  backupId: string;
}

export interface PreflightOutcome {
  checks: PreflightCheck[];
  passed: boolean;
  instance?: Instance;
  backup?: Backup;
}

/**
 * Another restore of this instance may run without this app knowing: started from the console, tccli or another
 * machine. So the check asks the cloud's task list (restore tasks of the last 30 days, the span DescribeTaskList
 * covers) as well as this app's journal. The list names no operator, so the check says when and which task, not
 * who. A list that cannot be read fails the check: whether another restore runs is then unknown.
 */
async function checkNoActiveRestore(
  api: CrsApi,
  target: PreflightTarget,
  activeRestore: { restoreId: string; status: string } | undefined,
  now: number,
  check: (id: PreflightCheck['id'], ok: boolean, detail: string, why?: Reason) => void,
): Promise<void> {
  if (activeRestore) {
    check(
      'no-active-restore',
      false,
      `A restore of this instance started in this app is ${activeRestore.status}; wait for it to end.`,
      reason('active', { status: activeRestore.status }),
    );
    return;
  }
  let tasks: Awaited<ReturnType<CrsApi['listRestoreTasks']>>;
  try {
    tasks = await api.listRestoreTasks({
      region: target.region,
      instanceId: target.instanceId,
      since: new Date(now - TASK_LIST_SPAN_MS).toISOString(),
    });
  } catch (error) {
    check(
      'no-active-restore',
      false,
      `The instance's task list could not be read, so another restore may be running: ${explain(error)}`,
      reason('tasks-unreadable', { code: error instanceof AppError ? error.code : 'INTERNAL' }),
    );
    return;
  }
  const running = tasks.find((t) => t.status === 'preparing' || t.status === 'running');
  if (running) {
    check(
      'no-active-restore',
      false,
      `The cloud lists a restore of this instance that is ${running.status}` +
        `${running.startTime ? ` since ${running.startTime}` : ''}${running.taskId ? ` (task ${running.taskId})` : ''}` +
        ', started outside this app (the console, tccli or another machine); the list does not say by whom.',
      reason('active-cloud', {
        status: running.status,
        ...(running.startTime ? { startTime: running.startTime } : {}),
        ...(running.taskId ? { taskId: running.taskId } : {}),
      }),
    );
    return;
  }
  check(
    'no-active-restore',
    true,
    'Neither this app nor the cloud’s task list shows another restore of it running.',
  );
}

export async function runPreflight(
  api: CrsApi,
  target: PreflightTarget,
  activeRestore: { restoreId: string; status: string } | undefined,
  now: number,
): Promise<PreflightOutcome> {
  const checks: PreflightCheck[] = [];
  const check = (id: PreflightCheck['id'], ok: boolean, detail: string, why: Reason = reason('ok')) =>
    checks.push({ id, ok, detail, reason: why });
  const done = (extra: Partial<PreflightOutcome> = {}): PreflightOutcome => ({
    checks,
    passed: checks.every((c) => c.ok),
    ...extra,
  });

  let instance: Instance | undefined;
  try {
    const found = await api.describeInstances({
      region: target.region,
      limit: 10,
      offset: 0,
      instanceIds: [target.instanceId],
    });
    instance = found.instances.find((i) => i.id === target.instanceId);
    check('endpoint-reachable', true, 'The CRS endpoint answered.');
  } catch (error) {
    check('endpoint-reachable', false, explain(error), errorReason(error));
    return done();
  }
  await checkNoActiveRestore(api, target, activeRestore, now, check);
  if (!instance) {
    check(
      'instance-found',
      false,
      `No instance ${target.instanceId} in ${target.region}.`,
      reason('missing', { instanceId: target.instanceId, region: target.region }),
    );
    return done();
  }
  const missing = instance.incomplete;
  if (missing) {
    // A row with a field missing or malformed cannot be judged (status, type, id): the worst case is assumed.
    check(
      'instance-found',
      false,
      `The cloud's listing of this instance lacks ${missing.join(', ')}.`,
      reason('incomplete', { fields: missing.join(', ') }),
    );
    return done({ instance });
  }
  check(
    'instance-found',
    true,
    `${instance.name || instance.id} in ${target.region}`,
    reason('ok', {
      name: instance.name || instance.id,
      region: target.region,
    }),
  );
  const running = instance.status === 'running';
  check(
    'instance-running',
    running,
    running ? 'Running.' : `The instance is ${instance.statusText ?? instance.status}.`,
    running ? reason('ok') : reason('status', { status: instance.status }),
  );
  const locked = instance.status === 'processing';
  check(
    'instance-unlocked',
    !locked,
    locked
      ? 'A task is running on this instance (status: in process); it is locked until it ends.'
      : 'No task holds the instance.',
    locked ? reason('locked') : reason('ok'),
  );

  let backup: Backup | undefined;
  try {
    backup = await findBackup(api, target, now, instance.createdAt);
  } catch (error) {
    check('backup-found', false, explain(error), errorReason(error));
    return done({ instance });
  }
  if (!backup) {
    check(
      'backup-found',
      false,
      'No backup with this id anywhere in the instance’s retention.',
      reason('missing'),
    );
    check('backup-belongs', false, 'It is not among this instance’s backups.', reason('foreign'));
    return done({ instance });
  }
  check(
    'backup-found',
    true,
    `Started ${backup.startTime ?? 'at an unknown time'}.`,
    reason('ok', backup.startTime ? { startTime: backup.startTime } : {}),
  );
  // An incomplete row without its InstanceId has instanceId '' and so is not taken as this instance's.
  const belongs = backup.instanceId === target.instanceId;
  check(
    'backup-belongs',
    belongs,
    belongs ? 'The backup was taken from this instance.' : 'The backup belongs to another instance.',
    belongs ? reason('ok') : reason('foreign'),
  );
  check(
    'backup-restorable',
    backup.restorable,
    backup.restorable
      ? 'Normal and unlocked.'
      : `Not restorable: ${backup.notRestorableReason ?? backup.status}.`,
    backup.restorable
      ? reason('ok')
      : reason('not-restorable', { reason: backup.notRestorableReason ?? 'unknown-status' }),
  );
  return done({ instance, backup });
}

type Reason = NonNullable<PreflightCheck['reason']>;

function reason(code: Reason['code'], params: Record<string, string> = {}): Reason {
  return { code, params };
}

function errorReason(error: unknown): Reason {
  if (!(error instanceof AppError)) return reason('error', { code: 'INTERNAL' });
  // The cloud's RequestId of a failed check's call, so the DBA can quote it (call-runner's error details).
  const requestId = error.details?.requestId;
  return reason('error', {
    code: error.code,
    ...(typeof requestId === 'string' && /^[\x21-\x7e]{1,128}$/.test(requestId) ? { requestId } : {}),
  });
}

/**
 * Looks for the backup window by window back through the longest documented retention (or to the
 * instance's creation), newest first, stopping at the window that holds it.
 */
async function findBackup(
  api: CrsApi,
  target: PreflightTarget,
  now: number,
  createdAt: string | undefined,
): Promise<Backup | undefined> {
  const end = now + LOOKUP_LEAD_MS;
  const windows = backupWindows(end, walkFloor(end, BACKUP_RETENTION_MAX_DAYS, createdAt));
  return findBackupInWindows(api, target, windows, target.backupId);
}

function explain(error: unknown): string {
  if (error instanceof AppError && isAppErrorCode(error.code))
    return `${error.message} ${describeError(error.code).next}`;
  return error instanceof Error ? error.message : String(error);
}
