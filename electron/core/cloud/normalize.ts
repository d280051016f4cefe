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

export function instanceStatus(raw: number): InstanceStatus {
  return instanceStatusByRaw[raw] ?? 'unknown';
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
 * Backup status numbers are the same in both generations' responses: 1 "locked by another flow" (the
 * request filter calls the same value "in progress"), 2 normal, 3 exporting, 4 exported, -1 expired,
 * and -2 deleted (API 3.0 filter only). A normal backup with `locked` set is reported as locked.
 */
export function backupStatus(raw: number, locked: boolean): BackupStatus {
  switch (raw) {
    case 1:
      return 'in-progress';
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

/**
 * Restorable when normal or exported (an export leaves the backup intact), unlocked, and not past its
 * expiry at `nowMs`. Anything else carries the reason so the UI can say why the button is disabled.
 */
export function restorability(
  status: BackupStatus,
  locked: boolean,
  expireTime: string | undefined,
  nowMs: number,
): { restorable: boolean; notRestorableReason?: NotRestorableReason } {
  const reasons: Partial<Record<BackupStatus, NotRestorableReason>> = {
    'in-progress': 'in-progress',
    locked: 'locked',
    exporting: 'exporting',
    expired: 'expired',
    deleted: 'deleted',
    unknown: 'unknown-status',
  };
  const reason = reasons[status];
  if (reason) return { restorable: false, notRestorableReason: reason };
  if (locked) return { restorable: false, notRestorableReason: 'locked' };
  if (expireTime !== undefined && Date.parse(expireTime) <= nowMs) {
    return { restorable: false, notRestorableReason: 'expired' };
  }
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
