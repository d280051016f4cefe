// API 3.0 Redis actions (2018-04-12). Each handler gets validated params and answers the action's
// fields, or a business error code from the action's documented list.
import { formatTencentTime, parseTencentTime } from '../clock.js';
import { typeInfo } from '../state/catalog.js';
import { startManualBackup, startRestore } from '../state/flows.js';
import type { SandboxState } from '../state/store.js';
import type { InstanceRecord, Principal, TaskRecord } from '../state/types.js';
import { instanceRows, listInstances } from './instance-listing.js';
import { int, ints, type Params, type ParamsOf, type Schema, type SchemaOf, str, strs } from './params.js';
import { V3_REFUSAL_CODES } from './refusals.js';
import type { Answer, RequestOf, ResponseOf, SdkAction } from './sdk-models.js';
import { describeTaskList, describeTaskListSchema } from './task-list-actions.js';
import { formatBackup } from './v3-format.js';

export interface ActionContext {
  state: SandboxState;
  region: string;
  principal: Principal;
}

export type Refusal = { ok: false; code: string; message: string };
export type ActionResult<T extends object = object> = { ok: true; data: T } | Refusal;

/** Answer fields sent as pre-serialised rows (instance-listing.ts). */
interface RawFields {
  DescribeInstances: 'InstanceSet';
}

/** What an action's handler answers: the SDK's response model of that action (sdk-models.ts). */
export type ActionAnswer<A extends SdkAction> = Answer<
  A,
  A extends keyof RawFields ? RawFields[A] & keyof ResponseOf<A> : never
>;

/** An action typed by its SDK models: the schema accepts exactly the request model's fields. */
interface ActionDef<A extends SdkAction> {
  schema: SchemaOf<RequestOf<A>>;
  run(ctx: ActionContext, params: ParamsOf<RequestOf<A>>): ActionResult<ActionAnswer<A>>;
}

/** Any action, as the common layer calls it with the checked parameters. */
export interface AnyActionDef {
  schema: Schema;
  run(ctx: ActionContext, params: Params): ActionResult;
}

type P<A extends SdkAction> = ParamsOf<RequestOf<A>>;

const bad = (message: string): Refusal => ({
  ok: false,
  code: 'InvalidParameter.InvalidParameter',
  message,
});

const S = { type: 'string' } as const;
const I = { type: 'int' } as const;

const describeInstancesSchema: SchemaOf<RequestOf<'DescribeInstances'>> = {
  Limit: I,
  Offset: I,
  InstanceId: S,
  OrderBy: S,
  OrderType: I,
  VpcIds: { type: 'string[]' },
  SubnetIds: { type: 'string[]' },
  SearchKey: S,
  ProjectIds: { type: 'int[]' },
  InstanceName: S,
  UniqVpcIds: { type: 'string[]' },
  UniqSubnetIds: { type: 'string[]' },
  RegionIds: { type: 'int[]' },
  Status: { type: 'int[]' },
  TypeVersion: I,
  EngineName: S,
  AutoRenew: { type: 'int[]' },
  BillingMode: S,
  Type: I,
  SearchKeys: { type: 'string[]' },
  TypeList: { type: 'int[]' },
  MonitorVersion: S,
  InstanceTags: { type: 'object[]' },
  TagKeys: { type: 'string[]' },
  ProductVersions: { type: 'string[]' },
  InstanceIds: { type: 'string[]' },
  AzMode: S,
};

const ORDER_KEYS: Readonly<Record<string, (i: InstanceRecord) => number | string>> = {
  projectId: (i) => i.projectId,
  createtime: (i) => i.createdMs,
  instancename: (i) => i.name,
  type: (i) => i.type,
  curDeadline: (i) => i.deadlineMs,
};

function describeInstances(
  ctx: ActionContext,
  p: P<'DescribeInstances'>,
): ActionResult<ActionAnswer<'DescribeInstances'>> {
  const limit = int(p, 'Limit') ?? 20;
  const offset = int(p, 'Offset') ?? 0;
  if (limit < 0 || limit > 1000) return bad('Limit must be between 0 and 1000.');
  if (offset < 0) return bad('Offset must not be negative.');
  const orderBy = (str(p, 'OrderBy') ?? 'createtime').trim();
  const orderKey = ORDER_KEYS[orderBy];
  if (!orderKey) return bad(`OrderBy must be one of ${Object.keys(ORDER_KEYS).join(', ')}.`);
  const orderType = int(p, 'OrderType') ?? 1;
  if (orderType !== 0 && orderType !== 1) return bad('OrderType must be 0 or 1.');

  const records = listInstances(
    ctx.state,
    {
      region: ctx.region,
      orderBy,
      orderType,
      instanceId: str(p, 'InstanceId'),
      ids: strs(p, 'InstanceIds'),
      searchKeys: strs(p, 'SearchKeys')?.filter((k) => k !== ''),
      searchKey: str(p, 'SearchKey'),
      name: str(p, 'InstanceName'),
      statuses: ints(p, 'Status'),
      projects: ints(p, 'ProjectIds'),
      type: int(p, 'Type'),
      engine: str(p, 'EngineName'),
      billing: str(p, 'BillingMode'),
      vpcs: strs(p, 'UniqVpcIds'),
      subnets: strs(p, 'UniqSubnetIds'),
      tagKeys: strs(p, 'TagKeys'),
      autoRenew: ints(p, 'AutoRenew'),
    },
    orderKey,
    (type) => engineMatches(type, str(p, 'EngineName') ?? ''),
  );
  return {
    ok: true,
    data: {
      TotalCount: records.length,
      InstanceSet: instanceRows(ctx.state, records.slice(offset, offset + limit)),
    },
  };
}

/** EngineName is `Redis-2.8` … `Redis-6.0` or `CKV`; `Redis-6.0` also covers 6.2, as on the console. */
function engineMatches(type: number, engineName: string): boolean {
  const info = typeInfo(type);
  const label = info.engine === 'CKV' ? 'CKV' : `Redis-${info.version}`;
  return (
    label === engineName || (engineName.startsWith('Redis-') && label.startsWith(engineName.slice(0, 7)))
  );
}

const MAX_SPAN_MS = 30 * 24 * 3600 * 1000;

function describeInstanceBackups(
  ctx: ActionContext,
  p: P<'DescribeInstanceBackups'>,
): ActionResult<ActionAnswer<'DescribeInstanceBackups'>> {
  const limit = int(p, 'Limit') ?? 20;
  const offset = int(p, 'Offset') ?? 0;
  if (limit < 0 || limit > 100) return bad('Limit must be between 0 and 100.');
  if (offset < 0) return bad('Offset must not be negative.');
  const beginText = str(p, 'BeginTime');
  const endText = str(p, 'EndTime');
  const begin = beginText ? parseTencentTime(beginText) : null;
  const end = endText ? parseTencentTime(endText) : null;
  if ((beginText && begin === null) || (endText && end === null))
    return bad('Times must look like 2017-02-08 16:46:34.');
  if (begin !== null || end !== null) {
    const from = begin ?? Number.NEGATIVE_INFINITY;
    const to = end ?? ctx.state.now();
    if (from > to) return bad('BeginTime must not be after EndTime.');
    if (to - from > MAX_SPAN_MS) return bad('The query time span must not exceed 30 days.');
  }
  const statuses = ints(p, 'Status');
  if (statuses?.some((s) => ![1, 2, 3, 4, -1, -2].includes(s)))
    return bad('Status values must be 1, 2, 3, 4, -1 or -2.');
  const instanceId = str(p, 'InstanceId');
  const nameFilter = str(p, 'InstanceName');
  let instances: InstanceRecord[];
  if (instanceId) {
    const instance = ctx.state.instances.get(instanceId);
    if (!instance || instance.region !== ctx.region) {
      return {
        ok: false,
        code: 'ResourceNotFound.InstanceNotExists',
        message: `Instance ${instanceId} not found.`,
      };
    }
    instances = [instance];
  } else {
    instances = [...ctx.state.instances.values()].filter((i) => i.region === ctx.region);
  }
  if (nameFilter) instances = instances.filter((i) => i.name.includes(nameFilter));
  const rows = instances
    .flatMap((i) => ctx.state.backupsOf(i.id))
    .filter((b) => {
      const status = ctx.state.backupStatus(b);
      // Deleted backups only show up when asked for explicitly, as in the console.
      if (statuses && statuses.length > 0) return statuses.includes(status);
      return status !== -2;
    })
    .filter((b) => (begin === null || b.startMs >= begin) && (end === null || b.startMs <= end))
    .sort((a, b) => b.startMs - a.startMs);
  return {
    ok: true,
    data: {
      TotalCount: rows.length,
      BackupSet: rows.slice(offset, offset + limit).map((b) => formatBackup(ctx.state, b)),
    },
  };
}

function restoreInstance(
  ctx: ActionContext,
  p: P<'RestoreInstance'>,
): ActionResult<ActionAnswer<'RestoreInstance'>> {
  const result = startRestore(ctx.state, {
    instanceId: str(p, 'InstanceId') ?? '',
    backupId: str(p, 'BackupId') ?? '',
    password: str(p, 'Password'),
    region: ctx.region,
    principal: ctx.principal,
  });
  if (!result.ok) return { ok: false, code: V3_REFUSAL_CODES[result.refusal], message: result.message };
  return { ok: true, data: { TaskId: result.task.id } };
}

function manualBackupInstance(
  ctx: ActionContext,
  p: P<'ManualBackupInstance'>,
): ActionResult<ActionAnswer<'ManualBackupInstance'>> {
  const storageDays = int(p, 'StorageDays') ?? 0;
  if (storageDays < 0 || storageDays > 3650) return bad('StorageDays must be between 0 and 3650.');
  const result = startManualBackup(ctx.state, {
    instanceId: str(p, 'InstanceId') ?? '',
    remark: str(p, 'Remark') ?? '',
    storageDays,
    region: ctx.region,
    principal: ctx.principal,
  });
  if (!result.ok) return { ok: false, code: V3_REFUSAL_CODES[result.refusal], message: result.message };
  return { ok: true, data: { TaskId: result.task.id } };
}

export const TASK_TYPE_TEXT: Readonly<Record<TaskRecord['kind'], string>> = {
  restore: '恢复备份',
  backup: '备份实例',
};

function describeTaskInfo(
  ctx: ActionContext,
  p: P<'DescribeTaskInfo'>,
): ActionResult<ActionAnswer<'DescribeTaskInfo'>> {
  ctx.state.tick();
  const task = ctx.state.tasks.get(int(p, 'TaskId') ?? -1);
  const instance = task ? ctx.state.instances.get(task.instanceId) : undefined;
  if (!task || instance?.region !== ctx.region) return bad(`Task ${String(p.TaskId)} does not exist.`);
  return {
    ok: true,
    data: {
      Status: ctx.state.taskStatus(task),
      StartTime: formatTencentTime(task.startMs),
      TaskType: TASK_TYPE_TEXT[task.kind],
      InstanceId: task.instanceId,
      TaskMessage: task.outcome?.message ?? '',
    },
  };
}

export const V3_ACTIONS: { readonly [A in SdkAction]: ActionDef<A> } = {
  DescribeInstances: { schema: describeInstancesSchema, run: describeInstances },
  DescribeInstanceBackups: {
    schema: {
      Limit: I,
      Offset: I,
      InstanceId: S,
      BeginTime: S,
      EndTime: S,
      Status: { type: 'int[]' },
      InstanceName: S,
    },
    run: describeInstanceBackups,
  },
  RestoreInstance: {
    schema: {
      InstanceId: { type: 'string', required: true },
      BackupId: { type: 'string', required: true },
      Password: S,
    },
    run: restoreInstance,
  },
  DescribeTaskInfo: { schema: { TaskId: { type: 'int', required: true } }, run: describeTaskInfo },
  DescribeTaskList: { schema: describeTaskListSchema, run: describeTaskList },
  ManualBackupInstance: {
    schema: { InstanceId: { type: 'string', required: true }, Remark: S, StorageDays: I },
    run: manualBackupInstance,
  },
};
