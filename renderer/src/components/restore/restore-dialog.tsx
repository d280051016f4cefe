/**
 * The destructive dialog. It names the instance and backup, states the consequences for the engine, shows
 * every preflight check, asks for the password when the instance has one, and enables Restore only when
 * `restoreGate` says so. It sends `restore:start` once per press and never retries by itself.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  confirmationText,
  requiresPassword,
  requiresTypedConfirmation,
} from '../../../../shared/restore-rules';
import { CRS_CONSOLE_INSTANCE_LIST_URL } from '../../../../shared/tasks';
import { formatDateTime } from '../../lib/format';
import { requestNotificationPermission } from '../../lib/notify';
import { useTimeZone } from '../../lib/use-time-zone';
import { useApp } from '../../store';
import { backupKey } from '../../store/backups-slice';
import { selectFleetUsable, selectRowById } from '../../store/selectors';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';
import { Modal } from '../common/modal';
import { TccliCommand } from '../common/tccli-command';
import { PreflightList } from './preflight-list';
import { restoreGate } from './restore-gate';
import { RestoreSummary } from './restore-summary';

export function RestoreDialog() {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const id = useId();
  const state = useApp((s) => s.restore);
  const close = useApp((s) => s.closeRestore);
  const start = useApp((s) => s.startRestore);
  const rerun = useApp((s) => s.runPreflight);
  const forgetSaved = useApp((s) => s.forgetSavedPassword);
  const [forgetError, setForgetError] = useState<UiError>();
  const addToast = useApp((s) => s.addToast);
  const fleetUsable = useApp(selectFleetUsable);
  const typedPref = useApp((s) => s.prefs?.typedConfirmation ?? 'always');
  const secretStore = useApp((s) => s.info?.secretStore);
  const row = useApp((s) => (s.restore ? selectRowById(s, s.restore.target.instanceId) : undefined));
  const profile = useApp((s) => s.profiles.find((p) => p.id === s.restore?.target.profileId));
  const listed = useApp((s) =>
    s.restore
      ? s.backups[backupKey(s.restore.target)]?.backups.find((b) => b.id === s.restore?.target.backupId)
      : undefined,
  );
  // An earlier restore of this instance whose end the app never learned: it may still have run.
  const earlierUnknown = useApp((s) =>
    Object.values(s.tasks).find(
      (r) =>
        r.status === 'outcome-unknown' &&
        r.profileId === s.restore?.target.profileId &&
        r.instanceId === s.restore?.target.instanceId,
    ),
  );
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [useSaved, setUseSaved] = useState(true);
  const [safetyBackup, setSafetyBackup] = useState(false);
  const [typed, setTyped] = useState('');
  if (!state) return null;

  const { target, preflight } = state;
  const instance = preflight?.instance ?? row?.instance;
  const backup = preflight?.backup ?? listed;
  // The core's answer and the shared rule are OR-ed: either one asking for a gate is enough.
  const needsPassword =
    (preflight?.requiresPassword ?? false) ||
    (instance !== undefined && profile !== undefined && requiresPassword(instance, profile.generation)) ||
    instance === undefined;
  const needsTyped =
    (preflight?.requiresTypedConfirmation ?? false) ||
    requiresTypedConfirmation(profile?.environment ?? 'production', typedPref);
  const expected = instance ? confirmationText(instance) : target.instanceId;
  const savedAvailable = preflight?.hasSavedPassword === true;
  const usingSaved = savedAvailable && useSaved;
  const gate = restoreGate({
    preflightStatus: state.preflightStatus,
    preflight,
    needsPassword,
    password,
    useSavedPassword: usingSaved,
    needsTyped,
    typed,
    expected,
    fleetUsable,
    outcomeUnknown: state.outcomeUnknown,
    // Every copy of the two rows counts: the worst one decides.
    incomplete: [
      ...(row?.instance.incomplete ?? []),
      ...(preflight?.instance?.incomplete ?? []),
      ...(listed?.incomplete ?? []),
      ...(preflight?.backup?.incomplete ?? []),
    ],
  });
  const enabled = gate.enabled && !state.submitting;

  const submit = async () => {
    if (!enabled) return;
    requestNotificationPermission();
    const record = await start({
      ...(needsPassword && !usingSaved ? { password } : {}),
      rememberPassword: needsPassword && !usingSaved && remember,
      useSavedPassword: needsPassword && usingSaved,
      safetyBackup,
      ...(needsTyped ? { confirmation: typed } : {}),
    });
    if (record) {
      setPassword('');
      close();
      addToast({
        level: 'info',
        titleKey: 'toast.restoreStarted',
        values: { name: record.instanceName || record.instanceId },
        body: t('restore.started'),
        href: '#/tasks',
      });
    }
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
      <button type="button" className="btn" onClick={close} disabled={state.submitting}>
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
      onClose={close}
      closable={!state.submitting}
      tone="danger"
      footer={footer}
      wide
    >
      <RestoreSummary
        instance={instance}
        instanceId={target.instanceId}
        backup={backup}
        backupId={target.backupId}
        profile={profile}
      />

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
          <ErrorBox
            error={state.preflightError}
            title={t('restore.preflightFailed')}
            onRetry={() => void rerun()}
          />
        )}
        {preflight && <PreflightList checks={preflight.checks} />}
        {preflight && !preflight.passed && (
          <button type="button" className="btn btn-small" onClick={() => void rerun()}>
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
                  <input type="checkbox" checked={useSaved} onChange={(e) => setUseSaved(e.target.checked)} />
                  {t('restore.useSaved')}
                </label>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  onClick={async () => setForgetError(await forgetSaved())}
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
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  aria-describedby={`${id}-password-hint`}
                />
                <p className="hint" id={`${id}-password-hint`}>
                  {t('restore.passwordHint')}
                </p>
                <label className="inline">
                  <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
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
          <input type="checkbox" checked={safetyBackup} onChange={(e) => setSafetyBackup(e.target.checked)} />
          {t('restore.safetyBackup')}
        </label>
        {profile && safetyBackup && (
          <TccliCommand
            testId="tccli-backup"
            call={{
              action: 'ManualBackupInstance',
              generation: profile.generation,
              region: target.region,
              profile: profile.name,
              ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
              params: { InstanceId: target.instanceId },
            }}
          />
        )}
        {profile && (
          <TccliCommand
            testId="tccli-restore"
            call={{
              action: 'RestoreInstance',
              generation: profile.generation,
              region: target.region,
              profile: profile.name,
              ...(profile.endpoint ? { endpoint: profile.endpoint } : {}),
              params: { InstanceId: target.instanceId, BackupId: target.backupId },
              password: needsPassword,
            }}
          />
        )}
        {needsTyped && (
          <div className="field confirm-field">
            <label htmlFor={`${id}-typed`}>
              {t('restore.typeToConfirm')}
              <strong className="mono confirm-text">{expected}</strong>
            </label>
            <input
              id={`${id}-typed`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={typed !== '' && typed !== expected ? true : undefined}
              data-testid="restore-confirm-input"
            />
            {profile?.environment === 'production' && <p className="hint">{t('restore.productionNote')}</p>}
          </div>
        )}
      </section>
    </Modal>
  );
}
