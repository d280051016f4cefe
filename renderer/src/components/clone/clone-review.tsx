/**
 * The new-instance path's second step, on one frozen plan: the price (before anything can be ordered), every
 * check, the equivalent tccli command (never the password), and the typed confirmation of the new name.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClonePlan, cloneTccliParams } from '../../../../shared/clones';
import type { ProfileView } from '../../../../shared/profiles';
import { tccliCallFor } from '../../../../shared/tccli';
import { formatDateTime } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { ErrorBox } from '../common/error-box';
import { TccliCommand } from '../common/tccli-command';
import { TypedConfirm } from '../restore/typed-confirm';
import { CloneChecks } from './clone-checks';
import { ClonePrice } from './clone-price';
import type { CloneForm as Form } from './use-clone-form';

/**
 * CloneInstances as tccli would send this plan: for a point in time with the backup the checks named for that
 * second, as the client sends it; the password only as a shell variable.
 */
export function cloneTccliCall(
  profile: Pick<ProfileView, 'generation' | 'name' | 'endpoint'>,
  plan: ClonePlan,
  pointBackupId?: string,
) {
  return tccliCallFor(
    profile,
    plan.region,
    'CloneInstances',
    cloneTccliParams(plan, pointBackupId),
    !plan.noAuth,
  );
}

export function CloneReviewStep({ form }: { form: Form }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const id = useId();
  const { review, profile, fields, state } = form;
  if (!review) return null;
  const { plan } = review;
  return (
    <>
      <dl className="facts restore-facts" data-testid="clone-plan">
        <dt>{t('clone.newName')}</dt>
        <dd>
          <strong data-testid="clone-plan-name">{plan.instanceName}</strong>
        </dd>
        <dt>{t('clone.restores')}</dt>
        <dd data-testid="clone-plan-point">
          {plan.point.kind === 'backup'
            ? t('clone.fromBackup', { id: plan.point.backupId })
            : t('clone.fromTime', { time: formatDateTime(plan.point.time, zone, true) })}
        </dd>
        <dt>{t('clone.billingLegend')}</dt>
        <dd>
          {plan.billingMode === 'monthly'
            ? `${t('clone.billing.monthly')} · ${t('clone.months', { count: plan.period })}`
            : t('clone.billing.payg')}
        </dd>
      </dl>

      <section className="dialog-section" aria-labelledby={`${id}-price`}>
        <h3 id={`${id}-price`}>{t('clone.price.title')}</h3>
        {review.priceStatus === 'loading' && <p role="status">{t('clone.price.loading')}</p>}
        {review.priceError && <ErrorBox error={review.priceError} title={t('clone.price.failed')} />}
        {review.price && <ClonePrice price={review.price} />}
        {review.priceStatus === 'idle' && !review.price && (
          <p className="banner banner-warn small" role="note" data-testid="clone-price-stale">
            {t('clone.price.stale')}
          </p>
        )}
      </section>

      <section className="dialog-section" aria-labelledby={`${id}-checks`}>
        <h3 id={`${id}-checks`}>{t('restore.preflight')}</h3>
        {review.preflightStatus === 'loading' && <p role="status">{t('restore.preflightRunning')}</p>}
        {review.preflightError && (
          <ErrorBox error={review.preflightError} title={t('restore.preflightFailed')} />
        )}
        {review.preflight && <CloneChecks checks={review.preflight.checks} />}
        {(review.preflightError ||
          review.priceError ||
          review.preflight?.passed === false ||
          (review.priceStatus === 'idle' && !review.price)) && (
          <button
            type="button"
            className="btn btn-small"
            onClick={form.recheck}
            disabled={state.submitting}
            data-testid="clone-recheck"
          >
            {t('clone.recheck')}
          </button>
        )}
      </section>

      <section className="dialog-section form">
        {profile && (
          <TccliCommand
            testId="tccli-clone"
            call={cloneTccliCall(profile, plan, review.preflight?.pointBackupId)}
          />
        )}
        {form.needsTyped && (
          <TypedConfirm
            id={`${id}-typed`}
            label={t('clone.typeToConfirm')}
            expected={form.expected}
            typed={fields.typed}
            setTyped={fields.setTyped}
            production={profile?.environment === 'production'}
            testId="clone-confirm-input"
          />
        )}
      </section>
    </>
  );
}
