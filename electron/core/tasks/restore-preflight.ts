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

  if (activeRestore) {
    check(
      'no-active-restore',
      false,
      `A restore of this instance is ${activeRestore.status}; wait for it to end.`,
      reason('active', { status: activeRestore.status }),
    );
  } else {
    check('no-active-restore', true, 'No other restore of this instance is in progress.');
  }

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
