/**
 * Backup download pieces of the API 3.0 client: the answers of DescribeBackupUrl, DescribeBackupDetail and
 * DescribeBackupDownloadRestriction (tencentcloud-sdk-nodejs 4.1.313 redis_models.d.ts:
 * DescribeBackupUrlResponse, BackupDownloadInfo, DescribeBackupDetailResponse,
 * DescribeBackupDownloadRestrictionResponse) and their reading into the client's types. URLs and keys pass
 * through here into memory only; nothing in this file logs.
 */
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { BackupDetail, BackupDownloadFile, BackupDownloadRestriction } from '../crs-api';
import { num, optString } from '../parsing/wire-schemas';

const optStrings = z
  .array(z.string().nullish())
  .nullish()
  .transform((v) => v ?? undefined);

export const DescribeBackupUrlResponseSchema = z.object({
  /** "外网下载地址（6小时内链接有效），该字段正在逐步废弃中" (deprecated parallel arrays). */
  DownloadUrl: optStrings,
  InnerDownloadUrl: optStrings,
  Filenames: optStrings,
  /** The current form: one row per file. */
  BackupInfos: z
    .array(
      z.object({
        FileName: optString,
        /** "备份文件大小，单位B，如果为0，表示无效". */
        FileSize: num.nullish(),
        DownloadUrl: optString,
        InnerDownloadUrl: optString,
      }),
    )
    .nullish(),
});
export type DescribeBackupUrlResponse = z.infer<typeof DescribeBackupUrlResponseSchema>;

export const DescribeBackupDetailResponseSchema = z.object({
  BackupId: optString,
  BackupSize: num.nullish(),
  /** "是否已加密。true：已加密 false：未加密". Absent on older answers (the tccli example has none). */
  Encrypted: z.boolean().nullish(),
  DecryptKey: optString,
  KmsKeyId: optString,
  /** "AES-256-CBC：当前仅支持AES-256-CBC". */
  KeyAlgorithm: optString,
});

export const DescribeBackupDownloadRestrictionResponseSchema = z.object({
  LimitType: optString,
  VpcComparisonSymbol: optString,
  IpComparisonSymbol: optString,
  LimitVpc: z.array(z.object({ Region: optString, VpcList: z.array(z.string()).nullish() })).nullish(),
  LimitIp: z.array(z.string()).nullish(),
});

/**
 * The answer's files: `BackupInfos` when present (the current model), else the older parallel arrays
 * `Filenames`/`DownloadUrl`/`InnerDownloadUrl` zipped by position, as the tccli example shows them side by
 * side. A file without a name is named after its position.
 */
export function backupFilesOf(data: DescribeBackupUrlResponse): BackupDownloadFile[] {
  if (data.BackupInfos && data.BackupInfos.length > 0) {
    return data.BackupInfos.map((info, at) =>
      file(info.FileName, at, info.FileSize ?? undefined, info.DownloadUrl, info.InnerDownloadUrl),
    );
  }
  const urls = data.DownloadUrl ?? [];
  const inner = data.InnerDownloadUrl ?? [];
  const names = data.Filenames ?? [];
  const count = Math.max(urls.length, inner.length);
  return Array.from({ length: count }, (_, at) =>
    file(names[at] ?? undefined, at, undefined, urls[at] ?? undefined, inner[at] ?? undefined),
  );
}

function file(
  name: string | undefined,
  at: number,
  size: number | undefined,
  url: string | undefined,
  innerUrl: string | undefined,
): BackupDownloadFile {
  return {
    fileName: name?.trim() ? name : `backup-${at + 1}`,
    ...(size !== undefined && size > 0 ? { sizeBytes: size } : {}),
    ...(url ? { url } : {}),
    ...(innerUrl ? { innerUrl } : {}),
  };
}

export function backupDetailOf(data: z.infer<typeof DescribeBackupDetailResponseSchema>): BackupDetail {
  const detail: BackupDetail = {};
  if (data.Encrypted != null) detail.encrypted = data.Encrypted;
  if (data.KeyAlgorithm) detail.keyAlgorithm = data.KeyAlgorithm;
  if (data.DecryptKey) detail.decryptKey = data.DecryptKey;
  if (data.KmsKeyId) detail.kmsKeyId = data.KmsKeyId;
  if (data.BackupSize != null && data.BackupSize >= 0) detail.sizeBytes = data.BackupSize;
  // An encrypted backup whose key the answer lacks cannot be read: said now, before any byte is fetched.
  if (detail.encrypted && !detail.decryptKey) {
    throw new AppError('BACKUP_DECRYPT_FAILED', undefined, { reason: 'no-key' });
  }
  return detail;
}

export function restrictionOf(
  data: z.infer<typeof DescribeBackupDownloadRestrictionResponseSchema>,
): BackupDownloadRestriction {
  return {
    // An answer without a type says nothing about the limit: kept as unknown, never read as "no limit".
    limitType: data.LimitType ?? 'unknown',
    vpcIds: (data.LimitVpc ?? []).flatMap((v) => v.VpcList ?? []),
    ips: data.LimitIp ?? [],
    ...(data.IpComparisonSymbol ? { ipComparison: data.IpComparisonSymbol } : {}),
  };
}
