/**
 * The new instance's form, pre-filled from its source: zone, VPC and subnet, security groups
 * (DescribeInstanceSecurityGroup, as CloneInstancesRequest.SecurityGroupIdList's own doc says to read them),
 * spec, shards, replicas, node set, project, tags and port; pay-as-you-go for one period by default. What
 * cannot be read is named in `unread` and left for the user, never guessed.
 */
import type { CloneDefaults, CloneSource, PitrRange } from '../../../shared/clones';
import { AppError } from '../../../shared/errors';
import type { CrsApi, InstanceSpec } from '../cloud/crs-api';
import { cloneSpec } from './clone-price';

/**
 * What the cloud answers DescribeSecondLevelBackupInfo for an instance without second-level backup. Not in
 * the SDK's per-action error list; it is what the sandbox answers (sandbox/api/clone-actions.ts), and an
 * assumption about the real service until checked with an account.
 */
const UNSUPPORTED = 'FailedOperation.UnSupportError';

/** "支持7天内任意秒级时间点" (DescribeSecondLevelBackupInfoRequest.BackupTimestamp). */
export const PITR_DAYS = 7;
const DAY_MS = 86_400_000;

export async function sourceInstance(api: CrsApi, source: Pick<CloneSource, 'region' | 'instanceId'>) {
  const { instances } = await api.describeInstances({
    region: source.region,
    limit: 1,
    offset: 0,
    instanceIds: [source.instanceId],
  });
  const instance = instances.find((i) => i.id === source.instanceId);
  if (!instance) throw new AppError('INSTANCE_NOT_FOUND', undefined, { instanceId: source.instanceId });
  return instance;
}

export async function cloneDefaults(api: CrsApi, source: CloneSource): Promise<CloneDefaults> {
  const instance = await sourceInstance(api, source);
  const unread: CloneDefaults['unread'] = [];
  let spec: InstanceSpec | undefined;
  try {
    spec = await api.describeInstanceSpec({ region: source.region, instanceId: source.instanceId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_IN_LEGACY_API') throw error;
    spec = undefined;
  }
  const inherited = cloneSpec(instance, spec);
  if (!inherited) unread.push('spec');
  let securityGroupIds: string[] = [];
  try {
    const groups = await api.describeInstanceSecurityGroups({
      region: source.region,
      instanceIds: [source.instanceId],
    });
    const own = groups[source.instanceId];
    if (own) securityGroupIds = own.map((g) => g.id);
    else unread.push('security-groups');
  } catch {
    unread.push('security-groups');
  }
  if (instance.zoneId === undefined) unread.push('zone');
  const nodeSet = spec?.nodeSet?.flatMap((n) =>
    (n.nodeType === 0 || n.nodeType === 1) && n.zoneId !== undefined
      ? [{ nodeType: n.nodeType as 0 | 1, zoneId: n.zoneId }]
      : [],
  );
  return {
    source: instance,
    spec: inherited ?? {
      typeId: instance.typeId,
      memSizeMb: 0,
      shardNum: 1,
      replicasNum: 0,
      secondLevelBackup: spec?.backupMode === 'SecondLevelBackup',
    },
    plan: {
      ...(instance.zoneId !== undefined ? { zoneId: instance.zoneId } : {}),
      billingMode: 'pay-as-you-go',
      period: 1,
      ...(instance.vpcId ? { vpcId: instance.vpcId } : {}),
      ...(instance.subnetId ? { subnetId: instance.subnetId } : {}),
      securityGroupIds,
      noAuth: instance.noAuth,
      ...(instance.port > 0 ? { port: instance.port } : {}),
      ...(nodeSet?.length ? { nodeSet } : {}),
      projectId: instance.projectId,
      tags: instance.tags,
    },
    unread,
  };
}

/**
 * The point-in-time range: from the later of StartTimestamp ("实例开启秒级备份的时间戳") and seven days ago, to
 * now, less MissingTimestamps ("备份不存在的时间戳范围"). An instance the cloud answers for without a
 * StartTimestamp has no second-level backups.
 */
export async function pitrRange(api: CrsApi, source: CloneSource, now: number): Promise<PitrRange> {
  const checkedAt = new Date(now).toISOString();
  let info: Awaited<ReturnType<CrsApi['describeSecondLevelBackupInfo']>>;
  try {
    info = await api.describeSecondLevelBackupInfo({ region: source.region, instanceId: source.instanceId });
  } catch (error) {
    // An instance without second-level backup is refused as an unsupported operation; any other failure
    // (network, permission) says nothing about it and is passed on.
    if (error instanceof AppError && error.details?.cloudCode === UNSUPPORTED)
      return { enabled: false, missing: [], checkedAt };
    throw error;
  }
  const started = info.startTime ? Date.parse(info.startTime) : Number.NaN;
  if (!Number.isFinite(started)) return { enabled: false, missing: [], checkedAt };
  const start = Math.max(started, now - PITR_DAYS * DAY_MS);
  return {
    enabled: true,
    start: new Date(start).toISOString(),
    end: checkedAt,
    missing: info.missing.filter((m) => Date.parse(m.end) >= start),
    checkedAt,
  };
}

/** Whether a time lies in the range and outside every missing range. */
export function timeCovered(range: PitrRange, iso: string): boolean {
  const t = Date.parse(iso);
  if (!range.enabled || !range.start || !range.end || !Number.isFinite(t)) return false;
  if (t < Date.parse(range.start) || t > Date.parse(range.end)) return false;
  return !range.missing.some((m) => t >= Date.parse(m.start) && t <= Date.parse(m.end));
}
