// API 3.0 DescribeBackupUrl, DescribeBackupDetail and DescribeBackupDownloadRestriction over the state's
// backups and the sandbox's object storage (sandbox/files/). Request and answer types are the SDK 4.1.313
// models; the error codes are those of each action's official list (Go SDK TencentCloud/tencentcloud-sdk-go
// tencentcloud/redis/v20180412/client.go @ 007e3aed1e0808a3d5f36a4c60bdfd7ca28940f7 for DescribeBackupUrl
// and DescribeBackupDownloadRestriction; DescribeBackupDetail, absent there, from
// TencentCloud/tencentcloud-sdk-go-intl-en @ 8b2e8afac6bc6e791efd1d10821575ae3f3cf0f1), each reached from
// real state; the rest (Tencent's own faults) only through the apiError fault.
import { createHash } from 'node:crypto';
import { formatTencentTime } from '../clock.js';
import type { SandboxState } from '../state/store.js';
import type { BackupRecord, InstanceRecord } from '../state/types.js';
import type { ActionAnswer, ActionContext, ActionResult, Refusal } from './action-types.js';
import { type ParamsOf, type SchemaOf, str, strs } from './params.js';
import { readScopeRefusal } from './read-scope.js';
import type { RequestOf } from './sdk-models.js';

const bad = (message: string): Refusal => ({ ok: false, code: 'InvalidParameter.InvalidParameter', message });

/** DescribeBackupUrlRequest.LimitType's documented values (SDK 4.1.313). */
export const LIMIT_TYPES = ['NoLimit', 'LimitOnlyIntranet', 'Customize'] as const;

/** The account's download restriction (ModifyBackupDownloadRestriction); the sandbox's is open. */
export const ACCOUNT_RESTRICTION: ActionAnswer<'DescribeBackupDownloadRestriction'> = {
  LimitType: 'NoLimit',
  VpcComparisonSymbol: 'In',
  IpComparisonSymbol: 'In',
  LimitVpc: [],
  LimitIp: [],
};

type Found = { instance: InstanceRecord; backup: BackupRecord } | { refusal: Refusal };

/** Instance in the request's region → read scope → the backup is one of the instance's, not deleted. */
function findBackup(ctx: ActionContext, instanceId: string, backupId: string): Found {
  const instance = ctx.state.instances.get(instanceId);
  if (!instance || instance.region !== ctx.region) {
    return {
      refusal: {
        ok: false,
        code: 'ResourceNotFound.InstanceNotExists',
        message: `Instance ${instanceId} does not exist in ${ctx.region}.`,
      },
    };
  }
  const scope = readScopeRefusal(ctx.state, ctx.principal, { instanceIds: [instanceId] });
  if (scope) return { refusal: scope as Refusal };
  const backup = ctx.state.findBackup(backupId, instance.id);
  if (!backup || backup.instanceId !== instance.id || backup.deleted) {
    return {
      refusal: {
        ok: false,
        code: 'InvalidParameterValue.BackupNotExists',
        message: `No backup ${backupId} for instance ${instance.id}.`,
      },
    };
  }
  return { instance, backup };
}

/** The backup's place among all of its instance's backups, oldest first: it picks the demo data. */
export function backupGeneration(state: SandboxState, backup: BackupRecord): number {
  const all = [...state.backupsOf(backup.instanceId)].sort((a, b) => a.startMs - b.startMs);
  return Math.max(0, all.indexOf(backup));
}

export const describeBackupUrlSchema: SchemaOf<RequestOf<'DescribeBackupUrl'>> = {
  InstanceId: { type: 'string', required: true },
  BackupId: { type: 'string', required: true },
  LimitType: { type: 'string' },
  VpcComparisonSymbol: { type: 'string' },
  IpComparisonSymbol: { type: 'string' },
  LimitVpc: { type: 'object[]' },
  LimitIp: { type: 'string[]' },
};

export function describeBackupUrl(
  ctx: ActionContext,
  p: ParamsOf<RequestOf<'DescribeBackupUrl'>>,
): ActionResult<ActionAnswer<'DescribeBackupUrl'>> {
  ctx.state.tick();
  const instanceId = str(p, 'InstanceId') ?? '';
  const backupId = str(p, 'BackupId') ?? '';
  if (!/^crs-[a-z0-9]{8}$/.test(instanceId)) return bad('InstanceId is malformed.');
  if (backupId.trim() === '') return bad('BackupId must not be empty.');
  const limitType = str(p, 'LimitType');
  if (limitType !== undefined && !(LIMIT_TYPES as readonly string[]).includes(limitType)) {
    return bad(`LimitType must be one of ${LIMIT_TYPES.join(', ')}.`);
  }
  const vpcSymbol = str(p, 'VpcComparisonSymbol');
  if (vpcSymbol !== undefined && vpcSymbol !== 'In') return bad('VpcComparisonSymbol only accepts In.');
  const ipSymbol = str(p, 'IpComparisonSymbol');
  if (ipSymbol !== undefined && ipSymbol !== 'In' && ipSymbol !== 'NotIn') {
    return bad('IpComparisonSymbol must be In or NotIn.');
  }
  // "当参数LimitType为Customize时，需配置该参数" (LimitVpc, LimitIp).
  const limitVpc = Array.isArray(p.LimitVpc) ? p.LimitVpc : [];
  if (limitType === 'Customize' && limitVpc.length === 0 && (strs(p, 'LimitIp') ?? []).length === 0) {
    return bad('LimitType Customize needs LimitVpc or LimitIp.');
  }
  const found = findBackup(ctx, instanceId, backupId);
  if ('refusal' in found) return found.refusal;
  const { instance, backup } = found;
  // errors.go: BackupStatusInvalid "备份状态无效，可能在其他流程中，也可能被删除" — a backup held by a flow
  // (being taken, restored or exported: Status 1 or 3) or expired (-1) has no file to hand out.
  const status = ctx.state.backupStatus(backup);
  if (status !== 2 && status !== 4) {
    return {
      ok: false,
      code: 'ResourceUnavailable.BackupStatusInvalid',
      message: `Backup ${backup.id} has status ${status}; only a normal or exported backup can be downloaded.`,
    };
  }
  const store = ctx.state.files;
  if (!store) return { ok: false, code: 'InternalError.InternalError', message: 'No backup storage.' };
  // With --redis, a snapshot that vanished from the sandbox's storage is Tencent's own fault (as for
  // RestoreInstance): InternalError.InternalError, in this action's list.
  if (backup.rdbPath && ctx.state.engine && !ctx.state.engine.snapshotExists(backup.rdbPath)) {
    return {
      ok: false,
      code: 'InternalError.InternalError',
      message: `Backup ${backup.id} has no file in storage.`,
    };
  }
  const files = store.filesOf(instance, backup, backupGeneration(ctx.state, backup));
  const restricted = (limitType ?? ACCOUNT_RESTRICTION.LimitType) !== 'NoLimit';
  const nowSec = Math.floor(ctx.state.now() / 1000);
  const link = (path: string) => store.signedUrl(path, nowSec, store.linkSeconds, restricted);
  const infos = files.map((file) => ({
    FileName: file.name,
    FileSize: file.size,
    DownloadUrl: link(file.publicPath),
    InnerDownloadUrl: link(file.innerPath),
  }));
  return {
    ok: true,
    data: {
      DownloadUrl: infos.map((i) => i.DownloadUrl),
      InnerDownloadUrl: infos.map((i) => i.InnerDownloadUrl),
      Filenames: infos.map((i) => i.FileName),
      BackupInfos: infos,
    },
  };
}

export function describeBackupDetail(
  ctx: ActionContext,
  p: ParamsOf<RequestOf<'DescribeBackupDetail'>>,
): ActionResult<ActionAnswer<'DescribeBackupDetail'>> {
  ctx.state.tick();
  const found = findBackup(ctx, str(p, 'InstanceId') ?? '', str(p, 'BackupId') ?? '');
  if ('refusal' in found) return found.refusal;
  const { instance, backup } = found;
  const shards = Math.max(1, instance.shardNum);
  const traits = ctx.state.files?.traits(backup);
  const key = traits?.key ?? null;
  return {
    ok: true,
    data: {
      BackupId: backup.id,
      StartTime: formatTencentTime(backup.startMs),
      EndTime: formatTencentTime(backup.endMs),
      // This model's comment reads "1：手动备份。0：自动备份", the reverse of RedisBackupSet.BackupType
      // ("0" manual); its official example (manual-looking Remark "test005") shows "0". The sandbox follows
      // the model; which is right is unverified.
      BackupType: backup.origin === 'manual' ? '1' : '0',
      Status: ctx.state.backupStatus(backup),
      Remark: backup.remark,
      Locked: ctx.state.backupLocked(backup),
      BackupSize: backup.sizeBytes,
      InstanceType: backup.instanceType,
      MemSize: Math.floor(instance.sizeMb / shards),
      ShardNum: shards,
      ReplicasNum: instance.replicasNum,
      Encrypted: key !== null,
      ...(key
        ? {
            DecryptKey: key.decryptKey,
            KmsKeyId: kmsKeyId(instance.id),
            KeyAlgorithm: 'AES-256-CBC',
          }
        : {}),
    },
  };
}

/** A KMS key id of the official example's shape (8-4-4-4-12 hex), stable per instance. */
function kmsKeyId(instanceId: string): string {
  const h = createHash('sha1').update(`kms/${instanceId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The account-wide restriction. A key limited to some projects may not read an account-wide setting: the
 * sandbox's reading of InvalidParameter.PermissionDenied ("接口没有cam权限") in this action's list.
 */
export function describeBackupDownloadRestriction(
  ctx: ActionContext,
): ActionResult<ActionAnswer<'DescribeBackupDownloadRestriction'>> {
  if (ctx.principal.allowedProjects) {
    return {
      ok: false,
      code: 'InvalidParameter.PermissionDenied',
      message: `Key ${ctx.principal.secretId} may not read the account's download restriction.`,
    };
  }
  return { ok: true, data: { ...ACCOUNT_RESTRICTION, LimitVpc: [], LimitIp: [] } };
}
