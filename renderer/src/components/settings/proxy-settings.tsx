/**
 * The network proxy: the system's (environment in browser mode, the OS in Electron), none, or one given here.
 * A manual URL is saved with its bypass list only when both validate; user names and passwords are refused,
 * since the settings file is not a place for secrets.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProxySetting, ProxySettingSchema } from '../../../../shared/settings';
import { useApp } from '../../store';

export function ProxySettings({ proxy }: { proxy: ProxySetting }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useApp((s) => s.updatePrefs);
  const [mode, setMode] = useState(proxy.mode);
  const [url, setUrl] = useState(proxy.url ?? '');
  const [noProxy, setNoProxy] = useState(proxy.noProxy ?? '');
  const [problem, setProblem] = useState<string>();
  const [saved, setSaved] = useState(false);

  const save = async (next: ProxySetting['mode']) => {
    const candidate = {
      mode: next,
      ...(url.trim() ? { url: url.trim() } : {}),
      ...(noProxy.trim() ? { noProxy: noProxy.trim() } : {}),
    };
    const parsed = ProxySettingSchema.safeParse(candidate);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'url');
      setProblem(field === 'noProxy' ? 'settings.proxyBypassInvalid' : 'settings.proxyUrlInvalid');
      return;
    }
    setProblem(undefined);
    const result = await update({ proxy: parsed.data });
    setSaved(result);
  };

  return (
    <fieldset className="field proxy-settings">
      <legend>{t('settings.proxy')}</legend>
      <select
        id={`${id}-mode`}
        aria-label={t('settings.proxy')}
        value={mode}
        onChange={(e) => {
          const next = e.target.value as ProxySetting['mode'];
          setMode(next);
          setSaved(false);
          if (next !== 'manual') void save(next);
        }}
      >
        <option value="system">{t('settings.proxySystem')}</option>
        <option value="none">{t('settings.proxyNone')}</option>
        <option value="manual">{t('settings.proxyManual')}</option>
      </select>
      {mode === 'manual' && (
        <>
          <label htmlFor={`${id}-url`}>{t('settings.proxyUrl')}</label>
          <input
            id={`${id}-url`}
            value={url}
            placeholder="http://proxy.example.com:3128"
            spellCheck={false}
            onChange={(e) => setUrl(e.target.value)}
          />
          <label htmlFor={`${id}-no-proxy`}>{t('settings.proxyBypass')}</label>
          <input
            id={`${id}-no-proxy`}
            value={noProxy}
            placeholder=".internal.example.com, 10.0.0.5:8080"
            spellCheck={false}
            onChange={(e) => setNoProxy(e.target.value)}
          />
          <button type="button" className="btn btn-small" onClick={() => void save('manual')}>
            {t('settings.proxySave')}
          </button>
        </>
      )}
      <p className="hint">{t('settings.proxyHint')}</p>
      {problem && (
        <p className="field-error" role="alert">
          {t(problem)}
        </p>
      )}
      {saved && <p className="muted small">{t('settings.saved')}</p>}
    </fieldset>
  );
}
