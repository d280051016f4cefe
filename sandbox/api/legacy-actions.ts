// Legacy v2 Redis actions (reference §1.5–1.8) over the shared state model.
import { formatTencentTime, parseTencentTime } from '../clock.js';
import { findRegion, typeInfo } from '../state/catalog.js';
import { startManualBackup, startRestore } from '../state/flows.js';
import type { InstanceRecord } from '../state/types.js';
import type { ActionContext } from './action-types.js';
import { getBackupDownloadUrl } from './legacy-backup-url.js';
import { invalid, type LegacyParams, type LegacyResult, list, uint } from './legacy-params.js';
import { LEGACY_REFUSAL_CODES } from './refusals.js';
import { getRedisTaskList, LEGACY_TASK_STATUS } from './task-list-actions.js';

type LegacyAction = (ctx: ActionContext, params: LegacyParams) => LegacyResult;

const LEGACY_STATUS_TEXT: Readonly<Record<number, string>> = {
  0: '待初始化',
  1: '实例在流程中',
  2: '实例运行中',
  [-2]: '实例已隔离',
};

function legacyStatus(instance: InstanceRecord): number {
  // Legacy only knows 0/1/2/-2; "to be deleted" instances are isolated ones to it.
  return instance.status === -3 ? -2 : instance.status;
}

const describeRedis: LegacyAction = (ctx, params) => {
  const limit = uint(params, 'limit');
  const offset = uint(params, 'offset');
  if (limit === undefined || offset === undefined) return invalid('limit and offset are required.');
  if (limit === null || offset === null || limit > 100)
    return invalid('limit must be 0..100 and offset ≥ 0.');
  const orderBy = params.orderBy ?? 'createtime';
  const orderType = params.orderType ?? '1';
  if (!['redisId', 'projectId', 'createtime'].includes(orderBy) || !['0', '1'].includes(orderType)) {
    return invalid('orderBy must be redisId, projectId or createtime; orderType 0 or 1.');
  }
  const projects = list(params, 'projectIds').map(Number);
  const vpcs = list(params, 'unVpcIds');
  const subnets = list(params, 'unSubnetIds');
  const rows = [...ctx.state.instances.values()].filter(
    (i) =>
      i.region === ctx.region &&
      (!params.redisId || i.id === params.redisId) &&
      (!params.redisName || i.name.includes(params.redisName)) &&
      (projects.length === 0 || projects.includes(i.projectId)) &&
      (vpcs.length === 0 || vpcs.includes(i.uniqVpcId)) &&
      (subnets.length === 0 || subnets.includes(i.uniqSubnetId)),
  );
  const key = (i: InstanceRecord): string | number =>
    orderBy === 'redisId' ? i.id : orderBy === 'projectId' ? i.projectId : i.createdMs;
  const dir = orderType === '1' ? -1 : 1;
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * dir);
  const redisSet = rows.slice(offset, offset + limit).map((i) => {
    const info = typeInfo(i.type);
    const status = legacyStatus(i);
    return {
      redisName: i.name,
      redisId: i.id,
      appid: i.appid,
      projectId: i.projectId,
      regionId: findRegion(i.region)?.regionId ?? 0,
      zoneId: i.zoneId,
      vpcId: i.vpcId,
      unVpcId: i.uniqVpcId,
      subnetId: i.subnetId,
      unSubnetId: i.uniqSubnetId,
      status: String(status),
      statusDesc: LEGACY_STATUS_TEXT[status] ?? '',
      wanIp: i.wanIp,
      port: String(i.port),
      createtime: formatTencentTime(i.createdMs),
      size: i.sizeMb,
      sizeUsed: i.sizeUsedMb,
      typeId: info.cluster ? 1 : 2,
      typeIddesc: info.cluster ? '集群版' : '主从版',
      autoRenewFlag: i.autoRenewFlag,
      deadlineTime: formatTencentTime(i.deadlineMs),
    };
  });
  return { ok: true, fields: { totalCount: String(rows.length), data: { redisSet } } };
};

const getRedisBackupList: LegacyAction = (ctx, params) => {
  ctx.state.tick();
  const limit = uint(params, 'limit');
  const offset = uint(params, 'offset');
  if (limit === undefined || offset === undefined || !params.redisId) {
    return invalid('limit, offset and redisId are required.');
  }
  if (limit === null || offset === null || limit > 100)
    return invalid('limit must be 0..100 and offset ≥ 0.');
  const begin = params.beginTime ? parseTencentTime(params.beginTime) : undefined;
  const end = params.endTime ? parseTencentTime(params.endTime) : undefined;
  if (begin === null || end === null) return invalid('beginTime/endTime must look like 2017-02-08 16:46:34.');
  const instance = ctx.state.instances.get(params.redisId);
  if (!instance || instance.region !== ctx.region) {
    return {
      ok: false,
      code: 10701,
      codeDesc: 'InstanceNotExists',
      message: `No instance ${params.redisId}.`,
    };
  }
  const rows = ctx.state
    .backupsOf(instance.id)
    .filter((b) => !b.deleted)
    .filter((b) => (begin === undefined || b.startMs >= begin) && (end === undefined || b.startMs <= end))
    .sort((a, b) => b.startMs - a.startMs);
  const redisBackupSet = rows.slice(offset, offset + limit).map((b) => ({
    startTime: formatTencentTime(b.startMs),
    backupId: b.id,
    // The legacy doc knows only these two; a spec-change backup is the system's, not the user's.
    backupType: b.origin === 'manual' ? 'manualBackupInstance' : 'systemBackupInstance',
    status: ctx.state.backupStatus(b),
    remark: b.remark,
    locked: ctx.state.backupLocked(b),
  }));
  return { ok: true, fields: { totalCount: rows.length, data: { redisBackupSet } } };
};

const restoreInstance: LegacyAction = (ctx, params) => {
  // All three are required by the legacy API; a password-free instance ignores the password's value.
  if (!params.redisId || !params.backupId || params.password === undefined) {
    if (params.redisId) ctx.state.countRestoreCall(params.redisId);
    return invalid('redisId, password and backupId are required.');
  }
  const result = startRestore(ctx.state, {
    instanceId: params.redisId,
    backupId: params.backupId,
    password: params.password,
    region: ctx.region,
    principal: ctx.principal,
  });
  if (!result.ok) return { ok: false, ...LEGACY_REFUSAL_CODES[result.refusal], message: result.message };
  return { ok: true, fields: { data: { requestId: result.task.id } } };
};

/** Legacy ManualBackupInstance (redisId, remark): same checks and locking as the API 3.0 action. */
const manualBackupInstance: LegacyAction = (ctx, params) => {
  if (!params.redisId) return invalid('redisId is required.');
  const result = startManualBackup(ctx.state, {
    instanceId: params.redisId,
    remark: params.remark ?? '',
    // Legacy has no retention parameter: the default retention applies.
    storageDays: 0,
    region: ctx.region,
    principal: ctx.principal,
  });
  if (!result.ok) return { ok: false, ...LEGACY_REFUSAL_CODES[result.refusal], message: result.message };
  return { ok: true, fields: { data: { requestId: result.task.id, backupId: result.backup?.id ?? '' } } };
};

const describeTaskInfo: LegacyAction = (ctx, params) => {
  const requestId = uint(params, 'requestId');
  if (requestId === undefined || requestId === null) return invalid('requestId must be an unsigned integer.');
  ctx.state.tick();
  const task = ctx.state.tasks.get(requestId);
  if (!task || ctx.state.instances.get(task.instanceId)?.region !== ctx.region) {
    return invalid(`Task ${requestId} does not exist.`);
  }
  return { ok: true, fields: { data: { status: LEGACY_TASK_STATUS[ctx.state.taskStatus(task)] } } };
};

export const LEGACY_ACTIONS: Readonly<Record<string, LegacyAction>> = {
  DescribeRedis: describeRedis,
  GetRedisBackupList: getRedisBackupList,
  RestoreInstance: restoreInstance,
  DescribeTaskInfo: describeTaskInfo,
  GetRedisTaskList: getRedisTaskList,
  ManualBackupInstance: manualBackupInstance,
  GetBackupDownloadUrl: getBackupDownloadUrl,
};
