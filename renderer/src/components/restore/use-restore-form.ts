/**
 * Everything the restore dialog derives, so the dialog only renders: the target's instance and backup (the
 * preflight's copy first, then the fleet's and the backup list's), whether a password and the typed name are
 * needed (the core's answer and the shared rules OR-ed: either one asking is enough), the gate, the form's
 * fields, and the one submit that sends `restore:start`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  confirmationText,
  requiresPassword,
  requiresTypedConfirmation,
} from '../../../../shared/restore-rules';
import { requestNotificationPermission } from '../../lib/notify';
import { useApp } from '../../store';
import { backupKey } from '../../store/backups-slice';
import { selectFleetUsable, selectRowById } from '../../store/selectors';
import type { UiError } from '../../store/types';
import { restoreGate } from './restore-gate';

export function useRestoreForm() {
  const { t } = useTranslation();
  const state = useApp((s) => s.restore);
  const close = useApp((s) => s.closeRestore);
  const start = useApp((s) => s.startRestore);
  const rerun = useApp((s) => s.runPreflight);
  const forgetSaved = useApp((s) => s.forgetSavedPassword);
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
  const [forgetError, setForgetError] = useState<UiError>();
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [useSaved, setUseSaved] = useState(true);
  const [safetyBackup, setSafetyBackup] = useState(false);
  const [typed, setTyped] = useState('');
  if (!state) return undefined;

  const { target, preflight } = state;
  const instance = preflight?.instance ?? row?.instance;
  const backup = preflight?.backup ?? listed;
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

  /** Sends `restore:start` once; main answers as soon as the restore is journaled, and the task takes over. */
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

  return {
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
    fields: {
      password,
      setPassword,
      remember,
      setRemember,
      useSaved,
      setUseSaved,
      safetyBackup,
      setSafetyBackup,
      typed,
      setTyped,
    },
    forgetError,
    forgetSavedPassword: async () => setForgetError(await forgetSaved()),
    rerun: () => void rerun(),
    close,
    submit,
  };
}

export type RestoreForm = NonNullable<ReturnType<typeof useRestoreForm>>;
