/**
 * Generation-neutral pieces of normalization: status vocabularies, the instance type table and the
 * derived `restorable` flag of a backup. The clients feed these from their own wire fields.
 */
import {
  type BackupStatus,
  type InstanceStatus,
  instanceStatusByRaw,
  legacyTaskStatus,
  type NotRestorableReason,
  type RestoreTaskStatus,
} from '../../../../shared/domain';
import { type EngineRule, engineRule } from '../../../../shared/engine-rules';

/** Documented instance statuses (0, 1, 2, -2, -3); anything else, or none, is `unknown`. */
export function instanceStatus(raw: number | undefined): InstanceStatus {
  return (raw === undefined ? undefined : instanceStatusByRaw[raw]) ?? 'unknown';
}

/** API 3.0 `Type` → engine label and architecture, from the shared engine table. */
export function api3TypeInfo(type: number): EngineRule {
  return engineRule('v3', type);
}

/** Legacy `typeId` → architecture; the legacy listing never names the engine version. */
export function legacyTypeInfo(typeId: number): EngineRule {
  return engineRule('legacy-v2', typeId);
}

/**
 * Backup status numbers of both generations' responses: 1 "备份被其它流程锁定" (locked by another flow; the
 * API 3.0 request filter calls the same value "备份在流程中"), 2 normal, 3 being exported, 4 exported, -1
 * expired, -2 deleted (API 3.0 filter). A normal backup with `Locked` set is reported as locked; a missing
 * or undocumented value is `unknown`. Sources: tencentcloud-sdk-nodejs 4.1.313 redis_models.d.ts
 * (RedisBackupSet.Status, DescribeInstanceBackupsRequest.Status); crs-api.md §1.6 and §3.2.
 */
export function backupStatus(raw: number | undefined, locked: boolean): BackupStatus {
  switch (raw) {
    case 1:
      return 'locked';
    case 2:
      return locked ? 'locked' : 'normal';
    case 3:
      return 'exporting';
    case 4:
      return 'exported';
    case -1:
      return 'expired';
    case -2:
      return 'deleted';
    default:
      return 'unknown';
  }
}

const statusReasons: Partial<Record<BackupStatus, NotRestorableReason>> = {
  locked: 'locked',
  exporting: 'exporting',
  expired: 'expired',
  deleted: 'deleted',
  unknown: 'unknown-status',
};

/**
 * Restorable when normal or exported (an export leaves the backup intact), unlocked, complete, and not past
 * its expiry at `nowMs`. Anything else carries the reason so the UI can say why the button is disabled; a
 * status reason wins over `incomplete`, being the more specific of the two.
 */
export function restorability(
  status: BackupStatus,
  locked: boolean,
  expireTime: string | undefined,
  nowMs: number,
  incomplete?: readonly string[],
): { restorable: boolean; notRestorableReason?: NotRestorableReason } {
  const reason = statusReasons[status];
  if (reason) return { restorable: false, notRestorableReason: reason };
  if (locked) return { restorable: false, notRestorableReason: 'locked' };
  if (expireTime !== undefined && Date.parse(expireTime) <= nowMs) {
    return { restorable: false, notRestorableReason: 'expired' };
  }
  if (incomplete && incomplete.length > 0) return { restorable: false, notRestorableReason: 'incomplete' };
  return { restorable: true };
}

const api3TaskStatuses: ReadonlySet<string> = new Set(['preparing', 'running', 'succeed', 'failed', 'error']);

/**
 * API 3.0 task status. The documented set is `preparing`, `running`, `succeed`, `failed`, `error`
 * (DescribeTaskInfoResponse.Status, tencentcloud-sdk-nodejs services/redis/v20180412/redis_models.d.ts); the
 * English models of tencentcloud-sdk-go-intl-en spell the last one `Error`, so the comparison ignores case
 * and surrounding spaces. Anything else is undefined here, and the follower treats it as a read it cannot
 * trust (follow-limits.ts) rather than as failure, unlike the Terraform provider, which compares the
 * lower-case spellings exactly and calls any other status a failure.
 */
export function api3TaskStatus(raw: string): RestoreTaskStatus | undefined {
  const lower = raw.trim().toLowerCase();
  return api3TaskStatuses.has(lower) ? (lower as RestoreTaskStatus) : undefined;
}

export function legacyTaskStatusOf(raw: number): RestoreTaskStatus | undefined {
  return legacyTaskStatus[raw];
}
