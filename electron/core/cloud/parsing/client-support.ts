/** Small helpers both clients use to build parameters and domain objects. */
import { AppError } from '../../../../shared/errors';
import { isoToCloudTime } from './cloud-time';

/**
 * How far back the task list reaches: "支持查询近30天内数据" (DescribeTaskListRequest.BeginTime,
 * tencentcloud-sdk-nodejs services/redis/v20180412/redis_models.d.ts).
 */
export const TASK_LIST_DAYS = 30;

/**
 * BeginTime of a task-list query (API 3.0 DescribeTaskList, legacy GetRedisTaskList) in the documented
 * `YYYY-MM-DD HH:mm:ss` ("格式如：2021-12-30 00:00:00", same source) in the cloud's zone: `since`, kept within
 * the last 30 days and never after `nowMs`. No EndTime is sent: the list then ends at the cloud's own present,
 * so the query holds no time in the future and a local clock behind the cloud's cannot cut a new task off.
 * Both fields are optional in the SDK models, and the Terraform provider's task-list data source sends each
 * only when set (tencentcloudstack/terraform-provider-tencentcloud,
 * tencentcloud/services/crs/data_source_tc_redis_instance_task_list.go).
 */
export function taskListBegin(since: string, nowMs: number, offsetMinutes: number): string {
  const ms = Date.parse(since);
  if (!Number.isFinite(ms) || !Number.isFinite(nowMs)) {
    throw new AppError('INVALID_PARAMETER', 'since is not a valid ISO 8601 time.', { field: 'since' });
  }
  const earliest = nowMs - TASK_LIST_DAYS * 86_400_000;
  return isoToCloudTime(Math.min(Math.max(ms, earliest), nowMs), offsetMinutes);
}

/** ISO time parameter → the cloud's wall-clock string; a bad value is the caller's mistake, said clearly. */
export function cloudTimeParam(
  value: string | undefined,
  field: string,
  offsetMinutes: number,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return isoToCloudTime(value, offsetMinutes);
  } catch {
    throw new AppError('INVALID_PARAMETER', `${field} is not a valid ISO 8601 time.`, { field });
  }
}

/** Instance ids as one log field, or nothing. */
export function optionalIds(ids: readonly string[] | undefined): string | undefined {
  return ids?.length ? ids.join(',') : undefined;
}

/** `{ [key]: value }` when the time is known, `{}` otherwise — optional fields stay absent, not undefined. */
export function withTime<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

export function unknownTaskStatus(raw: string | number, taskId: string): AppError {
  return new AppError('BAD_RESPONSE', `Task ${taskId} has a status the app does not know: ${String(raw)}.`, {
    taskId,
    statusRaw: raw,
  });
}
