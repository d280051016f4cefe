// Renders state records with exactly the field names and types of the SDK models (InstanceSet,
// RedisBackupSet; reference §3.1/§3.2): the return types are the SDK's own (sdk-models.ts), so a misnamed or
// mistyped field fails the typecheck; tests/unit/sandbox/model-coverage.test.ts lists the fields left out.
import { formatTencentTime } from '../clock.js';
import { backupEncrypted } from '../files/demo-traits.js';
import { findRegion, STATUS_TITLE, typeInfo } from '../state/catalog.js';
import type { SandboxState } from '../state/store.js';
import type { BackupOrigin, BackupRecord, InstanceRecord } from '../state/types.js';
import type { InstanceSet, RedisBackupSet } from './sdk-models.js';

const PROXY_VERSION = '5.6.3';

export function formatInstance(instance: InstanceRecord): InstanceSet {
  const info = typeInfo(instance.type);
  const region = findRegion(instance.region);
  const locked = instance.lockTaskId !== null;
  return {
    InstanceName: instance.name,
    InstanceId: instance.id,
    Appid: instance.appid,
    ProjectId: instance.projectId,
    RegionId: region?.regionId ?? 0,
    ZoneId: instance.zoneId,
    VpcId: instance.vpcId,
    SubnetId: instance.subnetId,
    Status: instance.status,
    WanIp: instance.wanIp,
    Port: instance.port,
    Createtime: formatTencentTime(instance.createdMs),
    Size: instance.sizeMb,
    SizeUsed: instance.sizeUsedMb,
    Type: instance.type,
    AutoRenewFlag: instance.autoRenewFlag,
    DeadlineTime: formatTencentTime(instance.deadlineMs),
    Engine: info.engine,
    ProductType: info.cluster ? 'cluster' : 'standalone',
    UniqVpcId: instance.uniqVpcId,
    UniqSubnetId: instance.uniqSubnetId,
    BillingMode: instance.billingMode,
    InstanceTitle:
      locked && instance.status === 1 ? '回档中' : (instance.title ?? STATUS_TITLE[instance.status] ?? ''),
    OfflineTime: instance.status === -2 ? formatTencentTime(instance.deadlineMs) : '0000-00-00 00:00:00',
    SubStatus: instance.subStatus,
    Tags: instance.tags.map((t) => `${t.key}:${t.value}`),
    InstanceNode: [],
    RedisShardSize: Math.floor(instance.sizeMb / instance.shardNum),
    RedisShardNum: instance.shardNum,
    RedisReplicasNum: instance.replicasNum,
    PriceId: 0,
    CloseTime: instance.status === -2 ? formatTencentTime(instance.deadlineMs) : '0000-00-00 00:00:00',
    SlaveReadWeight: 0,
    InstanceTags: instance.tags.map((t) => ({ TagKey: t.key, TagValue: t.value })),
    ProjectName: instance.projectName,
    NoAuth: instance.password === null,
    ClientLimit: 10000,
    DtsStatus: 0,
    NetLimit: 48,
    PasswordFree: instance.password === null ? 1 : 0,
    Vip6: '',
    IPv6: '',
    ReadOnly: 0,
    RemainBandwidthDuration: '',
    DiskSize: 0,
    MonitorVersion: '1s',
    ClientLimitMin: 10000,
    ClientLimitMax: 40000,
    NodeSet: [
      {
        NodeType: 0,
        NodeId: 0,
        ZoneId: instance.zoneId,
        ZoneName: `${instance.region}-${instance.zoneId % 10}`,
      },
      {
        NodeType: 1,
        NodeId: 1,
        ZoneId: instance.zoneId,
        ZoneName: `${instance.region}-${instance.zoneId % 10}`,
      },
    ],
    Region: instance.region,
    WanAddress: '',
    PolarisServer: '',
    RedisClusterId: '',
    DedicatedClusterId: '',
    ProductVersion: 'local',
    CurrentProxyVersion: PROXY_VERSION,
    CurrentRedisVersion: info.version,
    UpgradeProxyVersion: PROXY_VERSION,
    UpgradeRedisVersion: info.version,
    BackupMode: 'NormalLevelBackup',
    DeleteProtectionSwitch: 0,
  };
}

/** A string on the wire: "0" manual, "1" nightly automatic, "2" spec change (SDK RedisBackupSet). */
const BACKUP_TYPE: Readonly<Record<BackupOrigin, string>> = {
  manual: '0',
  automatic: '1',
  specChange: '2',
};

export function formatBackup(state: SandboxState, backup: BackupRecord): RedisBackupSet {
  const instance = state.instances.get(backup.instanceId);
  const info = typeInfo(backup.instanceType);
  return {
    StartTime: formatTencentTime(backup.startMs),
    BackupId: backup.id,
    BackupType: BACKUP_TYPE[backup.origin],
    Status: state.backupStatus(backup),
    Remark: backup.remark,
    Locked: state.backupLocked(backup),
    BackupSize: backup.sizeBytes,
    FullBackup: 0,
    InstanceType: backup.instanceType,
    InstanceId: backup.instanceId,
    InstanceName: instance?.name ?? '',
    Region: instance?.region ?? '',
    EndTime: formatTencentTime(backup.endMs),
    FileType: `RDB-${info.engine} ${info.version}`,
    ExpireTime: formatTencentTime(backup.expireMs),
    Encrypted: backupEncrypted(backup),
  };
}
