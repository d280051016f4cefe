/** What will be restored, from what, and what that does to this engine: the dialog's top half. */
import { useTranslation } from 'react-i18next';
import type { Backup, Instance } from '../../../../shared/domain';
import { isInsecureEndpoint, type ProfileView } from '../../../../shared/profiles';
import { restoreRule } from '../../../../shared/restore-rules';
import { formatAge, formatDateTime } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';

interface Props {
  instance?: Instance;
  instanceId: string;
  backup?: Backup;
  backupId: string;
  profile?: ProfileView;
  /** The overwrite's consequences; the new-instance path states its own. */
  consequences?: boolean;
}

/** The consequence sentence for this engine: documented in place, documented clone-and-swap, or assumed worst. */
export function semanticsKey(instance: Instance | undefined): 'inPlace' | 'cloneSwap' | 'assumedWorst' {
  const rule = restoreRule(instance);
  if (rule.basis === 'assumed-worst') return 'assumedWorst';
  return rule.semantics === 'overwrite-in-place' ? 'inPlace' : 'cloneSwap';
}

export function RestoreSummary({
  instance,
  instanceId,
  backup,
  backupId,
  profile,
  consequences = true,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const zone = useTimeZone();
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
            {backup?.startTime ? formatDateTime(backup.startTime, zone) : backupId}
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
              {isInsecureEndpoint(profile.endpoint) && (
                <span className="badge-warning" title={t('profileForm.insecureWarning')}>
                  {t('profileForm.insecureBadge')}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      {consequences && (
        <section className="consequences" aria-labelledby="consequences-title">
          <h3 id="consequences-title">{t('restore.consequences')}</h3>
          <ul>
            <li>{t('restore.dataLost')}</li>
            <li>{t('restore.interrupted')}</li>
            <li data-testid="restore-capacity">{t('restore.capacity')}</li>
            <li data-testid="restore-semantics" data-semantics={semanticsKey(instance)}>
              {t(`restore.${semanticsKey(instance)}`, { engine: engine || t('restore.engineUnknown') })}
            </li>
          </ul>
        </section>
      )}
    </>
  );
}
