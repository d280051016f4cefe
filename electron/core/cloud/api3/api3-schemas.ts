/**
 * API 3.0 response shapes for the five Redis actions the app uses (crs-api.md §2.4, §3). Fields may be
 * null ("此字段可能返回 null"), so optional ones are `nullish`.
 */
import { z } from 'zod';
import { RowArraySchema } from '../parsing/lenient-rows';
import { idDigits, int, num, optString } from '../parsing/wire-schemas';

export const Api3EnvelopeSchema = z.object({
  Response: z.looseObject({
    RequestId: optString,
    Error: z.object({ Code: z.string().min(1), Message: optString }).nullish(),
  }),
});

export const Api3InstanceShape = {
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
};
export const Api3InstanceSchema = z.object(Api3InstanceShape);
export type Api3Instance = z.infer<typeof Api3InstanceSchema>;

/**
 * What an instance row must carry to be acted on: its id, its status (running, locked?) and its type (the
 * engine, which decides whether a restore overwrites in place or clones and swaps). A row lacking any of
 * them, or with any field malformed, is kept as incomplete.
 */
export const API3_INSTANCE_REQUIRED = ['InstanceId', 'Status', 'Type'] as const;

/**
 * The DescribeInstances page: the reference for api3-instance-page.ts, which reads the same page without
 * zod; each row is read with `Api3InstanceShape` and `API3_INSTANCE_REQUIRED` (lenient-rows.ts).
 */
export const DescribeInstancesResponseSchema = z.object({
  TotalCount: int,
  InstanceSet: RowArraySchema,
});

export const Api3BackupShape = {
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
};
export const Api3BackupSchema = z.object(Api3BackupShape);
export type Api3Backup = z.infer<typeof Api3BackupSchema>;

/**
 * What a backup row must carry for the app to say true things about it: its id, status and lock (whether
 * it may be restored), start time (where it lies in retention), instance (whose it is) and type (manual or
 * automatic). A row lacking any of them is kept as incomplete (lenient-rows.ts).
 */
export const API3_BACKUP_REQUIRED = [
  'BackupId',
  'Status',
  'Locked',
  'StartTime',
  'InstanceId',
  'BackupType',
] as const;

/** The page itself must be a listing; its rows are read one by one (lenient-rows.ts). */
export const DescribeInstanceBackupsResponseSchema = z.object({
  TotalCount: int,
  BackupSet: RowArraySchema,
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
