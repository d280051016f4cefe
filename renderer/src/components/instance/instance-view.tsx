/**
 * One instance: its properties, its restores, and its backups to restore from. While a restore of it runs,
 * its status and backups are read again (use-live-instance.ts) and Restore is disabled with the reason.
 */
import { useTranslation } from 'react-i18next';
import { zoneLabel } from '../../../../shared/crs-zones';
import type { Instance } from '../../../../shared/domain';
import { catalogLanguage } from '../../i18n';
import { formatDateTime, formatMb } from '../../lib/format';
import { projectName } from '../../lib/project-name';
import { href } from '../../lib/route';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { selectRowById } from '../../store/selectors';
import { ErrorBox } from '../common/error-box';
import { instanceTone, StatusChip } from '../common/status-chip';
import { BackupsPanel } from './backups-panel';
import { InstanceTasks } from './instance-tasks';
import { useLiveInstance } from './use-live-instance';

/** The cloud's listing row had no instance id (API 3.0 `InstanceId`, legacy `redisId`). */
const hasNoId = (incomplete: readonly string[] | undefined) =>
  incomplete?.includes('InstanceId') === true || incomplete?.includes('redisId') === true;

export function InstanceView({ region, id }: { region: string; id: string }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const row = useApp((s) => selectRowById(s, id));
  const profileId = useApp((s) => s.activeProfileId);
  const loading = useApp((s) => s.fleetLoading);
  const { active, live } = useLiveInstance({
    profileId: profileId ?? '',
    region: row?.instance.region || region,
    instanceId: id,
    createdAt: row?.instance.createdAt,
  });
  // The copy read during a restore is newer than the fleet's row.
  const instance = live?.instance ?? row?.instance;

  return (
    <section className="page instance-page" aria-labelledby="instance-title">
      <a className="back-link" href={href({ name: 'fleet' })}>
        ← {t('instance.back')}
      </a>
      {!instance || !profileId ? (
        <p role="status">{loading ? t('common.loading') : t('instance.notFound', { id })}</p>
      ) : (
        <>
          <div className="page-head">
            <h2 id="instance-title">{instance.name || instance.id}</h2>
            <StatusChip tone={instanceTone(instance.status)}>{t(`status.${instance.status}`)}</StatusChip>
            {live?.fetchedAt && (
              <span className="muted small" data-testid="instance-live">
                {t('restoreFlow.liveAt', { time: formatDateTime(live.fetchedAt, zone) })}
              </span>
            )}
          </div>
          {active && (
            <div className="banner banner-info" role="status" data-testid="restore-running">
              {active.kind === 'clone'
                ? t('cloneTask.sourceRunning', {
                    stage: t(`cloneTask.stage.${active.clone?.stage ?? 'ordering'}`),
                  })
                : t('restoreFlow.running', { phase: t(`phase.${active.phase}`) })}
            </div>
          )}
          {live?.error && <ErrorBox error={live.error} title={t('restoreFlow.liveFailed')} />}
          <Properties instance={instance} environment={row?.environment ?? ''} />
          {instance.incomplete && (
            <p className="field-error" role="status" data-testid="instance-incomplete">
              {t('instance.incompleteInstance', { fields: instance.incomplete.join(', ') })}
            </p>
          )}
          {/* Without its id nothing can be asked about the instance: no backups, no restore. */}
          {hasNoId(instance.incomplete) ? null : (
            <BackupsPanel
              restoreRunning={active !== undefined}
              target={{
                profileId,
                region: instance.region || region,
                instanceId: id,
                createdAt: instance.createdAt,
              }}
            />
          )}
          {!hasNoId(instance.incomplete) && <InstanceTasks instanceId={instance.id} />}
        </>
      )}
    </section>
  );
}

function Properties({ instance: i, environment }: { instance: Instance; environment: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const zone = useTimeZone();
  const none = t('common.none');
  const facts: Array<[string, string]> = [
    [t('col.id'), i.id],
    [
      t('col.region'),
      `${i.region}${i.zoneId !== undefined ? ` · ${t('col.zone')} ${zoneLabel(i.zoneId, catalogLanguage(lang))}` : ''}`,
    ],
    [
      t('col.engine'),
      `${i.engine}${i.engineVersion && !i.engine.includes(i.engineVersion) ? ` ${i.engineVersion}` : ''}`,
    ],
    [t('col.architecture'), t(`architectureName.${i.architecture}`)],
    [t('col.size'), formatMb(i.sizeMb, lang)],
    [t('col.address'), i.wanIp ? `${i.wanIp}:${i.port}` : none],
    [t('col.auth'), i.noAuth ? t('instance.passwordFree') : t('instance.password')],
    [t('col.project'), projectName(i, t('project.default'))],
    [t('col.environment'), environment || none],
    [t('col.vpc'), [i.vpcId, i.subnetId].filter(Boolean).join(' / ') || none],
    [t('col.tags'), i.tags.map((tag) => `${tag.key}:${tag.value}`).join(', ') || none],
    [t('col.created'), formatDateTime(i.createdAt, zone)],
    [t('col.expires'), formatDateTime(i.expiresAt, zone)],
    [t('col.api'), i.generation === 'v3' ? 'API 3.0' : 'legacy v2'],
  ];
  return (
    <section className="card" aria-labelledby="props-title">
      <h3 id="props-title">{t('instance.properties')}</h3>
      <dl className="facts facts-grid">
        {facts.map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
