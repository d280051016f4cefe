/**
 * The checks run before a restore may be sent, each reported with its result so the dialog can show them:
 * the endpoint answers, the instance exists, runs and is not locked, no restore of it is active, and the
 * backup exists among this instance's own backups and is restorable.
 */
import type { Backup, Instance } from '../../../shared/domain';
import { AppError, describeError, isAppErrorCode } from '../../../shared/errors';
import type { PreflightCheck } from '../../../shared/tasks';
import type { CrsApi } from '../cloud/crs-api';

/** Backups are looked up across the longest window the cloud allows in one request. */
const LOOKUP_WINDOW_MS = 30 * 24 * 3600 * 1000;
const BACKUP_PAGE = 100;
const MAX_BACKUP_PAGES = 20;

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
    backup = await findBackup(api, target, now);
  } catch (error) {
    check('backup-found', false, explain(error), errorReason(error));
    return done({ instance });
  }
  if (!backup) {
    check('backup-found', false, 'No backup with this id in the last 30 days.', reason('missing'));
    check('backup-belongs', false, 'It is not among this instance’s backups.', reason('foreign'));
    return done({ instance });
  }
  check(
    'backup-found',
    true,
    `Started ${backup.startTime ?? 'at an unknown time'}.`,
    reason('ok', backup.startTime ? { startTime: backup.startTime } : {}),
  );
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
  return reason('error', { code: error instanceof AppError ? error.code : 'INTERNAL' });
}

async function findBackup(api: CrsApi, target: PreflightTarget, now: number): Promise<Backup | undefined> {
  // The cloud refuses a span over 30 days, so the window ends a minute ahead and starts 30 days before that.
  const end = now + 60_000;
  const beginTime = new Date(end - LOOKUP_WINDOW_MS).toISOString();
  const endTime = new Date(end).toISOString();
  for (let page = 0; page < MAX_BACKUP_PAGES; page++) {
    const { total, backups } = await api.describeBackups({
      region: target.region,
      instanceId: target.instanceId,
      beginTime,
      endTime,
      limit: BACKUP_PAGE,
      offset: page * BACKUP_PAGE,
    });
    const hit = backups.find((b) => b.id === target.backupId);
    if (hit) return hit;
    if ((page + 1) * BACKUP_PAGE >= total || backups.length === 0) return undefined;
  }
  return undefined;
}

function explain(error: unknown): string {
  if (error instanceof AppError && isAppErrorCode(error.code))
    return `${error.message} ${describeError(error.code).next}`;
  return error instanceof Error ? error.message : String(error);
}
