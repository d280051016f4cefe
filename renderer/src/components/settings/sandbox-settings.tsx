/**
 * The built-in sandbox at any time, not only on the first-run screen: whether it runs in this app now, and a
 * button to start or stop it. Its profile stays when it is stopped, unreachable until it is started again.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';

export function SandboxSettings() {
  const { t } = useTranslation();
  const startSandbox = useApp((s) => s.startSandbox);
  const stopSandbox = useApp((s) => s.stopSandbox);
  const sandboxStatus = useApp((s) => s.sandboxStatus);
  const [running, setRunning] = useState<boolean>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError>();

  const refresh = async () => {
    const status = await sandboxStatus();
    if (status.ok) setRunning(status.value.running);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once when the page opens.
  useEffect(() => {
    void refresh();
  }, []);

  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    if (running) {
      const result = await stopSandbox();
      if (!result.ok) setError(result.error);
    } else {
      const result = await startSandbox();
      if (!result.ok) setError(result.error);
    }
    await refresh();
    setBusy(false);
  };

  return (
    <section className="card" aria-labelledby="sandbox-settings-title">
      <h3 id="sandbox-settings-title">{t('settings.sandboxTitle')}</h3>
      <p className="muted small" data-testid="sandbox-state">
        {running === undefined ? '' : running ? t('settings.sandboxRunning') : t('settings.sandboxStopped')}
      </p>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => void toggle()}
        disabled={busy || running === undefined}
        data-testid="sandbox-toggle"
      >
        {running ? t('settings.sandboxStop') : t('settings.sandboxStart')}
      </button>
      {error && <ErrorBox error={error} />}
    </section>
  );
}
