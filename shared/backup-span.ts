/**
 * How far back the backup list reaches. The cloud answers at most 30 days per DescribeInstanceBackups
 * request, so the core walks consecutive windows back to the chosen span; `all` means the longest
 * retention Tencent documents for a backup, or the instance's creation if that is later.
 */
import { z } from 'zod';

/**
 * The longest a CRS backup can be kept, in days: ManualBackupInstance `StorageDays` is documented as
 * "取值范围：[0.1825]" (read as 0 to 1825; default 7, longer by ticket). Automatic backups default to 7 days
 * (DescribeAutoBackupConfig `BackupStorageDays`, "默认为7天"), also extendable by ticket, to no documented
 * maximum beyond this one. Source: tencentcloud-sdk-nodejs 4.1.313,
 * tencentcloud/services/redis/v20180412/redis_models.d.ts (ManualBackupInstanceRequest,
 * DescribeAutoBackupConfigResponse); the same text in TencentCloud/tencentcloud-sdk-dotnet
 * TencentCloud/Redis/V20180412/Models/ManualBackupInstanceRequest.cs.
 */
export const BACKUP_RETENTION_MAX_DAYS = 1825;

/** The span choices the backups panel offers, in days; `all` is the whole documented retention. */
export const backupSpanChoices = [1, 3, 7, 14, 30, 90, 365, 'all'] as const;

export const BackupSpanSchema = z.union([
  z.number().int().min(1).max(BACKUP_RETENTION_MAX_DAYS),
  z.literal('all'),
]);
export type BackupSpan = z.infer<typeof BackupSpanSchema>;

/** Days a span reaches back (before the instance's creation is taken into account). */
export function spanDays(span: BackupSpan): number {
  return span === 'all' ? BACKUP_RETENTION_MAX_DAYS : span;
}

/**
 * Which backup statuses a listing could ask for: `all` six documented ones; `normal-and-locked` when the
 * cloud refused the full filter and the app fell back to the two the SDK's request model names; or
 * `server-default` when the API has no status filter at all (legacy GetRedisBackupList).
 */
export const StatusCoverageSchema = z.enum(['all', 'normal-and-locked', 'server-default']);
export type StatusCoverage = z.infer<typeof StatusCoverageSchema>;

/** The offered choices, with `current` (say, a preference saved as 45 days) added in order when missing. */
export function spanChoicesWith(current: BackupSpan): readonly BackupSpan[] {
  if ((backupSpanChoices as readonly BackupSpan[]).includes(current)) return backupSpanChoices;
  const days = backupSpanChoices.filter((c): c is Exclude<typeof c, 'all'> => c !== 'all');
  return [...[...days, current as number].sort((a, b) => a - b), 'all'];
}
