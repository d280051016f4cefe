// What the sandbox "sells": the instance types a new purchase (CloneInstances, InquiryPriceCreateInstance)
// may have, the memory, shard and replica choices, the zones that are sold out, and the security groups
// and VPCs of the account. The shapes follow the official models; the choices are the sandbox's own.
import { findRegion, typeInfo } from './catalog.js';
import type { SandboxState } from './store.js';
import type { InstanceRecord } from './types.js';

/**
 * Types on sale: the TypeId list of InquiryPriceCreateInstanceRequest (SDK 4.1.313 redis_models.d.ts:
 * 2, 6, 7, 8, 9, 15, 16, 17, 18, 200). CKV 3.2 (3, 4), Redis 2.8 single node (5) and Valkey (19–22) are
 * not in it, so the sandbox does not sell them: a clone of such an instance is refused
 * (InvalidParameterValue.InvalidInstanceTypeId) and an inquiry for them answers SpecNotExist. Whether the
 * real service still sells Valkey under these codes is unverified (the InstanceSet comment lists them).
 */
export const SOLD_TYPES: ReadonlySet<number> = new Set([2, 6, 7, 8, 9, 15, 16, 17, 18, 200]);

/** RedisShardNum of InquiryPriceCreateInstanceRequest: "集群架构分片数量支持设置为1、3、5、8、…、128". */
export const CLUSTER_SHARD_NUMS: readonly number[] = [1, 3, 5, 8, 12, 16, 24, 32, 40, 48, 64, 80, 96, 128];

/** RedisReplicasNum: "取值范围为：1、2、3、4、5". */
export const REPLICA_NUMS: readonly number[] = [1, 2, 3, 4, 5];

/**
 * Memory sizes sold, MB (MemSize "数值需为1024的整数倍"; for a cluster the size of one shard). The sandbox
 * sells 1–64 GB per node of a standard instance and 1–32 GB per shard of a cluster, every whole GB.
 */
export const MAX_STANDARD_GB = 64;
export const MAX_SHARD_GB = 32;

/**
 * Zones where a type is sold out (ResourceUnavailable.SaleOut "地域对应类型已售罄"): ap-beijing-3
 * (800003) sells no Redis 5.0 standard (Type 8), so cloning crs-demo0014 there is refused while its own
 * zone works. Every other zone of the region list (state/catalog.ts) sells every SOLD_TYPES entry.
 */
export const SOLD_OUT: ReadonlyMap<number, ReadonlySet<number>> = new Map([[800003, new Set([8])]]);

/** Regions that only sell VPC instances ("上海金融只提供vpc网络", errors.go OnlyVPCOnSpecZoneId). */
export const VPC_ONLY_REGIONS: ReadonlySet<string> = new Set(['ap-shanghai-fsi', 'ap-shenzhen-fsi']);

export function zoneInRegion(region: string, zoneId: number): boolean {
  return findRegion(region)?.zones.includes(zoneId) ?? false;
}

export function soldOut(zoneId: number, type: number): boolean {
  return SOLD_OUT.get(zoneId)?.has(type) ?? false;
}

/** Why a spec is not sold, or null: the checks of InquiryPriceCreateInstance (SpecNotExist). */
export function specProblem(spec: {
  type: number;
  memMb: number;
  shardNum: number;
  replicasNum: number;
}): string | null {
  if (!SOLD_TYPES.has(spec.type)) return `TypeId ${spec.type} is not sold.`;
  if (spec.memMb <= 0 || spec.memMb % 1024 !== 0) return 'MemSize must be a positive multiple of 1024.';
  const cluster = typeInfo(spec.type).cluster;
  const gb = spec.memMb / 1024;
  if (gb > (cluster ? MAX_SHARD_GB : MAX_STANDARD_GB)) return `MemSize ${spec.memMb} is not sold.`;
  if (cluster ? !CLUSTER_SHARD_NUMS.includes(spec.shardNum) : spec.shardNum !== 1) {
    return `RedisShardNum ${spec.shardNum} is not sold for TypeId ${spec.type}.`;
  }
  if (!REPLICA_NUMS.includes(spec.replicasNum)) return `RedisReplicasNum ${spec.replicasNum} is not sold.`;
  return null;
}

export interface SecurityGroup {
  id: string;
  name: string;
  remark: string;
  projectId: number;
  createdMs: number;
}

/**
 * The account's security groups of a region, derived from its instances: one `default` group per region
 * and one group per project in use, so every instance has at least one group and ids are stable.
 */
export function securityGroupsOf(state: SandboxState, region: string): SecurityGroup[] {
  const info = findRegion(region);
  const tag = info?.short ?? region.replace(/[^a-z]/g, '').slice(0, 4);
  const projects = new Set<number>();
  for (const i of state.instances.values()) if (i.region === region) projects.add(i.projectId);
  const epoch = Date.UTC(2024, 0, 15);
  const groups: SecurityGroup[] = [
    {
      id: `sg-${tag}default`,
      name: 'default',
      remark: 'allow 6379 from the VPC',
      projectId: 0,
      createdMs: epoch,
    },
  ];
  for (const projectId of [...projects].filter((p) => p !== 0).sort((a, b) => a - b)) {
    groups.push({
      id: `sg-${tag}proj${projectId}`,
      name: `project-${projectId}`,
      remark: `project ${projectId} access`,
      projectId,
      createdMs: epoch,
    });
  }
  return groups;
}

/** The groups bound to an instance: the groups it was created with, else its project's defaults. */
export function instanceSecurityGroups(state: SandboxState, instance: InstanceRecord): SecurityGroup[] {
  const all = securityGroupsOf(state, instance.region);
  const bound = state.clones.boundGroups.get(instance.id);
  if (bound) return all.filter((g) => bound.includes(g.id));
  return all.filter((g) => g.projectId === 0 || g.projectId === instance.projectId);
}

/** The VPCs of a region, each with its subnets: those of the account's instances. */
export function vpcsOf(state: SandboxState, region: string): Map<string, Set<string>> {
  const vpcs = new Map<string, Set<string>>();
  for (const i of state.instances.values()) {
    if (i.region !== region || i.uniqVpcId === '') continue;
    const subnets = vpcs.get(i.uniqVpcId) ?? new Set<string>();
    subnets.add(i.uniqSubnetId);
    vpcs.set(i.uniqVpcId, subnets);
  }
  return vpcs;
}
