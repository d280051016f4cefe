/**
 * Legacy v2 rows as the app's domain objects: instances (DescribeRedis) and backups (GetRedisBackupList). Each
 * row is read leniently (lenient-rows.ts): a missing or malformed required field keeps the row, marked
 * incomplete with the fields named, and a missing id gets the placeholder the caller made.
 */
import type { Backup, Instance } from '../../../../shared/domain';
import { withTime } from '../parsing/client-support';
import { cloudTimeToIso } from '../parsing/cloud-time';
import { readLenientRow } from '../parsing/lenient-rows';
import { backupStatus, instanceStatus, legacyTypeInfo, restorability } from '../parsing/normalize';
import * as S from './legacy-schemas';

/** One legacy instance row as the app's Instance; a missing required field marks it incomplete. */
export function legacyInstance(
  value: unknown,
  region: string,
  missingId: string,
  tzOffset: number,
): Instance {
  const { row: raw, incomplete } = readLenientRow(S.LegacyInstanceShape, S.LEGACY_INSTANCE_REQUIRED, value);
  const typeId = raw.typeId ?? 0;
  const info = legacyTypeInfo(typeId);
  return {
    id: raw.redisId ?? missingId,
    name: raw.redisName ?? '',
    region,
    ...(raw.zoneId != null ? { zoneId: raw.zoneId } : {}),
    // typeIddesc describes the architecture (集群版), not the engine: the legacy listing names no version.
    engine: info.engine,
    architecture: info.architecture,
    typeId,
    sizeMb: Math.max(0, raw.size ?? 0),
    ...(raw.sizeUsed != null ? { usedMb: Math.max(0, raw.sizeUsed) } : {}),
    status: instanceStatus(raw.status),
    statusRaw: raw.status ?? 0,
    ...(raw.statusDesc ? { statusText: raw.statusDesc } : {}),
    wanIp: raw.wanIp ?? '',
    port: Math.max(0, raw.port ?? 0),
    tags: [],
    projectId: raw.projectId ?? 0,
    noAuth: false,
    ...(raw.unVpcId ? { vpcId: raw.unVpcId } : {}),
    ...(raw.unSubnetId ? { subnetId: raw.unSubnetId } : {}),
    ...withTime('createdAt', cloudTimeToIso(raw.createtime, tzOffset)),
    ...withTime('expiresAt', cloudTimeToIso(raw.deadlineTime, tzOffset)),
    generation: 'legacy-v2',
    ...(incomplete ? { incomplete } : {}),
  };
}

/** One legacy backup row as the app's Backup, with what the legacy API lets the app say of restoring it. */
export function legacyBackup(
  value: unknown,
  instanceId: string,
  nowMs: number,
  missingId: string,
  tzOffset: number,
): Backup {
  const { row: raw, incomplete } = readLenientRow(S.LegacyBackupShape, S.LEGACY_BACKUP_REQUIRED, value);
  const locked = raw.locked === 1;
  const status = backupStatus(raw.status, locked);
  return {
    id: raw.backupId ?? missingId,
    instanceId,
    ...withTime('startTime', cloudTimeToIso(raw.startTime, tzOffset)),
    kind:
      raw.backupType === 'manualBackupInstance'
        ? 'manual'
        : raw.backupType === 'systemBackupInstance'
          ? 'automatic'
          : 'unknown',
    status,
    statusRaw: raw.status ?? 0,
    locked,
    remark: raw.remark ?? '',
    // Legacy lists no expiry; the cloud keeps backups 7 days and marks expired ones with status -1.
    ...restorability(status, locked, undefined, nowMs, incomplete),
    ...(incomplete ? { incomplete } : {}),
  };
}
