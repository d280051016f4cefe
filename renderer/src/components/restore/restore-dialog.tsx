/**
 * The restore dialog. It first offers two ways (restore-paths.tsx): into a new instance (recommended, the
 * default; components/clone/) or overwriting this instance. The overwrite path is the destructive one: it
 * names the instance and backup, states the consequences for the engine, shows every preflight check, asks
 * for the password when the instance has one, and enables Restore only when `restoreGate` says so. It sends
 * `restore:start` once per press and never retries by itself. It only renders: what it shows and the submit
 * come from `useRestoreForm()` (use-restore-form.ts) and `useCloneForm()`.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CRS_CONSOLE_INSTANCE_LIST_URL } from '../../../../shared/tasks';
import { tccliCallFor } from '../../../../shared/tccli';
import { formatDateTime } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { clonePathParts } from '../clone/clone-path';
import { useCloneForm } from '../clone/use-clone-form';
import { ErrorBox } from '../common/error-box';
import { Modal } from '../common/modal';
import { TccliCommand } from '../common/tccli-command';
import { PreflightList } from './preflight-list';
import { RestorePaths } from './restore-paths';
import { RestoreSummary } from './restore-summary';
import { TypedConfirm } from './typed-confirm';
import { useRestoreForm } from './use-restore-form';

export function RestoreDialog() {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const id = useId();
  const form = useRestoreForm();
  const legacy = form?.profile?.generation === 'legacy-v2';
  // CloneInstances is an API 3.0 action: a legacy v2 profile has only the overwrite path.
  const path = legacy ? 'overwrite' : (form?.state.path ?? 'clone');
  const clone = useCloneForm(form !== undefined && path === 'clone');
  const choosePath = useApp((s) => s.chooseRestorePath);
  const closeClone = useApp((s) => s.closeClone);
  if (!form) return null;
  const {
    state,
    target,
    preflight,
    instance,
    backup,
    profile,
    secretStore,
    earlierUnknown,
    needsPassword,
    needsTyped,
    expected,
    savedAvailable,
    usingSaved,
    gate,
    enabled,
    fields,
    forgetError,
    close,
    submit,
  } = form;
  const rerun = form.rerun;
  const busy = state.submitting || clone?.state.submitting === true;
  const paths = (
    <RestorePaths
      value={path}
      onChange={choosePath}
      {...(legacy ? { cloneUnavailable: 'legacy' as const } : {})}
      disabled={busy || state.outcomeUnknown || clone?.state.outcomeUnknown === true}
    />
  );
  const summary = (
    <RestoreSummary
      instance={instance}
      instanceId={target.instanceId}
      backup={backup}
      backupId={target.backupId}
      profile={profile}
      consequences={path === 'overwrite'}
    />
  );

  if (path === 'clone') {
    const parts = clone ? clonePathParts(clone, t, id, backup?.startTime) : undefined;
    return (
      <Modal
        alerts={parts?.alerts}
        title={t('restore.title')}
        onClose={clone ? clone.close : close}
        closable={!busy}
        footer={parts?.footer}
        wide
      >
        {paths}
        {summary}
        {parts?.body ?? <p role="status">{t('clone.defaultsLoading')}</p>}
      </Modal>
    );
  }
  const closeBoth = () => {
    closeClone();
    close();
  };

  const footer = (
    <>
      {!enabled && !state.submitting && (
        <div className="gate-missing" id={`${id}-missing`}>
          <span>{t('restore.whyDisabled')}</span>
          <ul>
            {gate.missing.map((m) => (
              <li key={m}>{t(`restore.gate.${m}`)}</li>
            ))}
          </ul>
        </div>
      )}
      <span className="spacer" />
      <button type="button" className="btn" onClick={closeBoth} disabled={state.submitting}>
        {t('restore.cancel')}
      </button>
      <button
        type="button"
        className="btn btn-danger"
        disabled={!enabled}
        aria-describedby={!enabled ? `${id}-missing` : undefined}
        onClick={() => void submit()}
        data-testid="restore-submit"
      >
        {state.submitting ? t('restore.submitting') : t('restore.submit')}
      </button>
    </>
  );

  const alerts =
    state.outcomeUnknown || state.startError ? (
      <>
        {state.outcomeUnknown && (
          <div className="banner banner-warn" role="alert" data-testid="outcome-unknown">
            {t('restore.outcomeUnknown')}
          </div>
        )}
        {state.startError && !state.outcomeUnknown && (
          <ErrorBox error={state.startError} title={t('restore.failedTitle')} />
        )}
      </>
    ) : undefined;

  return (
    <Modal
      alerts={alerts}
      title={t('restore.title')}
      onClose={closeBoth}
      closable={!busy}
      tone="danger"
      footer={footer}
      wide
    >
      {paths}
      {summary}

      {earlierUnknown && (
        <div className="banner banner-warn" role="note" data-testid="earlier-unknown">
          {t('restore.earlierUnknown', {
            time: formatDateTime(earlierUnknown.createdAt, zone),
          })}{' '}
          <a href={CRS_CONSOLE_INSTANCE_LIST_URL} target="_blank" rel="noreferrer noopener">
            {t('tasks.console')}
          </a>
        </div>
      )}

      <section aria-labelledby={`${id}-checks`} className="dialog-section">
        <h3 id={`${id}-checks`}>{t('restore.preflight')}</h3>
        {state.preflightStatus === 'loading' && <p role="status">{t('restore.preflightRunning')}</p>}
        {state.preflightError && (
          <ErrorBox error={state.preflightError} title={t('restore.preflightFailed')} onRetry={rerun} />
        )}
        {preflight && <PreflightList checks={preflight.checks} />}
        {preflight && !preflight.passed && (
          <button type="button" className="btn btn-small" onClick={rerun}>
            {t('restore.rerun')}
          </button>
        )}
      </section>

      <section className="dialog-section form">
        {needsPassword ? (
          <>
            {savedAvailable && (
              <div className="inline">
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={fields.useSaved}
                    onChange={(e) => fields.setUseSaved(e.target.checked)}
                  />
                  {t('restore.useSaved')}
                </label>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={() => void form.forgetSavedPassword()}
                >
                  {t('restore.forgetSaved')}
                </button>
              </div>
            )}
            {forgetError && <ErrorBox error={forgetError} />}
            {!usingSaved && (
              <div className="field">
                <label htmlFor={`${id}-password`}>{t('restore.passwordLabel')}</label>
                <input
                  id={`${id}-password`}
                  type="password"
                  autoComplete="off"
                  value={fields.password}
                  onChange={(e) => fields.setPassword(e.target.value)}
                  aria-describedby={`${id}-password-hint`}
                />
                <p className="hint" id={`${id}-password-hint`}>
                  {t('restore.passwordHint')}
                </p>
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={fields.remember}
                    onChange={(e) => fields.setRemember(e.target.checked)}
                  />
                  {secretStore === 'session' ? t('restore.rememberSession') : t('restore.remember')}
                </label>
              </div>
            )}
          </>
        ) : (
          <p className="muted" data-testid="no-password">
            {t('restore.noPassword')}
          </p>
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={fields.safetyBackup}
            onChange={(e) => fields.setSafetyBackup(e.target.checked)}
          />
          {t('restore.safetyBackup')}
        </label>
        {profile && fields.safetyBackup && (
          <TccliCommand
            testId="tccli-backup"
            call={tccliCallFor(profile, target.region, 'ManualBackupInstance', {
              InstanceId: target.instanceId,
            })}
          />
        )}
        {profile && (
          <TccliCommand
            testId="tccli-restore"
            call={tccliCallFor(
              profile,
              target.region,
              'RestoreInstance',
              { InstanceId: target.instanceId, BackupId: target.backupId },
              needsPassword,
            )}
          />
        )}
        {needsTyped && (
          <TypedConfirm
            id={`${id}-typed`}
            label={t('restore.typeToConfirm')}
            expected={expected}
            typed={fields.typed}
            setTyped={fields.setTyped}
            production={profile?.environment === 'production'}
            testId="restore-confirm-input"
          />
        )}
      </section>
    </Modal>
  );
}
