// CloneInstances as a domain operation: checks in a fixed order (so each refusal has one real state
// behind it), then an order (deal) paid from the balance, and per instance a new record plus a clone
// task ("026") that holds it "in process" until its data is in place. Every code answered is in the
// action's official list (Go SDK tencentcloud/redis/v20180412/client.go, the comment above CloneInstances,
// commit 007e3aed1e0808a3d5f36a4c60bdfd7ca28940f7); which check maps to which code where the list is vague
// (CheckNotPass "业务校验不通过" for backup and point-in-time problems) is the sandbox's choice, unverified.
import { formatTencentTime } from '../clock.js';
import { findRegion, InstanceStatus, typeInfo } from './catalog.js';
import { type CloneOptions, type Refused, refuse, validateCloneOptions } from './clone-options.js';
import { DEAL_OVERDUE_MS, DELIVERY_SHARE, type DealRecord } from './deals.js';
import { quote } from './prices.js';
import { SOLD_TYPES, soldOut, zoneInRegion } from './products.js';
import { baseBackupAt, pointInTimeProblem } from './second-level.js';
import type { SandboxState } from './store.js';
import type { BackupRecord, InstanceRecord, Principal } from './types.js';

export type { CloneOptions } from './clone-options.js';

export type CloneResult = { ok: true; deal: DealRecord } | Refused;

const MONTH_MS = 30 * 24 * 3600 * 1000;

/** Picks the backup the clone is built from: BackupId, or the base RDB of CloneTime. */
function chooseBackup(
  state: SandboxState,
  source: InstanceRecord,
  opts: CloneOptions,
): { backup: BackupRecord } | Refused {
  const now = state.now();
  let backup: BackupRecord | undefined;
  if (opts.cloneTimeMs !== null) {
    const problem = pointInTimeProblem(source, opts.cloneTimeMs, now);
    if (problem) return refuse('InvalidParameterValue.CheckNotPass', problem);
    backup = baseBackupAt(state, source, opts.cloneTimeMs);
    if (!backup) return refuse('InvalidParameterValue.CheckNotPass', 'No backup precedes CloneTime.');
    // A BackupId sent alongside CloneTime must be one of the source's backups at or before that time.
    if (opts.backupId !== '') {
      const named = state.findBackup(opts.backupId, source.id);
      if (!named || named.instanceId !== source.id || named.startMs > opts.cloneTimeMs) {
        return refuse(
          'InvalidParameterValue.CheckNotPass',
          `BackupId ${opts.backupId} does not precede CloneTime.`,
        );
      }
    }
  } else {
    if (opts.backupId.trim() === '')
      return refuse('InvalidParameter.EmptyParam', 'BackupId must not be empty.');
    backup = state.findBackup(opts.backupId, source.id);
    if (!backup || backup.instanceId !== source.id) {
      return refuse(
        'InvalidParameterValue.CheckNotPass',
        `No backup ${opts.backupId} for instance ${source.id}.`,
      );
    }
    if (state.backupStatus(backup) < 0) {
      return refuse('InvalidParameterValue.CheckNotPass', `Backup ${backup.id} is expired or deleted.`);
    }
    if (backup.instanceType !== source.type) {
      return refuse(
        'InvalidParameterValue.CheckNotPass',
        `Backup of Type ${backup.instanceType} cannot build an instance of Type ${source.type}.`,
      );
    }
  }
  if (state.engine && !backup.rdbPath) {
    return refuse('InvalidParameterValue.CheckNotPass', `Backup ${backup.id} has no data file.`);
  }
  if (state.engine && backup.rdbPath && !state.engine.snapshotExists(backup.rdbPath)) {
    return refuse(
      'InternalError.InternalError',
      `Backup file for ${backup.id} is missing from backup storage.`,
    );
  }
  return { backup };
}

export function startClone(
  state: SandboxState,
  region: string,
  principal: Principal,
  raw: Parameters<typeof validateCloneOptions>[0],
): CloneResult {
  state.tick();
  state.clones.cloneCalls += 1;
  if ((raw.InstanceId ?? '').trim() === '')
    return refuse('InvalidParameter.EmptyParam', 'InstanceId must not be empty.');
  const source = state.instances.get(raw.InstanceId ?? '');
  if (!source || source.region !== region) {
    return refuse(
      'ResourceNotFound.InstanceNotExists',
      `Instance ${raw.InstanceId} does not exist in ${region}.`,
    );
  }
  if (!SOLD_TYPES.has(source.type)) {
    return refuse('InvalidParameterValue.InvalidInstanceTypeId', `Type ${source.type} is no longer sold.`);
  }
  const opts = validateCloneOptions(raw, source, state);
  if (!opts.ok) return opts;
  const projects = principal.allowedProjects;
  const o = opts.value;
  if (projects && (!projects.includes(source.projectId) || !projects.includes(o.projectId))) {
    return refuse(
      'InvalidParameter.PermissionDenied',
      `Key ${principal.secretId} may not clone in that project.`,
    );
  }
  if (source.status === InstanceStatus.Isolated || source.status === InstanceStatus.ToBeDeleted) {
    return refuse(
      'ResourceUnavailable.InstanceDeleted',
      `Instance ${source.id} is isolated or being deleted.`,
    );
  }
  if (source.status === InstanceStatus.ToBeInitialized) {
    return refuse('InvalidParameterValue.CheckNotPass', `Instance ${source.id} is not initialised.`);
  }
  if (!zoneInRegion(region, o.zoneId) || o.nodeZones.some((z) => !zoneInRegion(region, z))) {
    return refuse(
      'ResourceUnavailable.NoServiceAvailableForThisZoneId',
      `Zone ${o.zoneId} does not sell Redis in ${region}.`,
    );
  }
  if (soldOut(o.zoneId, source.type)) {
    return refuse('ResourceUnavailable.SaleOut', `Type ${source.type} is sold out in zone ${o.zoneId}.`);
  }
  const chosen = chooseBackup(state, source, o);
  if ('ok' in chosen) return chosen;
  const { backup } = chosen;

  const { account } = state.clones;
  const held = [...state.instances.values()].filter(
    (i) => i.region === region && i.status !== InstanceStatus.ToBeDeleted,
  ).length;
  if (held + o.goodsNum > state.clones.quotaOf(region)) {
    return refuse(
      'LimitExceeded',
      `The account may hold ${state.clones.quotaOf(region)} instances in ${region}.`,
    );
  }
  const price = quote(
    {
      type: source.type,
      memMb: typeInfo(source.type).cluster ? source.sizeMb / source.shardNum : source.sizeMb,
      shardNum: source.shardNum,
      replicasNum: o.replicasNum ?? source.replicasNum,
      billingMode: o.billingMode,
      period: o.period,
      goodsNum: o.goodsNum,
    },
    account.currency,
    account.amountUnit,
  );
  // The balance is kept in whole pent, as the order's Price is.
  const due = Math.round(price.pent);
  if (due > account.balancePent) {
    return refuse('FailedOperation.PayFailed', 'The account balance does not cover the order.');
  }
  account.balancePent -= due;
  return { ok: true, deal: placeOrder(state, region, source, backup, o, due) };
}

function placeOrder(
  state: SandboxState,
  region: string,
  source: InstanceRecord,
  backup: BackupRecord,
  opts: CloneOptions,
  pricePent: number,
): DealRecord {
  const now = state.now();
  const ids = state.clones.newDealIds(formatTencentTime(now).slice(0, 10).replaceAll('-', ''));
  const deal: DealRecord = {
    ...ids,
    region,
    zoneId: opts.zoneId,
    goodsNum: opts.goodsNum,
    creatorUin: state.clones.account.uin,
    createdMs: now,
    billingMode: opts.billingMode,
    pricePent: Math.round(pricePent),
    instanceIds: [],
    tasks: [],
    sourceInstanceId: source.id,
    backupId: backup.id,
    cloneTimeMs: opts.cloneTimeMs,
    durationMs: state.taskMs,
    deliveryFails: false,
    refunded: false,
  };
  for (let n = 0; n < opts.goodsNum; n++) {
    const instance = newInstance(state, source, backup, opts, deal.goodsNum > 1 ? n + 1 : 0);
    state.addInstance(instance);
    state.clones.boundGroups.set(instance.id, opts.securityGroupIds);
    const task = state.seedTask({
      kind: 'clone',
      instance,
      backupId: backup.id,
      startMs: now,
      durationMs: state.taskMs,
    });
    task.plannedFailure = takePlannedFailure(state);
    // A doomed clone fails while its order is delivered; it never loads data.
    if (task.plannedFailure !== null) {
      task.durationMs = Math.round(state.taskMs * DELIVERY_SHARE);
      deal.deliveryFails = true;
    }
    deal.instanceIds.push(instance.id);
    deal.tasks.push(task);
    const engine = state.engine;
    if (engine && backup.rdbPath && task.plannedFailure === null) {
      state.attachWork(
        task,
        engine.startFromSnapshot(instance, backup.rdbPath).then(() => state.instancesChanged()),
      );
    }
  }
  state.clones.deals.set(deal.dealId, deal);
  return deal;
}

/** The fail-next-task fault scoped to CloneInstances (or unscoped) dooms the next clone task. */
function takePlannedFailure(state: SandboxState): string | null {
  const index = state.plannedFailures.findIndex((f) => f.kind === null || f.kind === 'clone');
  if (index < 0) return null;
  return state.plannedFailures.splice(index, 1)[0]?.message ?? null;
}

function newInstance(
  state: SandboxState,
  source: InstanceRecord,
  backup: BackupRecord,
  opts: CloneOptions,
  ordinal: number,
): InstanceRecord {
  const now = state.now();
  const id = state.clones.newInstanceId();
  const vpcTwin = [...state.instances.values()].find((i) => i.uniqVpcId === opts.vpcId);
  const subnetTwin = [...state.instances.values()].find((i) => i.uniqSubnetId === opts.subnetId);
  const octet = findRegion(source.region)?.ipOctet ?? 0;
  const seq = Number.parseInt(id.slice(4), 36) % 250;
  const name = opts.instanceName ?? `${source.name}-clone`;
  return {
    id,
    name: ordinal > 0 ? `${name}-${ordinal}` : name,
    appid: source.appid,
    projectId: opts.projectId,
    projectName: opts.projectId === 0 ? '默认项目' : `project-${opts.projectId}`,
    region: source.region,
    zoneId: opts.zoneId,
    vpcId: opts.vpcId === '' ? 0 : (vpcTwin?.vpcId ?? 0),
    subnetId: opts.subnetId === '' ? 0 : (subnetTwin?.subnetId ?? 0),
    uniqVpcId: opts.vpcId,
    uniqSubnetId: opts.subnetId,
    // "To be initialised" until its order is delivered; then 1 (添加实例中) while it loads (state/deals.ts).
    status: InstanceStatus.ToBeInitialized,
    title: null,
    subStatus: 0,
    type: source.type,
    sizeMb: source.sizeMb,
    sizeUsedMb: Math.min(source.sizeMb, Math.ceil(backup.sizeBytes / (1024 * 1024))),
    shardNum: source.shardNum,
    replicasNum: opts.replicasNum ?? source.replicasNum,
    password: opts.password,
    tags: opts.tags,
    createdMs: now,
    deadlineMs:
      opts.billingMode === 1 ? now + opts.period * MONTH_MS : now + 120 * MONTH_MS + DEAL_OVERDUE_MS,
    billingMode: opts.billingMode,
    autoRenewFlag: opts.autoRenew === 1 ? 1 : 0,
    wanIp: `10.${octet}.240.${seq + 2}`,
    port: opts.vport,
    lockTaskId: null,
    healthy: true,
  };
}
