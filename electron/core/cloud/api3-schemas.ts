/**
 * API 3.0 response shapes for the five Redis actions the app uses (crs-api.md §2.4, §3). Fields may be
 * null ("此字段可能返回 null"), so optional ones are `nullish`.
 */
import { z } from 'zod';
import { idDigits, int, num, optString } from './wire-schemas';

export const Api3EnvelopeSchema = z.object({
  Response: z.looseObject({
    RequestId: optString,
    Error: z.object({ Code: z.string().min(1), Message: optString }).nullish(),
  }),
});

export const Api3InstanceSchema = z.object({
  InstanceId: z.string().min(1),
  InstanceName: optString,
  Region: optString,
  ZoneId: int.nullish(),
  Status: int,
  InstanceTitle: optString,
  Type: int.nullish(),
  Size: num.nullish(),
  SizeUsed: num.nullish(),
  WanIp: optString,
  Port: int.nullish(),
  ProjectId: int.nullish(),
  ProjectName: optString,
  NoAuth: z.boolean().nullish(),
  UniqVpcId: optString,
  UniqSubnetId: optString,
  Createtime: optString,
  DeadlineTime: optString,
  CurrentRedisVersion: optString,
  InstanceTags: z.array(z.object({ TagKey: z.string(), TagValue: z.string().nullish() })).nullish(),
});
export type Api3Instance = z.infer<typeof Api3InstanceSchema>;

export const DescribeInstancesResponseSchema = z.object({
  TotalCount: int,
  InstanceSet: z.array(Api3InstanceSchema).nullish(),
});

export const Api3BackupSchema = z.object({
  BackupId: z.string().min(1),
  InstanceId: optString,
  StartTime: optString,
  EndTime: optString,
  ExpireTime: optString,
  /** "0" manual, "1" automatic; sent as a string, tolerated as a number. */
  BackupType: z.union([z.string(), z.number()]).nullish(),
  Status: int,
  Remark: optString,
  Locked: int.nullish(),
  BackupSize: num.nullish(),
});
export type Api3Backup = z.infer<typeof Api3BackupSchema>;

export const DescribeInstanceBackupsResponseSchema = z.object({
  TotalCount: int,
  BackupSet: z.array(Api3BackupSchema).nullish(),
});

export const RestoreInstanceResponseSchema = z.object({ TaskId: idDigits });

export const ManualBackupInstanceResponseSchema = z.object({ TaskId: idDigits });

export const DescribeTaskInfoResponseSchema = z.object({
  Status: z.string().min(1),
  StartTime: optString,
  TaskType: optString,
  InstanceId: optString,
  TaskMessage: optString,
});

export const DescribeTaskListResponseSchema = z.object({
  TotalCount: z.number().int().nonnegative(),
  Tasks: z
    .array(
      z.object({
        TaskId: z.number().int().nonnegative(),
        StartTime: optString,
        TaskType: optString,
        InstanceId: optString,
        /** 0 initialising, 1 running, 2 done, 4 failed. */
        Result: z.number().int().nullish(),
      }),
    )
    .nullish(),
});
