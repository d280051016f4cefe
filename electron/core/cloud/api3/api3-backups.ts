/**
 * DescribeInstanceBackups pieces of the API 3.0 client: the status filters it sends and the reading of one
 * backup row, kept whole (incomplete, named) when the cloud leaves a field out or sends it malformed.
 */
import type { Backup } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import { withTime } from '../parsing/client-support';
import { cloudTimeToIso } from '../parsing/cloud-time';
import { readLenientRow } from '../parsing/lenient-rows';
import { backupStatus, restorability } from '../parsing/normalize';
import { API3_BACKUP_REQUIRED, Api3BackupShape } from './api3-schemas';

/**
 * Every backup status the response model and older docs define: RedisBackupSet.Status in
 * tencentcloud-sdk-nodejs 4.1.313 redis_models.d.ts documents 1, 2, -1, 3 and 4; the request filter in
 * older docs adds -2 (crs-api.md §3.2), as does the Terraform provider's `status` filter
 * (tencentcloudstack/terraform-provider-tencentcloud, tencentcloud/services/crs/data_source_tc_redis_backup.go:
 * "1 … 2 … 3 … 4 … -1 … -2: Backup deleted").
 */
export const ALL_BACKUP_STATUSES = [1, 2, 3, 4, -1, -2] as const;

/** The statuses SDK 4.1.313's DescribeInstanceBackupsRequest.Status documents ("默认值：2"). */
export const SDK_BACKUP_STATUSES = [1, 2] as const;

/** A cloud InvalidParameter* answer (the error carries the cloud's own code beside the app code). */
export function isInvalidParameter(error: unknown): boolean {
  return error instanceof AppError && /^InvalidParameter/.test(String(error.details?.cloudCode ?? ''));
}

/** RedisBackupSet.BackupType (SDK 4.1.313): 0 用户发起的手动备份, 1 凌晨系统发起的自动备份, 2 变配触发的备份. */
const api3BackupKinds: Readonly<Record<string, Backup['kind']>> = {
  '0': 'manual',
  '1': 'automatic',
  '2': 'spec-change',
};

/** One BackupSet row into the domain; `missingId` stands in when the row has no BackupId. */
export function api3Backup(value: unknown, nowMs: number, missingId: string, tzOffset: number): Backup {
  const { row: raw, incomplete } = readLenientRow(Api3BackupShape, API3_BACKUP_REQUIRED, value);
  const locked = raw.Locked === 1;
  const status = backupStatus(raw.Status, locked);
  const expireTime = cloudTimeToIso(raw.ExpireTime, tzOffset);
  const type = raw.BackupType == null ? undefined : String(raw.BackupType);
  return {
    id: raw.BackupId ?? missingId,
    // Never assumed to be the asked-for instance: the preflight's "its own" check rests on this field.
    instanceId: raw.InstanceId ?? '',
    ...withTime('startTime', cloudTimeToIso(raw.StartTime, tzOffset)),
    ...withTime('endTime', cloudTimeToIso(raw.EndTime, tzOffset)),
    ...withTime('expireTime', expireTime),
    kind:
      type !== undefined && Object.hasOwn(api3BackupKinds, type.trim())
        ? (api3BackupKinds[type.trim()] as Backup['kind'])
        : 'unknown',
    status,
    statusRaw: raw.Status ?? 0,
    locked,
    ...(raw.BackupSize != null && raw.BackupSize >= 0 ? { sizeBytes: raw.BackupSize } : {}),
    remark: raw.Remark ?? '',
    ...restorability(status, locked, expireTime, nowMs, incomplete),
    ...(incomplete ? { incomplete } : {}),
  };
}
