/**
 * The safety backup, a phase of a restore: ManualBackupInstance sent once, its task waited for (cancellable:
 * a cancel stops the wait, not the cloud's backup, since there is no cancel action for it), then its id
 * found. API 3.0 ManualBackupInstance answers with a TaskId only (ManualBackupInstanceResponse,
 * tencentcloud-sdk-nodejs 4.1.313 services/redis/v20180412/redis_models.d.ts), so the backup is looked up in
 * the instance's backup list by the remark the app gave it, which names the restore and so is unique. The
 * legacy API names the backup in its answer and needs no lookup.
 */

import type { AuditOutcome } from '../../../shared/audit';
import type { RestoreTaskStatus } from '../../../shared/domain';
import { AppError, describeError } from '../../../shared/errors';
import { type RestoreRecord, taskText } from '../../../shared/tasks';
import { type AuditText, said } from '../audit/audit-text';
import type { CrsApi } from '../cloud/crs-api';
import type { Logger } from '../logging/logger';

export interface SafetyBackupDeps {
  save: (record: RestoreRecord) => Promise<RestoreRecord>;
  finish: (record: RestoreRecord) => Promise<RestoreRecord>;
  audit: (
    record: RestoreRecord,
    outcome: AuditOutcome,
    text: AuditText,
    action?: 'restore' | 'safety-backup',
  ) => Promise<void>;
  waitForTask: (
    api: CrsApi,
    region: string,
    taskId: string,
    signal?: AbortSignal,
  ) => Promise<RestoreTaskStatus>;
  now: () => number;
  /** True once the app is quitting. */
  disposed: () => boolean;
  log: Logger;
}

/** Closes a restore the user cancelled before its request left: nothing was restored. */
export async function closeCancelled(deps: SafetyBackupDeps, record: RestoreRecord): Promise<void> {
  const backup = record.safetyBackup;
  const backupGoesOn = backup?.taskId && (backup.status === 'starting' || backup.status === 'running');
  await deps.finish({
    ...record,
    status: 'refused',
    errorCode: 'CANCELLED',
    ...(backup && backupGoesOn ? { safetyBackup: { ...backup, status: 'cancelled' } } : {}),
    ...(backupGoesOn
      ? taskText('cancelled-during-backup', { taskId: backup?.taskId ?? '' })
      : taskText('cancelled')),
  });
}

/**
 * Takes the safety backup as a phase of the restore. Returns the record to go on with, or undefined when
 * the restore was closed here (the backup failed, or the user cancelled: nothing was sent either way).
 */
export async function takeSafetyBackup(
  deps: SafetyBackupDeps,
  api: CrsApi,
  record: RestoreRecord,
  signal: AbortSignal,
): Promise<RestoreRecord | undefined> {
  const at = () => new Date(deps.now()).toISOString();
  const remark = `Safety backup before restore ${record.restoreId.slice(0, 8)}`;
  let current = await deps.save({
    ...record,
    phase: 'safety-backup',
    ...taskText('safety-backup'),
    safetyBackup: { status: 'starting', remark, startedAt: at() },
  });
  try {
    const started = await api.manualBackup({
      region: record.region,
      instanceId: record.instanceId,
      remark,
    });
    current = await deps.save({
      ...current,
      safetyBackup: { ...current.safetyBackup, ...started, status: 'running' },
    });
    const status = await deps.waitForTask(api, record.region, started.taskId, signal);
    current = await deps.save({
      ...current,
      safetyBackup: { ...current.safetyBackup, ...started, status, endedAt: at() },
    });
    // The backup is named (found by its remark) before it is audited, so its entry carries its own id.
    if (status === 'succeed') current = await nameSafetyBackup(deps, api, current, remark);
    await deps.audit(
      current,
      status === 'succeed' ? 'succeed' : 'failed',
      said('safety-backup-ended', `Safety backup task ${started.taskId}: ${status}.`, {
        taskId: started.taskId,
        status,
      }),
      'safety-backup',
    );
    if (status !== 'succeed')
      throw new AppError('SAFETY_BACKUP_FAILED', undefined, { taskId: started.taskId, status });
    return current;
  } catch (error) {
    if (signal.aborted) {
      await closeCancelled(deps, current);
      return undefined;
    }
    // The app is quitting: the record stays as it is, and the next start closes it as stopped before send.
    if (deps.disposed()) return undefined;
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    if (code === 'TASK_OUTCOME_UNKNOWN' && current.safetyBackup) {
      // The backup task could not be read: say so for the backup; the restore itself was never sent.
      current = await deps.save({
        ...current,
        safetyBackup: { ...current.safetyBackup, status: 'outcome-unknown', endedAt: at() },
      });
      await deps.audit(
        current,
        'outcome-unknown',
        said(
          'safety-backup-unknown',
          `Safety backup task ${current.safetyBackup?.taskId ?? ''}: outcome unknown — check the console.`,
          { taskId: current.safetyBackup?.taskId ?? '' },
        ),
        'safety-backup',
      );
    }
    await deps.finish({
      ...current,
      status: 'refused',
      errorCode: 'SAFETY_BACKUP_FAILED',
      ...taskText('error', { text: `${describeError('SAFETY_BACKUP_FAILED').message} (${code})` }),
    });
    return undefined;
  }
}

/** Records the safety backup's id when the answer did not name it; the way back after the restore needs it. */
async function nameSafetyBackup(
  deps: SafetyBackupDeps,
  api: CrsApi,
  record: RestoreRecord,
  remark: string,
): Promise<RestoreRecord> {
  const backup = record.safetyBackup;
  if (!backup || backup.backupId) return record;
  try {
    const backupId = await findSafetyBackupId(api, {
      region: record.region,
      instanceId: record.instanceId,
      remark,
      startedAt: backup.startedAt ?? record.createdAt,
      now: deps.now(),
    });
    return backupId ? await deps.save({ ...record, safetyBackup: { ...backup, backupId } }) : record;
  } catch (error) {
    // The backup exists either way; without its id the way back names its remark instead.
    deps.log.warn('safety backup id not found', {
      restoreId: record.restoreId,
      error: error instanceof AppError ? error.code : 'unknown',
    });
    return record;
  }
}

/** Backups listed around the backup's start, either side: the cloud's clock and ours may differ. */
const SLACK_MS = 60 * 60_000;
/** One page is plenty for two hours of one instance's backups. */
const PAGE = 100;

export async function findSafetyBackupId(
  api: CrsApi,
  target: { region: string; instanceId: string; remark: string; startedAt: string; now: number },
): Promise<string | undefined> {
  const started = Date.parse(target.startedAt);
  const page = await api.describeBackups({
    region: target.region,
    instanceId: target.instanceId,
    beginTime: new Date(started - SLACK_MS).toISOString(),
    endTime: new Date(Math.max(target.now, started) + SLACK_MS).toISOString(),
    limit: PAGE,
    offset: 0,
  });
  const matches = page.backups.filter((b) => b.remark === target.remark && !b.incomplete);
  // Two backups with the same remark cannot be told apart: better no id than a wrong one.
  return matches.length === 1 ? matches[0]?.id : undefined;
}
