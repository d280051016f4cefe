/**
 * Legacy v2 response shapes (crs-api.md §1.4–1.8). Documented examples send numbers both as numbers and
 * as strings (`"status":"2"`, `"totalCount":"1"`), so every numeric field accepts either.
 */
import { z } from 'zod';
import { idDigits, int, num, optString } from './wire-schemas';

export const LegacyEnvelopeSchema = z.looseObject({
  code: int,
  message: optString,
  codeDesc: optString,
});

export const LegacyInstanceSchema = z.object({
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
});
export type LegacyInstance = z.infer<typeof LegacyInstanceSchema>;

/** `totalCount` sits beside `data` on the documented pages; tolerate it inside `data` too. */
export const DescribeRedisResponseSchema = z.object({
  totalCount: int.nullish(),
  data: z.object({ totalCount: int.nullish(), redisSet: z.array(LegacyInstanceSchema).nullish() }),
});

export const LegacyBackupSchema = z.object({
  backupId: z.string().min(1),
  startTime: optString,
  /** `manualBackupInstance` or `systemBackupInstance`. */
  backupType: optString,
  status: int,
  remark: optString,
  locked: int.nullish(),
});
export type LegacyBackup = z.infer<typeof LegacyBackupSchema>;

export const GetRedisBackupListResponseSchema = z.object({
  totalCount: int.nullish(),
  data: z.object({ totalCount: int.nullish(), redisBackupSet: z.array(LegacyBackupSchema).nullish() }),
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
