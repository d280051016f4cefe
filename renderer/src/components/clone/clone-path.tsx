/**
 * The new-instance path as the restore dialog shows it: the body of its current step, the footer's buttons
 * and what still keeps them disabled, and the alerts kept next to the buttons (a lost order's answer, a
 * refusal). Built as parts because the dialog's Modal places them.
 */
import type { TFunction } from 'i18next';
import { ErrorBox } from '../common/error-box';
import { CloneFormStep } from './clone-form';
import { CloneReviewStep } from './clone-review';
import type { CloneForm } from './use-clone-form';

export function clonePathParts(form: CloneForm, t: TFunction, id: string, backupTime?: string) {
  const { state, review } = form;
  const missing = review
    ? form.gate.missing.map((m) => t(`clone.gate.${m}`))
    : form.formGate.missing.map((m) => t(`clone.formGate.${m}`));
  const canGo = review ? form.enabled : form.formGate.enabled;
  const body = review ? (
    <CloneReviewStep form={form} />
  ) : (
    <CloneFormStep form={form} backupTime={backupTime} />
  );

  const footer = (
    <>
      {!canGo && !state.submitting && (
        <div className="gate-missing" id={`${id}-clone-missing`}>
          <span>{review ? t('clone.whyDisabled') : t('clone.whyNoReview')}</span>
          <ul>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <span className="spacer" />
      {review && (
        <button
          type="button"
          className="btn"
          onClick={form.toForm}
          disabled={state.submitting || state.outcomeUnknown}
          data-testid="clone-back"
        >
          {t('clone.back')}
        </button>
      )}
      <button type="button" className="btn" onClick={form.close} disabled={state.submitting}>
        {t('restore.cancel')}
      </button>
      {review ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={!form.enabled}
          aria-describedby={!form.enabled ? `${id}-clone-missing` : undefined}
          onClick={() => void form.submit()}
          data-testid="clone-submit"
        >
          {state.submitting ? t('clone.submitting') : t('clone.submit')}
        </button>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={!form.formGate.enabled}
          aria-describedby={!form.formGate.enabled ? `${id}-clone-missing` : undefined}
          onClick={form.toReview}
          data-testid="clone-review"
        >
          {t('clone.toReview')}
        </button>
      )}
    </>
  );

  const alerts =
    state.outcomeUnknown || state.startError ? (
      <>
        {state.outcomeUnknown && (
          <div className="banner banner-warn" role="alert" data-testid="clone-outcome-unknown">
            {t('clone.outcomeUnknown')}
          </div>
        )}
        {state.startError && !state.outcomeUnknown && (
          <ErrorBox error={state.startError} title={t('clone.failedTitle')} />
        )}
      </>
    ) : undefined;

  return { body, footer, alerts };
}
