/**
 * After a restore that was sent, the way back the engine allows. Clone-and-swap engines: Tencent's restore
 * page says the console can roll back by swapping the IPs of the clone and the original
 * (https://www.tencentcloud.com/document/product/239/56000). No official API does exactly that swap-back:
 * SwitchInstanceVip swaps VIPs for DTS-based cross-AZ disaster recovery and SwitchAccessNewInstance switches
 * an instance waiting in a time window (tencentcloud-sdk-nodejs 4.1.313, services/redis/v20180412/
 * redis_client.d.ts), so the app gives the steps and does not swap. In-place engines, and engines Tencent
 * does not document (the worst case): the safety backup, by id, when one was taken.
 */
import { useTranslation } from 'react-i18next';
import { CRS_CONSOLE_INSTANCE_LIST_URL, type RestoreRecord } from '../../../../shared/tasks';
import { useApp } from '../../store';

/** Tencent's page on restoring CRS from a backup: what a restore does per engine. */
export const RESTORE_DOC_URL = 'https://www.tencentcloud.com/document/product/239/56000';

/** A restore whose request reached the cloud (or may have): only then is there anything to go back from. */
const sentOutcomes = new Set(['succeed', 'failed', 'error', 'outcome-unknown']);

export function WayBack({ record: r }: { record: RestoreRecord }) {
  const { t } = useTranslation();
  const openRestore = useApp((s) => s.openRestore);
  if (r.phase !== 'done' || !sentOutcomes.has(r.status)) return null;
  const rule = r.restoreRule ?? { semantics: 'overwrite-in-place', basis: 'assumed-worst' };
  const engine = r.engine || t('common.none');
  const clone = rule.semantics === 'clone-and-swap' && rule.basis === 'documented';
  const backup = r.safetyBackup?.status === 'succeed' ? r.safetyBackup : undefined;
  const backupId = backup?.backupId;
  return (
    <div className="way-back small" data-testid="way-back" data-kind={clone ? 'clone' : 'in-place'}>
      <strong>{t('restoreFlow.wayBack.title')}</strong>
      {r.status !== 'succeed' && <p>{t('restoreFlow.wayBack.notSucceeded')}</p>}
      {clone ? (
        <>
          <p>{t('restoreFlow.wayBack.clone', { engine })}</p>
          <ol>
            <li>
              <a href={CRS_CONSOLE_INSTANCE_LIST_URL} target="_blank" rel="noreferrer noopener">
                {t('restoreFlow.wayBack.cloneStep1', { instanceId: r.instanceId, region: r.region })}
              </a>
            </li>
            <li>{t('restoreFlow.wayBack.cloneStep2')}</li>
            <li>{t('restoreFlow.wayBack.cloneStep3')}</li>
          </ol>
          <a href={RESTORE_DOC_URL} target="_blank" rel="noreferrer noopener">
            {t('restoreFlow.wayBack.cloneDoc')}
          </a>
        </>
      ) : (
        <p>
          {rule.basis === 'documented'
            ? t('restoreFlow.wayBack.inPlace', { engine })
            : t('restoreFlow.wayBack.assumedWorst', { engine })}
        </p>
      )}
      {backupId ? (
        <p>
          <button
            type="button"
            className="btn btn-small"
            data-testid="restore-from-safety"
            onClick={() =>
              void openRestore(
                {
                  profileId: r.profileId,
                  region: r.region,
                  instanceId: r.instanceId,
                  backupId,
                },
                'overwrite',
              )
            }
          >
            {t('restoreFlow.wayBack.fromSafety', { id: backupId })}
          </button>
        </p>
      ) : backup ? (
        <p>
          {t('restoreFlow.wayBack.safetyNoId', {
            taskId: backup.taskId ?? '',
            remark: backup.remark ?? '',
          })}
        </p>
      ) : clone ? null : (
        <p>{t('restoreFlow.wayBack.none')}</p>
      )}
    </div>
  );
}
