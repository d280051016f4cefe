/** Preferences (applied as soon as they change) and the profiles. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { spanChoicesWith } from '../../../../shared/backup-span';
import type { Preferences, PreferencesPatch } from '../../../../shared/settings';
import { offsetLabel } from '../../lib/format';
import { spanLabel, spanValue } from '../../lib/span-text';
import { useApp } from '../../store';
import { ErrorBox } from '../common/error-box';
import { SecretStoreNote } from '../first-run/secret-store-note';
import { BackupCacheSettings } from './backup-cache-settings';
import { ProfilesSettings } from './profiles-settings';
import { ProxySettings } from './proxy-settings';
import { SandboxSettings } from './sandbox-settings';

export function SettingsView() {
  const { t } = useTranslation();
  const prefs = useApp((s) => s.prefs);
  const info = useApp((s) => s.info);
  if (!prefs) return null;
  return (
    <section className="page narrow" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <PreferencesForm prefs={prefs} />
      <ProfilesSettings />
      <SandboxSettings />
      <BackupCacheSettings />
      <section className="card" aria-labelledby="about-title">
        <h3 id="about-title">{t('settings.about')}</h3>
        <SecretStoreNote />
        <p className="muted small">
          {info?.name} {info?.version} ·{' '}
          {info?.shell === 'electron' ? t('app.shellElectron') : t('app.shellBrowser')} · {info?.platform}
        </p>
      </section>
    </section>
  );
}

function PreferencesForm({ prefs }: { prefs: Preferences }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useApp((s) => s.updatePrefs);
  const error = useApp((s) => s.prefsError);
  const [saved, setSaved] = useState(false);
  // Numbers are edited as text and saved on blur, so typing "1" on the way to "15" does not save 1.
  const [poll, setPoll] = useState(String(prefs.pollIntervalSeconds));
  const save = async (patch: PreferencesPatch) => {
    setSaved(false);
    setSaved(await update(patch));
  };
  // Only browser mode shows notifications from the page; Electron's main process shows its own.
  const browserShell = useApp((s) => s.info?.shell === 'browser');
  const denied = browserShell && typeof Notification !== 'undefined' && Notification.permission === 'denied';

  return (
    <section className="card form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('settings.preferences')}</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('settings.language')}</label>
          <select
            id={`${id}-lang`}
            value={prefs.language}
            onChange={(e) => void save({ language: e.target.value as Preferences['language'] })}
          >
            <option value="en" lang="en">
              English
            </option>
            <option value="zh-CN" lang="zh-CN">
              简体中文
            </option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-theme`}>{t('settings.theme')}</label>
          <select
            id={`${id}-theme`}
            value={prefs.theme}
            onChange={(e) => void save({ theme: e.target.value as Preferences['theme'] })}
          >
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
            <option value="system">{t('settings.themeSystem')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`}>{t('timeZone.label')}</label>
          <select
            id={`${id}-zone`}
            value={prefs.timeZone}
            onChange={(e) => void save({ timeZone: e.target.value as Preferences['timeZone'] })}
            aria-describedby={`${id}-zone-hint`}
          >
            <option value="beijing">{t('timeZone.beijing')}</option>
            <option value="local">
              {t('timeZone.local', { offset: offsetLabel(-new Date().getTimezoneOffset()) })}
            </option>
          </select>
          <p className="hint" id={`${id}-zone-hint`}>
            {t('timeZone.hint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-poll`}>{t('settings.poll')}</label>
          <input
            id={`${id}-poll`}
            type="number"
            min={1}
            max={60}
            value={poll}
            onChange={(e) => setPoll(e.target.value)}
            onBlur={() =>
              Number(poll) !== prefs.pollIntervalSeconds && void save({ pollIntervalSeconds: Number(poll) })
            }
            aria-describedby={`${id}-poll-hint`}
          />
          <p className="hint" id={`${id}-poll-hint`}>
            {t('settings.pollHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('settings.window')}</label>
          <select
            id={`${id}-days`}
            value={String(prefs.backupWindowDays)}
            onChange={(e) => void save({ backupWindowDays: spanValue(e.target.value) })}
          >
            {spanChoicesWith(prefs.backupWindowDays).map((d) => (
              <option key={d} value={String(d)}>
                {spanLabel(d, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-typed`}>{t('settings.typed')}</label>
          <select
            id={`${id}-typed`}
            value={prefs.typedConfirmation}
            onChange={(e) =>
              void save({ typedConfirmation: e.target.value as Preferences['typedConfirmation'] })
            }
          >
            <option value="always">{t('settings.typedAlways')}</option>
            <option value="production-only">{t('settings.typedProduction')}</option>
          </select>
        </div>
        <label className="inline field">
          <input
            type="checkbox"
            checked={prefs.notifications}
            onChange={(e) => void save({ notifications: e.target.checked })}
          />
          {t('settings.notifications')}
        </label>
      </div>
      <ProxySettings proxy={prefs.proxy} />
      {prefs.notifications && denied && <p className="hint">{t('settings.notificationsDenied')}</p>}
      {error && <ErrorBox error={error} />}
      <p role="status" className="muted small">
        {saved ? t('settings.saved') : ''}
      </p>
    </section>
  );
}
