/**
 * A clone in its task row: the one task's stages (ordering → creating → restoring data → running), the order
 * and the new instance, and once it runs, its address with a link to it in the fleet, how to move traffic and
 * how to release it with its running cost. Nothing here switches or releases anything: the app only says how.
 *
 * SwitchAccessNewInstance is not offered: clone-core found it documented only for an instance waiting in its
 * time window for a spec or version switch (see cloneAftercare in shared/clones.ts).
 */
import { useTranslation } from 'react-i18next';
import { type CloneStage, cloneAftercare } from '../../../../shared/clones';
import { CRS_CONSOLE_INSTANCE_LIST_URL, type RestoreRecord } from '../../../../shared/tasks';
import { formatMoney } from '../../lib/money';
import { instanceHref } from '../../store/tasks-slice';

const STAGES: readonly CloneStage[] = ['ordering', 'creating', 'restoring', 'running'];

export function CloneProgress({ record: r }: { record: RestoreRecord }) {
  const { t, i18n } = useTranslation();
  const clone = r.clone;
  if (r.kind !== 'clone' || !clone) return null;
  const reached = STAGES.indexOf(clone.stage);
  const ended = r.status === 'succeed';
  const after = cloneAftercare(clone);
  const newName = clone.instanceName || clone.newInstanceId || '';
  return (
    <div className="clone-task small" data-testid="clone-progress">
      <ol className="clone-stages" aria-label={t('cloneTask.stagesLabel')}>
        {STAGES.map((stage, i) => (
          <li
            key={stage}
            aria-current={i === reached && !ended ? 'step' : undefined}
            className={i < reached || ended ? 'muted' : undefined}
            data-stage={stage}
          >
            {i < reached || (ended && i === reached) ? '✓ ' : ''}
            {t(`cloneTask.stage.${stage}`)}
          </li>
        ))}
      </ol>
      {(clone.dealName || clone.dealId) && (
        <div className="muted mono" data-testid="clone-deal">
          {t('cloneTask.deal', { id: clone.dealName || clone.dealId })}
          {clone.dealState ? ` · ${t(`cloneTask.dealState.${clone.dealState}`)}` : ''}
        </div>
      )}
      {clone.newInstanceId && (
        <div>
          {t('cloneTask.newInstance')}{' '}
          <a
            href={instanceHref({ region: r.region, instanceId: clone.newInstanceId })}
            data-testid="clone-open-new"
            aria-label={t('cloneTask.openNew', { name: newName })}
          >
            {newName}
          </a>{' '}
          <span className="mono muted">{clone.newInstanceId}</span>
        </div>
      )}
      {after.address && (
        <div>
          {t('cloneTask.address')}{' '}
          <strong className="mono" data-testid="clone-address">
            {after.address.vip}:{after.address.port}
          </strong>
        </div>
      )}
      {ended && (
        <div className="clone-after" data-testid="clone-aftercare">
          <p>
            <strong>{t('cloneTask.trafficTitle')}</strong> {t('cloneTask.traffic')}
          </p>
          <p className="muted">{t('cloneTask.noSwitch')}</p>
          <p>
            <strong>{t('cloneTask.releaseTitle')}</strong>{' '}
            {after.hourlyCost
              ? t('cloneTask.releaseHourly', { amount: formatMoney(after.hourlyCost, i18n.language) })
              : t(
                  clone.billingMode === 'monthly'
                    ? 'cloneTask.releaseMonthly'
                    : 'cloneTask.releaseUnknownCost',
                )}
          </p>
          <p className="muted">
            {t('cloneTask.releaseHow', {
              action: after.release.action,
              id: after.release.instanceId ?? newName,
            })}{' '}
            <a href={CRS_CONSOLE_INSTANCE_LIST_URL} target="_blank" rel="noreferrer noopener">
              {t('tasks.console')}
            </a>
          </p>
        </div>
      )}
    </div>
  );
}
