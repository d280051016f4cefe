// The demo seed's past and platform flows: tasks started outside the app (the console, the nightly
// backup, an upgrade) and the long-retention archive of crs-demo0014. Each gives DescribeTaskInfo /
// DescribeTaskList a status or TaskType code that no request to the sandbox could otherwise produce.
import { NODE_LOST_MESSAGE, type SandboxState } from '../state/store.js';
import type { InstanceRecord } from '../state/types.js';
import { DAY_MS, makeBackup, nightlyStart } from './factory.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Long enough to run through any demo session, independent of --task-seconds. */
const UPGRADE_MS = 6 * HOUR_MS;

/** Five years: ManualBackupInstance's documented maximum StorageDays (1825). */
const ARCHIVE_RETENTION_MS = 1825 * DAY_MS;

/** Monthly archives reaching back more than a year. */
const ARCHIVE_MONTHS = 15;

function instanceOf(state: SandboxState, id: string): InstanceRecord {
  const instance = state.instances.get(id);
  if (!instance) throw new Error(`demo seed lost ${id}`);
  return instance;
}

function newestBackupId(state: SandboxState, instance: InstanceRecord): string {
  const newest = [...state.backupsOf(instance.id)].sort((a, b) => b.startMs - a.startMs)[0];
  if (!newest) throw new Error(`demo seed: ${instance.id} has no backup`);
  return newest.id;
}

export function seedHistory(state: SandboxState, now: number): void {
  // feature-flags is "in process" because a version upgrade runs (TaskType "067"); it holds no lock.
  const flags = instanceOf(state, 'crs-demo0006');
  state.seedTask({
    kind: 'upgrade',
    instance: flags,
    backupId: '',
    startMs: now - 40 * MINUTE_MS,
    durationMs: UPGRADE_MS,
  });

  // rate-limiter's node went away in the middle of a console restore: the flow ended in "error".
  const limiter = instanceOf(state, 'crs-demo0012');
  state.seedTask({
    kind: 'restore',
    instance: limiter,
    backupId: newestBackupId(state, limiter),
    startMs: now - 3 * HOUR_MS,
    durationMs: 4 * MINUTE_MS,
    outcome: { status: 'error', message: NODE_LOST_MESSAGE },
  });

  // ledger-archive: yesterday's console restore failed (its tasks are all in ap-beijing, away from the
  // regions the task-list tests count).
  const ledger = instanceOf(state, 'crs-demo0014');
  state.seedTask({
    kind: 'restore',
    instance: ledger,
    backupId: newestBackupId(state, ledger),
    startMs: now - 26 * HOUR_MS,
    durationMs: 3 * MINUTE_MS,
    outcome: { status: 'failed', message: 'Loading the backup file on the instance node failed.' },
  });

  // analytics (project 1): the 4.0 → 6.2 upgrade that followed its spec-change backup succeeded.
  const analytics = instanceOf(state, 'crs-demo0011');
  state.seedTask({
    kind: 'upgrade',
    instance: analytics,
    backupId: '',
    startMs: now - 5 * DAY_MS + 10 * MINUTE_MS,
    durationMs: 25 * MINUTE_MS,
    outcome: { status: 'succeed', message: '' },
  });
}

/**
 * ledger-archive keeps a manual backup a month for five years, so it has backups far older than
 * DescribeInstanceBackups' 30-day window; the newest archive was exported (Status 4). Its nightly backups
 * come with their FLOW_AUTOBACKUP ("017") tasks and the newest archive with its FLOW_BACKUPINSTANCE
 * ("012") task.
 */
export function seedLedgerArchive(
  state: SandboxState,
  ledger: InstanceRecord,
  now: number,
  ids: { exported: string; oldest: string },
): void {
  for (let month = 1; month <= ARCHIVE_MONTHS; month++) {
    const startMs = nightlyStart(now, 30 * month) + HOUR_MS;
    const id =
      month === 1
        ? ids.exported
        : month === ARCHIVE_MONTHS
          ? ids.oldest
          : `1250000000-6000014-${Math.floor(startMs / 1000)}`;
    const backup = makeBackup({
      id,
      instance: ledger,
      startMs,
      manual: true,
      remark: 'monthly archive',
      expireMs: startMs + ARCHIVE_RETENTION_MS,
    });
    if (month === 1) backup.exported = true;
    state.addBackup(backup);
    if (month === 1) {
      state.seedTask({
        kind: 'backup',
        instance: ledger,
        backupId: id,
        startMs,
        durationMs: backup.endMs - startMs,
        outcome: { status: 'succeed', message: '' },
      });
    }
  }
  for (const backup of state.backupsOf(ledger.id)) {
    if (backup.origin !== 'automatic') continue;
    state.seedTask({
      kind: 'autoBackup',
      instance: ledger,
      backupId: backup.id,
      startMs: backup.startMs,
      durationMs: backup.endMs - backup.startMs,
      outcome: { status: 'succeed', message: '' },
    });
  }
}
