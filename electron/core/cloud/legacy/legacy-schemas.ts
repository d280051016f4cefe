/**
 * Legacy v2 response shapes (crs-api.md §1.4–1.8). Documented examples send numbers both as numbers and
 * as strings (`"status":"2"`, `"totalCount":"1"`), so every numeric field accepts either.
 */
import { z } from 'zod';
import { RowArraySchema } from '../parsing/lenient-rows';
import { idDigits, int, num, optString } from '../parsing/wire-schemas';

export const LegacyEnvelopeSchema = z.looseObject({
  code: int,
  message: optString,
  codeDesc: optString,
});

export const LegacyInstanceShape = {
  redisId: z.string().min(1),
  redisName: optString,
  projectId: int.nullish(),
  regionId: int.nullish(),
  zoneId: int.nullish(),
  unVpcId: optString,
  unSubnetId: optString,
  status: int,
  statusDesc: optString,
  wanIp: optString,
  port: int.nullish(),
  createtime: optString,
  size: num.nullish(),
  sizeUsed: num.nullish(),
  typeId: int.nullish(),
  typeIddesc: optString,
  deadlineTime: optString,
};
export const LegacyInstanceSchema = z.object(LegacyInstanceShape);
export type LegacyInstance = z.infer<typeof LegacyInstanceSchema>;

/** Fields an instance row must carry to be acted on: its id, status and type (the restore's semantics). */
export const LEGACY_INSTANCE_REQUIRED = ['redisId', 'status', 'typeId'] as const;

/** `totalCount` sits beside `data` on the documented pages; tolerate it inside `data` too. */
export const DescribeRedisResponseSchema = z.object({
  totalCount: int.nullish(),
  data: z.object({ totalCount: int.nullish(), redisSet: RowArraySchema }),
});

export const LegacyBackupShape = {
  backupId: z.string().min(1),
  startTime: optString,
  /** `manualBackupInstance` or `systemBackupInstance`. */
  backupType: optString,
  status: int,
  remark: optString,
  locked: int.nullish(),
};
export const LegacyBackupSchema = z.object(LegacyBackupShape);
export type LegacyBackup = z.infer<typeof LegacyBackupSchema>;

/**
 * Fields a legacy backup row must carry (crs-api.md §1.6 lists all five); the row names no instance, the
 * list being asked per `redisId`.
 */
export const LEGACY_BACKUP_REQUIRED = ['backupId', 'status', 'locked', 'startTime', 'backupType'] as const;

export const GetRedisBackupListResponseSchema = z.object({
  totalCount: int.nullish(),
  data: z.object({ totalCount: int.nullish(), redisBackupSet: RowArraySchema }),
});

export const LegacyTaskCreatedSchema = z.object({
  data: z.object({ requestId: idDigits, backupId: optString }),
});

export const LegacyTaskInfoSchema = z.object({
  data: z.object({ status: int }),
});

export const LegacyTaskListSchema = z.object({
  data: z.object({
    redisTaskSet: z
      .array(z.object({ startTime: optString, taskName: optString, redisId: optString, status: int }))
      .nullish(),
  }),
});

/**
 * GetBackupDownloadUrl (tencentyun/qcloud-documents `api/数据库/云存储Redis/实例相关接口/查询备份下载地址.md`
 * @1f84f62b; https://cloud.tencent.com/document/product/236/8452): `data.intranet` and `data.extranet`, one
 * link each, valid 12 hours.
 */
export const LegacyBackupDownloadUrlSchema = z.object({
  data: z.object({ intranet: optString, extranet: optString }),
});
