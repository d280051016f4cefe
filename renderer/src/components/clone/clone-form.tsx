/**
 * The new-instance path's first step: what the clone does (truths only), what it restores (the chosen backup
 * or a point in time), what it inherits from the source (pre-filled, read-only), and what the user sets
 * (name, password or password-free, billing).
 */
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MONTHLY_PERIODS } from '../../../../shared/clones';
import { zoneLabel } from '../../../../shared/crs-zones';
import { catalogLanguage } from '../../i18n';
import { formatDateTime, formatMb } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { ErrorBox } from '../common/error-box';
import { nameProblem, passwordProblem } from './clone-gate';
import { PitrTimeline } from './pitr-timeline';
import type { CloneForm as Form } from './use-clone-form';

/**
 * Months both actions accept: CloneInstances lists 1–12, 24, 36, 48 and 60, InquiryPriceCreateInstance only
 * up to 36; a period that cannot be priced is not offered.
 */
const PERIODS = MONTHLY_PERIODS.filter((m) => m <= 36);

export function CloneFormStep({ form, backupTime }: { form: Form; backupTime?: string }) {
  const { t, i18n } = useTranslation();
  const zone = useTimeZone();
  const id = useId();
  const { state, defaults, sourceInstance, fields, pitr, target } = form;
  const name = sourceInstance?.name || target.instanceId;
  const shownName = fields.name !== '' ? nameProblem(fields.name) : undefined;
  const shownPassword =
    fields.password !== '' ? passwordProblem(fields.password, form.passwordRule) : undefined;

  return (
    <>
      <section className="consequences" aria-labelledby={`${id}-what`}>
        <h3 id={`${id}-what`}>{t('clone.whatTitle')}</h3>
        <ul>
          <li data-testid="clone-untouched">{t('clone.untouched', { name })}</li>
          <li>{fields.pointKind === 'time' ? t('clone.dataFromTime') : t('clone.dataFromBackup')}</li>
          <li data-testid="clone-cost">{t('clone.cost')}</li>
          <li>{t('clone.traffic')}</li>
        </ul>
      </section>

      <fieldset className="dialog-section field" data-testid="clone-point">
        <legend>{t('clone.pointLegend')}</legend>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-point`}
            checked={fields.pointKind === 'backup'}
            onChange={() => fields.setPointKind('backup')}
            data-testid="point-backup"
          />
          {t('clone.pointBackup', {
            time: backupTime ? formatDateTime(backupTime, zone) : target.backupId,
          })}{' '}
          <span className="muted mono small">{target.backupId}</span>
        </label>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-point`}
            checked={fields.pointKind === 'time'}
            disabled={pitr === undefined}
            onChange={() => fields.setPointKind('time')}
            data-testid="point-time"
          />
          {t('clone.pointTime')}
        </label>
        {state.pitrStatus === 'loading' && <p className="muted small">{t('clone.pitr.loading')}</p>}
        {state.pitrError && <ErrorBox error={state.pitrError} title={t('clone.pitr.failed')} />}
        {state.pitrStatus === 'ready' && pitr === undefined && (
          <p className="muted small" data-testid="pitr-none">
            {t('clone.pitr.none')}
          </p>
        )}
        {fields.pointKind === 'time' && pitr && (
          <PitrTimeline window={pitr} value={fields.time} onChange={fields.setTime} />
        )}
      </fieldset>

      <section className="dialog-section" aria-labelledby={`${id}-inherit`}>
        <h3 id={`${id}-inherit`}>{t('clone.inheritTitle')}</h3>
        {state.defaultsStatus === 'loading' && <p role="status">{t('clone.defaultsLoading')}</p>}
        {state.defaultsError && (
          <ErrorBox error={state.defaultsError} title={t('clone.defaultsFailed')} onRetry={form.retry} />
        )}
        {defaults && (
          <dl className="facts facts-grid clone-inherited" data-testid="clone-inherited">
            <Fact label={t('clone.field.engine')}>{defaults.source.engine}</Fact>
            <Fact label={t('clone.field.zone')}>
              {defaults.plan.zoneId !== undefined
                ? `${zoneLabel(defaults.plan.zoneId, catalogLanguage(i18n.language))} (${defaults.plan.zoneId})`
                : t('clone.unread')}
            </Fact>
            <Fact label={t('clone.field.network')}>
              {defaults.plan.vpcId
                ? `${defaults.plan.vpcId} / ${defaults.plan.subnetId ?? '—'}`
                : t('clone.basicNetwork')}
            </Fact>
            <Fact label={t('clone.field.securityGroups')}>
              {defaults.plan.securityGroupIds.length > 0
                ? defaults.plan.securityGroupIds.join(', ')
                : t('clone.unread')}
            </Fact>
            <Fact label={t('clone.field.memory')}>
              {formatMb(defaults.spec.memSizeMb, i18n.language)}
              {defaults.spec.shardNum > 1 ? ` × ${defaults.spec.shardNum}` : ''}
            </Fact>
            <Fact label={t('clone.field.shards')}>{defaults.spec.shardNum}</Fact>
            <Fact label={t('clone.field.replicas')}>{defaults.spec.replicasNum}</Fact>
            <Fact label={t('clone.field.port')}>{defaults.plan.port ?? 6379}</Fact>
            <Fact label={t('clone.field.project')}>
              {defaults.source.projectName
                ? `${defaults.source.projectName} (${defaults.plan.projectId})`
                : defaults.plan.projectId}
            </Fact>
            <Fact label={t('clone.field.tags')}>
              {defaults.plan.tags.length > 0
                ? defaults.plan.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')
                : t('clone.noTags')}
            </Fact>
          </dl>
        )}
        {form.blockingUnread.length > 0 && (
          <p className="banner banner-warn" role="alert" data-testid="clone-unread">
            {t('clone.unreadBlocking', {
              fields: form.blockingUnread.map((u) => t(`clone.unreadField.${u}`)).join(', '),
            })}
          </p>
        )}
      </section>

      <section className="dialog-section form" aria-labelledby={`${id}-yours`}>
        <h3 id={`${id}-yours`}>{t('clone.yoursTitle')}</h3>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('clone.nameLabel')}</label>
          <input
            id={`${id}-name`}
            value={fields.name}
            onChange={(e) => fields.setName(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={80}
            aria-invalid={shownName ? true : undefined}
            aria-describedby={`${id}-name-hint`}
            data-testid="clone-name"
          />
          <p className={shownName ? 'field-error' : 'hint'} id={`${id}-name-hint`}>
            {shownName ? t(`clone.nameProblem.${shownName}`) : t('clone.nameHint')}
          </p>
        </div>
        {!fields.noAuth && (
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('clone.passwordLabel')}</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="new-password"
              value={fields.password}
              onChange={(e) => fields.setPassword(e.target.value)}
              aria-invalid={shownPassword ? true : undefined}
              aria-describedby={`${id}-password-hint`}
              data-testid="clone-password"
            />
            <p className={shownPassword ? 'field-error' : 'hint'} id={`${id}-password-hint`}>
              {shownPassword
                ? t(`clone.passwordProblem.${shownPassword}`)
                : t(`clone.passwordHint.${form.passwordRule}`)}
            </p>
          </div>
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={fields.noAuth}
            onChange={(e) => fields.setNoAuth(e.target.checked)}
            data-testid="clone-noauth"
          />
          {t('clone.noAuth')}
        </label>
        {fields.noAuth && <p className="hint">{t('clone.noAuthNote')}</p>}

        <fieldset className="field radio-row" data-testid="clone-billing">
          <legend>{t('clone.billingLegend')}</legend>
          <label className="inline">
            <input
              type="radio"
              name={`${id}-billing`}
              checked={fields.billingMode === 'pay-as-you-go'}
              onChange={() => fields.setBillingMode('pay-as-you-go')}
            />
            {t('clone.billing.payg')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name={`${id}-billing`}
              checked={fields.billingMode === 'monthly'}
              onChange={() => fields.setBillingMode('monthly')}
              data-testid="billing-monthly"
            />
            {t('clone.billing.monthly')}
          </label>
        </fieldset>
        {fields.billingMode === 'monthly' && (
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-period`}>{t('clone.periodLabel')}</label>
              <select
                id={`${id}-period`}
                value={fields.period}
                onChange={(e) => fields.setPeriod(Number(e.target.value))}
              >
                {PERIODS.map((m) => (
                  <option key={m} value={m}>
                    {t('clone.months', { count: m })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-renew`}>{t('clone.renewLabel')}</label>
              <select
                id={`${id}-renew`}
                value={fields.autoRenew}
                onChange={(e) => fields.setAutoRenew(Number(e.target.value) as 0 | 1 | 2)}
              >
                <option value={0}>{t('clone.renew.0')}</option>
                <option value={1}>{t('clone.renew.1')}</option>
                <option value={2}>{t('clone.renew.2')}</option>
              </select>
            </div>
          </div>
        )}
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
