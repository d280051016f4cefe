// API 3.0 Redis actions (2018-04-12). Each handler gets validated params and answers the action's
// fields, or a business error code from the action's documented list.
import { formatTencentTime } from '../clock.js';
import { typeInfo } from '../state/catalog.js';
import { startManualBackup, startRestore } from '../state/flows.js';
import type { InstanceRecord, TaskRecord } from '../state/types.js';
import type { ActionAnswer, ActionContext, ActionResult, Refusal } from './action-types.js';
import {
  describeBackupDetail,
  describeBackupDownloadRestriction,
  describeBackupUrl,
  describeBackupUrlSchema,
} from './backup-file-actions.js';
import { describeInstanceBackups, describeInstanceBackupsSchema } from './backup-listing.js';
import { instanceRows, listInstances } from './instance-listing.js';
import { int, ints, type Params, type ParamsOf, type Schema, type SchemaOf, str, strs } from './params.js';
import { readScopeRefusal } from './read-scope.js';
import { V3_REFUSAL_CODES } from './refusals.js';
import type { RequestOf, SdkAction } from './sdk-models.js';
import { describeTaskList, describeTaskListSchema } from './task-list-actions.js';

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
  // An id filter sent empty is a client bug, not "no filter": InvalidParameter.EmptyParam ("参数为空",
  // Go SDK tencentcloud/redis/v20180412/errors.go) is in the action's official list (client.go); which
  // parameters the real service checks is unverified.
  const named = [str(p, 'InstanceId'), ...(strs(p, 'InstanceIds') ?? [])];
  if (named.some((id) => id !== undefined && id.trim() === '')) {
    return { ok: false, code: 'InvalidParameter.EmptyParam', message: 'InstanceId must not be empty.' };
  }
  const refusal = readScopeRefusal(ctx.state, ctx.principal, {
    instanceIds: named,
    projectIds: ints(p, 'ProjectIds'),
  });
  if (refusal) return refusal;

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

/**
 * ManualBackupInstance.StorageDays: "取值范围：[0,1825]", default 7, more than 7 by ticket (SDK 4.1.313
 * ManualBackupInstanceRequest; https://www.tencentcloud.com/document/api/239/32073). 1825 days (five
 * years) is the longest documented retention of a CRS backup; automatic backups keep 7 days unless a
 * ticket raises BackupStorageDays (ModifyAutoBackupConfigRequest).
 */
export const MAX_STORAGE_DAYS = 1825;

function manualBackupInstance(
  ctx: ActionContext,
  p: P<'ManualBackupInstance'>,
): ActionResult<ActionAnswer<'ManualBackupInstance'>> {
  const storageDays = int(p, 'StorageDays') ?? 0;
  if (storageDays < 0 || storageDays > MAX_STORAGE_DAYS)
    return bad(`StorageDays must be between 0 and ${MAX_STORAGE_DAYS}.`);
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

/**
 * DescribeTaskInfo.TaskType is free text; the model's comment names common ones (版本升级, 备份实例, …)
 * and the FLOW_* list gives 恢复备份 for a restore.
 */
export const TASK_TYPE_TEXT: Readonly<Record<TaskRecord['kind'], string>> = {
  restore: '恢复备份',
  backup: '备份实例',
  autoBackup: '备份实例',
  upgrade: '版本升级',
};

function describeTaskInfo(
  ctx: ActionContext,
  p: P<'DescribeTaskInfo'>,
): ActionResult<ActionAnswer<'DescribeTaskInfo'>> {
  ctx.state.tick();
  const task = ctx.state.tasks.get(int(p, 'TaskId') ?? -1);
  const instance = task ? ctx.state.instances.get(task.instanceId) : undefined;
  if (!task || instance?.region !== ctx.region) return bad(`Task ${String(p.TaskId)} does not exist.`);
  const refusal = readScopeRefusal(ctx.state, ctx.principal, { instanceIds: [task.instanceId] });
  if (refusal) return refusal;
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
  DescribeInstanceBackups: { schema: describeInstanceBackupsSchema, run: describeInstanceBackups },
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
  DescribeBackupUrl: { schema: describeBackupUrlSchema, run: describeBackupUrl },
  DescribeBackupDetail: {
    schema: { InstanceId: { type: 'string', required: true }, BackupId: { type: 'string', required: true } },
    run: describeBackupDetail,
  },
  DescribeBackupDownloadRestriction: { schema: {}, run: describeBackupDownloadRestriction },
};

/** An action by the name a request gives, as the common layer (and tests) call it; undefined if unknown. */
export function v3Action(name: string): AnyActionDef | undefined {
  return Object.hasOwn(V3_ACTIONS, name)
    ? (V3_ACTIONS as unknown as Readonly<Record<string, AnyActionDef>>)[name]
    : undefined;
}
