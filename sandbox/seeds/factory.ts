// Builds complete records from the few fields a seed cares about, filling the rest plausibly.
import { DEFAULT_APPID } from '../constants.js';
import { findRegion, InstanceStatus, type InstanceStatusCode, typeInfo } from '../state/catalog.js';
import type { BackupOrigin, BackupRecord, InstanceRecord, InstanceTag } from '../state/types.js';

export const DAY_MS = 24 * 3600 * 1000;

export interface InstanceSpec {
  id: string;
  name: string;
  region: string;
  type: number;
  status?: InstanceStatusCode;
  password: string | null;
  projectId?: number;
  sizeMb?: number;
  tags?: InstanceTag[];
  title?: string | null;
  healthy?: boolean;
  /** Used to vary zone, VIP and dates deterministically. */
  ordinal: number;
}

export function makeInstance(spec: InstanceSpec, nowMs: number): InstanceRecord {
  const region = findRegion(spec.region);
  if (!region) throw new Error(`Unknown region ${spec.region}`);
  const zoneId = region.zones[spec.ordinal % region.zones.length] ?? region.zones[0] ?? 0;
  const sizeMb = spec.sizeMb ?? 1024 * (1 + (spec.ordinal % 8));
  const cluster = typeInfo(spec.type).cluster;
  const projectId = spec.projectId ?? 0;
  const vpcSuffix = (spec.ordinal % 9973).toString(36).padStart(4, '0');
  return {
    id: spec.id,
    name: spec.name,
    appid: DEFAULT_APPID,
    projectId,
    projectName: projectId === 0 ? '默认项目' : `project-${projectId}`,
    region: region.name,
    zoneId,
    vpcId: 50_000 + (spec.ordinal % 9973),
    subnetId: 70_000 + (spec.ordinal % 9973),
    uniqVpcId: `vpc-sbx${vpcSuffix}`,
    uniqSubnetId: `subnet-sbx${vpcSuffix}`,
    status: spec.status ?? InstanceStatus.Running,
    title: spec.title ?? null,
    subStatus: 0,
    type: spec.type,
    sizeMb,
    sizeUsedMb: Math.floor(sizeMb * ((spec.ordinal * 37) % 90) * 0.01),
    shardNum: cluster ? 3 : 1,
    replicasNum: 1,
    password: spec.password,
    tags: spec.tags ?? [],
    createdMs: nowMs - (30 + (spec.ordinal % 700)) * DAY_MS,
    deadlineMs: nowMs + (60 + (spec.ordinal % 300)) * DAY_MS,
    billingMode: spec.ordinal % 3 === 0 ? 0 : 1,
    autoRenewFlag: spec.ordinal % 2 === 0 ? 1 : 0,
    wanIp: `10.${region.ipOctet}.${Math.floor(spec.ordinal / 250) % 250}.${(spec.ordinal % 250) + 2}`,
    port: 6379,
    lockTaskId: null,
    healthy: spec.healthy ?? true,
  };
}

export interface BackupSpec {
  id: string;
  instance: InstanceRecord;
  startMs: number;
  manual?: boolean;
  /** Wins over `manual`; "specChange" is a backup the platform took before a spec change. */
  origin?: BackupOrigin;
  remark?: string;
  /** Defaults to startMs + 7 days, Tencent's default retention. */
  expireMs?: number;
  deleted?: boolean;
  instanceType?: number;
}

export function makeBackup(spec: BackupSpec): BackupRecord {
  const durationMs = 20_000 + (spec.startMs % 40) * 1000;
  return {
    id: spec.id,
    instanceId: spec.instance.id,
    startMs: spec.startMs,
    endMs: spec.startMs + durationMs,
    expireMs: spec.expireMs ?? spec.startMs + 7 * DAY_MS,
    origin: spec.origin ?? (spec.manual ? 'manual' : 'automatic'),
    remark: spec.remark ?? '',
    sizeBytes: Math.max(1, spec.instance.sizeUsedMb) * 1024 * 1024,
    instanceType: spec.instanceType ?? spec.instance.type,
    deleted: spec.deleted ?? false,
    lock: null,
    exported: false,
    rdbPath: null,
  };
}

/** The nightly automatic backup `daysAgo` days back (02:00 Beijing time). */
export function nightlyStart(nowMs: number, daysAgo: number): number {
  const beijingMidnight = Math.floor((nowMs + 8 * 3600_000) / DAY_MS) * DAY_MS - 8 * 3600_000;
  return beijingMidnight - daysAgo * DAY_MS + 2 * 3600_000;
}
