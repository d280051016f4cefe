// Task lists over the shared task records: API 3.0 DescribeTaskList (TaskInfoDetail, reference §3.4 and
// the SDK models) and legacy GetRedisTaskList (§1.8). Both list every restore and manual-backup task the
// sandbox created, newest first, with the status the task has at the time of the call.
import { formatTencentTime, parseTencentTime } from '../clock.js';
import type { SandboxState } from '../state/store.js';
import type { TaskKind, TaskRecord, TaskStatus } from '../state/types.js';
import type { ActionAnswer, ActionContext, ActionResult, Refusal } from './action-types.js';
import { invalid, type LegacyParams, type LegacyResult, list, uint } from './legacy-params.js';
import { int, ints, type ParamsOf, type SchemaOf, str, strs } from './params.js';
import { readScopeRefusal } from './read-scope.js';
import type { RequestOf, TaskInfoDetail } from './sdk-models.js';

/**
 * DescribeTaskList TaskType codes from the TaskInfoDetail.TaskType comment (SDK 4.1.313
 * redis_models.d.ts; the same list in the Go SDK models and tccli api.json): FLOW_RESTOREBACKUP "010",
 * FLOW_BACKUPINSTANCE "012", FLOW_AUTOBACKUP "017", FLOW_UPGRADE_INSTANCE_CACHE_AND_PROXY "067"
 * (实例版本升级中). No official example shows a restore's entry (tccli's DescribeTaskList example lists
 * only "037" tasks), so "010" for a restore rests on that enum alone.
 */
export const TASK_TYPE_CODE: Readonly<Record<TaskKind, string>> = {
  restore: '010',
  backup: '012',
  autoBackup: '017',
  upgrade: '067',
  // FLOW_CLONEBACKUP "026" 克隆备份 (TaskInfoDetail enum, SDK 4.1.313): the new instance's clone flow.
  clone: '026',
};

/** TaskInfoDetail.Result: 0 initialising, 1 running, 2 done, 4 failed. */
export const TASK_RESULT: Readonly<Record<TaskStatus, number>> = {
  preparing: 0,
  running: 1,
  succeed: 2,
  failed: 4,
  error: 4,
};

/** Legacy task status (DescribeTaskInfo and GetRedisTaskList): 0/1/2/3/-1. */
export const LEGACY_TASK_STATUS: Readonly<Record<TaskStatus, number>> = {
  preparing: 0,
  running: 1,
  succeed: 2,
  failed: 3,
  error: -1,
};

/**
 * Legacy taskName; the taskType.n filter spells it `task_<taskName>`. The legacy doc (§1.8) names no
 * nightly-backup or upgrade flow, so legacy lists leave those tasks out.
 */
const LEGACY_TASK_NAME: Readonly<Partial<Record<TaskKind, string>>> = {
  restore: 'restoreBackup',
  backup: 'backupInstance',
};

/** The sandbox's "not set" time, as in OfflineTime/CloseTime of a running instance. */
const NO_TIME = '0000-00-00 00:00:00';

interface TaskFilter {
  region: string;
  instanceId?: string | undefined;
  /** Substring of the instance name. */
  instanceName?: string | undefined;
  projectIds?: readonly number[] | undefined;
  kinds?: ReadonlySet<TaskKind> | undefined;
  beginMs?: number | undefined;
  endMs?: number | undefined;
  statuses?: ReadonlySet<TaskStatus> | undefined;
}

/** Tasks of instances in the region that pass every given filter, newest first. */
function listTasks(state: SandboxState, f: TaskFilter): TaskRecord[] {
  state.tick();
  const rows: TaskRecord[] = [];
  for (const task of state.tasks.values()) {
    const instance = state.instances.get(task.instanceId);
    if (!instance || instance.region !== f.region) continue;
    if (f.instanceId && task.instanceId !== f.instanceId) continue;
    if (f.instanceName && !instance.name.includes(f.instanceName)) continue;
    if (f.projectIds && f.projectIds.length > 0 && !f.projectIds.includes(instance.projectId)) continue;
    if (f.kinds && !f.kinds.has(task.kind)) continue;
    if (f.beginMs !== undefined && task.startMs < f.beginMs) continue;
    if (f.endMs !== undefined && task.startMs > f.endMs) continue;
    if (f.statuses && !f.statuses.has(state.taskStatus(task))) continue;
    rows.push(task);
  }
  return rows.sort((a, b) => b.startMs - a.startMs || b.id - a.id);
}

/** Parses optional begin/end texts; a message when malformed or reversed. */
function timeRange(
  beginText: string | undefined,
  endText: string | undefined,
): { beginMs?: number; endMs?: number } | string {
  const beginMs = beginText ? parseTencentTime(beginText) : undefined;
  const endMs = endText ? parseTencentTime(endText) : undefined;
  if (beginMs === null || endMs === null) return 'Times must look like 2021-12-30 00:00:00.';
  if (beginMs !== undefined && endMs !== undefined && beginMs > endMs) {
    return 'The begin time must not be after the end time.';
  }
  return { ...(beginMs !== undefined && { beginMs }), ...(endMs !== undefined && { endMs }) };
}

function statusesWith(table: Readonly<Record<TaskStatus, number>>, codes: readonly number[]) {
  if (codes.length === 0) return undefined;
  const entries = Object.entries(table) as Array<[TaskStatus, number]>;
  return new Set(entries.filter(([, code]) => codes.includes(code)).map(([status]) => status));
}

function kindsWith(table: Readonly<Partial<Record<TaskKind, string>>>, names: readonly string[]) {
  const entries = Object.entries(table) as Array<[TaskKind, string]>;
  if (names.length === 0) return undefined;
  return new Set(entries.filter(([, name]) => names.includes(name)).map(([kind]) => kind));
}

export const describeTaskListSchema: SchemaOf<RequestOf<'DescribeTaskList'>> = {
  InstanceId: { type: 'string' },
  InstanceName: { type: 'string' },
  Limit: { type: 'int' },
  Offset: { type: 'int' },
  ProjectIds: { type: 'int[]' },
  TaskTypes: { type: 'string[]' },
  BeginTime: { type: 'string' },
  EndTime: { type: 'string' },
  // The current SDK documents TaskStatus as internal and filters by Result; older SDKs only had
  // TaskStatus ("任务状态"), so the sandbox reads both as the same Result codes.
  TaskStatus: { type: 'int[]' },
  Result: { type: 'int[]' },
  // The sandbox records no operator; accepted so SDK requests that set them are not refused.
  OperatorUin: { type: 'int[]' },
  OperateUin: { type: 'string[]' },
};

export function describeTaskList(
  ctx: ActionContext,
  p: ParamsOf<RequestOf<'DescribeTaskList'>>,
): ActionResult<ActionAnswer<'DescribeTaskList'>> {
  const bad = (message: string): Refusal => ({
    ok: false,
    code: 'InvalidParameter.InvalidParameter',
    message,
  });
  const limit = int(p, 'Limit') ?? 20;
  const rawOffset = int(p, 'Offset') ?? 0;
  if (limit < 0 || limit > 100) return bad('Limit must be between 0 and 100.');
  if (rawOffset < 0) return bad('Offset must not be negative.');
  // "偏移量，取Limit整数倍（自动向下取整）": the offset is rounded down to a multiple of Limit.
  const offset = limit > 0 ? Math.floor(rawOffset / limit) * limit : 0;
  const range = timeRange(str(p, 'BeginTime'), str(p, 'EndTime'));
  if (typeof range === 'string') return bad(range);
  const refusal = readScopeRefusal(ctx.state, ctx.principal, {
    instanceIds: [str(p, 'InstanceId')],
    projectIds: ints(p, 'ProjectIds'),
  });
  if (refusal) return refusal;
  const rows = listTasks(ctx.state, {
    region: ctx.region,
    instanceId: str(p, 'InstanceId'),
    instanceName: str(p, 'InstanceName'),
    projectIds: ints(p, 'ProjectIds'),
    kinds: kindsWith(TASK_TYPE_CODE, strs(p, 'TaskTypes') ?? []),
    statuses: statusesWith(TASK_RESULT, [...(ints(p, 'Result') ?? []), ...(ints(p, 'TaskStatus') ?? [])]),
    ...range,
  });
  const state = ctx.state;
  return {
    ok: true,
    data: {
      TotalCount: rows.length,
      Tasks: rows.slice(offset, offset + limit).map((task): TaskInfoDetail => {
        const instance = state.instances.get(task.instanceId);
        return {
          TaskId: task.id,
          StartTime: formatTencentTime(task.startMs),
          TaskType: TASK_TYPE_CODE[task.kind],
          InstanceName: instance?.name ?? '',
          InstanceId: task.instanceId,
          ProjectId: instance?.projectId ?? 0,
          Progress: state.taskProgress(task),
          EndTime: task.outcome ? formatTencentTime(task.outcome.atMs) : NO_TIME,
          Result: TASK_RESULT[state.taskStatus(task)],
        };
      }),
    },
  };
}

export function getRedisTaskList(ctx: ActionContext, params: LegacyParams): LegacyResult {
  const limit = uint(params, 'limit');
  const offset = uint(params, 'offset');
  // Both are required by the legacy doc; offset is a record offset, as in the other legacy lists.
  if (limit === undefined || offset === undefined) return invalid('limit and offset are required.');
  if (limit === null || offset === null || limit > 100)
    return invalid('limit must be 0..100 and offset ≥ 0.');
  const range = timeRange(params.beginTime, params.endTime);
  if (typeof range === 'string') return invalid(range);
  const statusCodes = list(params, 'taskStatus');
  if (statusCodes.some((code) => !/^-?\d+$/.test(code))) return invalid('taskStatus.n must be integers.');
  const typeNames = list(params, 'taskType').map((t) => t.replace(/^task_/, ''));
  const rows = listTasks(ctx.state, {
    region: ctx.region,
    instanceId: params.redisId,
    instanceName: params.redisName,
    kinds:
      kindsWith(LEGACY_TASK_NAME, typeNames) ??
      new Set((Object.keys(LEGACY_TASK_NAME) as TaskKind[]).filter((k) => LEGACY_TASK_NAME[k])),
    statuses: statusesWith(LEGACY_TASK_STATUS, statusCodes.map(Number)),
    ...range,
  });
  const state = ctx.state;
  const redisTaskSet = rows.slice(offset, offset + limit).map((task) => {
    const instance = state.instances.get(task.instanceId);
    return {
      startTime: formatTencentTime(task.startMs),
      taskName: LEGACY_TASK_NAME[task.kind] ?? '',
      redisName: instance?.name ?? '',
      redisId: task.instanceId,
      projectId: instance?.projectId ?? 0,
      status: LEGACY_TASK_STATUS[state.taskStatus(task)],
      // "0 未完成 / 1 已完成": finished, whichever way it ended.
      progress: task.outcome ? 1 : 0,
    };
  });
  return { ok: true, fields: { totalCount: rows.length, data: { redisTaskSet } } };
}
