// Legacy v2 GetBackupDownloadUrl (https://intl.cloud.tencent.com/document/api/239/8452): `redisId`,
// `backupId` → `data.intranet` and `data.extranet`, one link each, "valid for 12 hours". A cluster
// backup must be exported first (ExportRedisBackup, https://cloud.tencent.com/document/api/239/8430:
// "只有集群版实例才需要导出备份; 只有导出备份后,才能调用 GetBackupDownloadUrl 接口下载该备份"), and the export is
// one .rdb file, so an exported cluster backup is served merged. The page's error table is only partly
// legible in the copies found; the codes used are the legacy ones of the same family (11201, 10701,
// 11213, 10711 BackupStatusInvalid), which code a not-yet-exported cluster backup gets is unverified.

import { typeInfo } from '../state/catalog.js';
import type { ActionContext } from './action-types.js';
import { backupGeneration } from './backup-file-actions.js';
import { invalid, type LegacyParams, type LegacyResult } from './legacy-params.js';
import { readScopeRefusal } from './read-scope.js';

const refuse = (code: number, codeDesc: string, message: string): LegacyResult => ({
  ok: false,
  code,
  codeDesc,
  message,
});

export function getBackupDownloadUrl(ctx: ActionContext, params: LegacyParams): LegacyResult {
  ctx.state.tick();
  const redisId = params.redisId ?? '';
  const backupId = params.backupId ?? '';
  if (redisId === '' || backupId === '') return invalid('redisId and backupId are required.');
  const instance = ctx.state.instances.get(redisId);
  if (!instance || instance.region !== ctx.region) {
    return refuse(10701, 'InstanceNotExists', `Instance ${redisId} does not exist.`);
  }
  if (readScopeRefusal(ctx.state, ctx.principal, { instanceIds: [redisId] })) {
    return refuse(4102, 'UnauthorizedResource', `Key ${ctx.principal.secretId} may not read ${redisId}.`);
  }
  const backup = ctx.state.findBackup(backupId, instance.id);
  if (!backup || backup.instanceId !== instance.id || backup.deleted) {
    return refuse(11213, 'BackupNotExists', `No backup ${backupId} for instance ${redisId}.`);
  }
  const status = ctx.state.backupStatus(backup);
  const cluster = typeInfo(instance.type).cluster;
  if ((cluster && status !== 4) || (!cluster && status !== 2 && status !== 4)) {
    return refuse(
      10711,
      'BackupStatusInvalid',
      cluster
        ? `Backup ${backupId} of a cluster instance must be exported (ExportRedisBackup) before download.`
        : `Backup ${backupId} has status ${status}.`,
    );
  }
  const store = ctx.state.files;
  if (!store) return refuse(6000, 'InternalError', 'No backup storage.');
  const [file] = store.filesOf(instance, backup, backupGeneration(ctx.state, backup), true);
  if (!file) return refuse(6000, 'InternalError', 'The backup has no file.');
  const nowSec = Math.floor(ctx.state.now() / 1000);
  return {
    ok: true,
    fields: {
      data: {
        intranet: store.signedUrl(file.innerPath, nowSec, store.legacyLinkSeconds),
        extranet: store.signedUrl(file.publicPath, nowSec, store.legacyLinkSeconds),
      },
    },
  };
}
