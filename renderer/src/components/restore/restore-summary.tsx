/** What will be restored, from what, and what that does to this engine: the dialog's top half. */
import { useTranslation } from 'react-i18next';
import type { Backup, Instance } from '../../../../shared/domain';
import type { ProfileView } from '../../../../shared/profiles';
import { restoreSemantics } from '../../../../shared/restore-rules';
import { formatAge, formatDateTime } from '../../lib/format';

interface Props {
  instance?: Instance;
  instanceId: string;
  backup?: Backup;
  backupId: string;
  profile?: ProfileView;
}

export function RestoreSummary({ instance, instanceId, backup, backupId, profile }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const engine = instance ? `${instance.engine}` : '';
  return (
    <>
      <dl className="facts restore-facts">
        <dt>{t('restore.instance')}</dt>
        <dd>
          <strong data-testid="restore-instance-name">{instance?.name || instanceId}</strong>{' '}
          <span className="muted mono">
            {instanceId}
            {instance ? ` · ${instance.region} · ${engine}` : ''}
          </span>
        </dd>
        <dt>{t('restore.backup')}</dt>
        <dd>
          <strong data-testid="restore-backup-time">
            {backup?.startTime ? formatDateTime(backup.startTime, lang) : backupId}
          </strong>{' '}
          {backup?.startTime && (
            <span className="muted">{t('instance.ago', { age: formatAge(backup.startTime, lang) })}</span>
          )}{' '}
          <span className="muted mono" data-testid="restore-backup-id">
            {backupId}
          </span>
        </dd>
        {profile && (
          <>
            <dt>{t('restore.profile')}</dt>
            <dd>
              {profile.name}{' '}
              <span className={`env-tag env-${profile.environment}`}>{t(`env.${profile.environment}`)}</span>
            </dd>
          </>
        )}
      </dl>
      <section className="consequences" aria-labelledby="consequences-title">
        <h3 id="consequences-title">{t('restore.consequences')}</h3>
        <ul>
          <li>{t('restore.dataLost')}</li>
          <li>{t('restore.interrupted')}</li>
          {instance && (
            <li data-testid="restore-semantics">
              {restoreSemantics(instance) === 'overwrite-in-place'
                ? t('restore.inPlace', { engine })
                : t('restore.cloneSwap', { engine })}
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
