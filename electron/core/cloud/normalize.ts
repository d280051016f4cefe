/**
 * Generation-neutral pieces of normalization: status vocabularies, the instance type table and the
 * derived `restorable` flag of a backup. The clients feed these from their own wire fields.
 */
import {
  type BackupStatus,
  type InstanceArchitecture,
  type InstanceStatus,
  instanceStatusByRaw,
  legacyTaskStatus,
  type NotRestorableReason,
  type RestoreTaskStatus,
} from '../../../shared/domain';

/** Documented instance statuses (0, 1, 2, -2, -3); anything else, or none, is `unknown`. */
export function instanceStatus(raw: number | undefined): InstanceStatus {
  return (raw === undefined ? undefined : instanceStatusByRaw[raw]) ?? 'unknown';
}

interface TypeInfo {
  engine: string;
  engineVersion?: string;
  architecture: InstanceArchitecture;
}

const api3Types: Readonly<Record<number, TypeInfo>> = {
  2: { engine: 'Redis 2.8', engineVersion: '2.8', architecture: 'standard' },
  3: { engine: 'CKV 3.2', engineVersion: '3.2', architecture: 'standard' },
  4: { engine: 'CKV 3.2', engineVersion: '3.2', architecture: 'cluster' },
  5: { engine: 'Redis 2.8', engineVersion: '2.8', architecture: 'standalone' },
  6: { engine: 'Redis 4.0', engineVersion: '4.0', architecture: 'standard' },
  7: { engine: 'Redis 4.0', engineVersion: '4.0', architecture: 'cluster' },
  8: { engine: 'Redis 5.0', engineVersion: '5.0', architecture: 'standard' },
  9: { engine: 'Redis 5.0', engineVersion: '5.0', architecture: 'cluster' },
  15: { engine: 'Redis 6.2', engineVersion: '6.2', architecture: 'standard' },
  16: { engine: 'Redis 6.2', engineVersion: '6.2', architecture: 'cluster' },
  17: { engine: 'Redis 7.0', engineVersion: '7.0', architecture: 'standard' },
  18: { engine: 'Redis 7.0', engineVersion: '7.0', architecture: 'cluster' },
  19: { engine: 'Valkey 8.0', engineVersion: '8.0', architecture: 'standard' },
  20: { engine: 'Valkey 8.0', engineVersion: '8.0', architecture: 'cluster' },
  21: { engine: 'Valkey 8.0', engineVersion: '8.0', architecture: 'standard' },
  22: { engine: 'Valkey 8.0', engineVersion: '8.0', architecture: 'cluster' },
  200: { engine: 'Memcached 1.6', engineVersion: '1.6', architecture: 'cluster' },
};

/** API 3.0 `Type` → engine label and architecture (crs-api.md §3.1). */
export function api3TypeInfo(type: number): TypeInfo {
  return api3Types[type] ?? { engine: 'Redis', architecture: 'unknown' };
}

/**
 * Legacy `typeId`: 1 is cluster everywhere; 2 is documented both as 主从版 (standard) and 单机版
 * (standalone). The newest Chinese page says standard, so we follow it.
 */
export function legacyTypeInfo(typeId: number): TypeInfo {
  if (typeId === 1) return { engine: 'Redis', architecture: 'cluster' };
  if (typeId === 2) return { engine: 'Redis', architecture: 'standard' };
  return { engine: 'Redis', architecture: 'unknown' };
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

/** API 3.0 task status; English pages spell `Error`, so compare case-insensitively. */
export function api3TaskStatus(raw: string): RestoreTaskStatus | undefined {
  const lower = raw.trim().toLowerCase();
  return api3TaskStatuses.has(lower) ? (lower as RestoreTaskStatus) : undefined;
}

export function legacyTaskStatusOf(raw: number): RestoreTaskStatus | undefined {
  return legacyTaskStatus[raw];
}
