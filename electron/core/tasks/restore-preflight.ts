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
  const checks: PreflightCheck[] = [
    {
      id: 'no-active-restore',
      ok: activeRestore === undefined,
      detail: activeRestore
        ? `A restore of this instance is ${activeRestore.status}; wait for it to end.`
        : 'No other restore of this instance is in progress.',
    },
  ];
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
    checks.push({ id: 'endpoint-reachable', ok: true, detail: 'The CRS endpoint answered.' });
  } catch (error) {
    checks.push({ id: 'endpoint-reachable', ok: false, detail: explain(error) });
    return done();
  }
  checks.push({
    id: 'instance-found',
    ok: instance !== undefined,
    detail: instance
      ? `${instance.name || instance.id} in ${target.region}`
      : `No instance ${target.instanceId} in ${target.region}.`,
  });
  if (!instance) return done();
  checks.push({
    id: 'instance-running',
    ok: instance.status === 'running',
    detail:
      instance.status === 'running'
        ? 'Running.'
        : `The instance is ${instance.statusText ?? instance.status}.`,
  });
  checks.push({
    id: 'instance-unlocked',
    ok: instance.status !== 'processing',
    detail:
      instance.status === 'processing'
        ? 'A task is running on this instance (status: in process); it is locked until it ends.'
        : 'No task holds the instance.',
  });

  let backup: Backup | undefined;
  try {
    backup = await findBackup(api, target, now);
  } catch (error) {
    checks.push({ id: 'backup-found', ok: false, detail: explain(error) });
    return done({ instance });
  }
  checks.push({
    id: 'backup-found',
    ok: backup !== undefined,
    detail: backup
      ? `Started ${backup.startTime ?? 'at an unknown time'}.`
      : 'No backup with this id in the last 30 days.',
  });
  checks.push({
    id: 'backup-belongs',
    ok: backup !== undefined && backup.instanceId === target.instanceId,
    detail: backup ? 'The backup was taken from this instance.' : 'It is not among this instance’s backups.',
  });
  if (backup) {
    checks.push({
      id: 'backup-restorable',
      ok: backup.restorable,
      detail: backup.restorable
        ? 'Normal and unlocked.'
        : `Not restorable: ${backup.notRestorableReason ?? backup.status}.`,
    });
  }
  return done({ instance, ...(backup ? { backup } : {}) });
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
