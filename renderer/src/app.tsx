import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc-contract';
import type { Preferences } from '../../shared/settings';
import type { ApiResolution } from './api';

type Status =
  | { state: 'loading' }
  | { state: 'ready'; info: AppInfo; prefs: Preferences }
  | { state: 'error'; message: string };

/** The app frame. The screens (first run, fleet, restore, tasks, audit, settings) mount here as they land. */
export function App({ resolution }: { resolution: ApiResolution }) {
  const [status, setStatus] = useState<Status>({ state: 'loading' });

  useEffect(() => {
    if ('error' in resolution) {
      setStatus({ state: 'error', message: resolution.error });
      return;
    }
    const { api } = resolution;
    void Promise.all([api.app.info({}), api.settings.get({})]).then(([info, prefs]) => {
      if (info.ok && prefs.ok) setStatus({ state: 'ready', info: info.value, prefs: prefs.value });
      else
        setStatus({
          state: 'error',
          message: (!info.ok ? info.error : !prefs.ok ? prefs.error : undefined)?.message ?? '',
        });
    });
    return api.on.settingsChanged((prefs) => setStatus((s) => (s.state === 'ready' ? { ...s, prefs } : s)));
  }, [resolution]);

  const theme = status.state === 'ready' ? status.prefs.theme : 'system';
  return (
    <div className="app" data-app-state={status.state} data-theme={theme}>
      <header className="app-header">
        <h1>CRS Restore Desk</h1>
        {status.state === 'ready' && (
          <span className="shell-badge">
            {status.info.shell === 'electron' ? 'Desktop app' : 'Browser mode'}
          </span>
        )}
      </header>
      <main className="app-main">
        {status.state === 'loading' && <p role="status">Connecting to the app core…</p>}
        {status.state === 'error' && (
          <div role="alert" className="banner banner-error">
            {status.message}
          </div>
        )}
        {status.state === 'ready' && <Welcome info={status.info} />}
      </main>
    </div>
  );
}

function Welcome({ info }: { info: AppInfo }) {
  return (
    <section aria-labelledby="welcome-title" className="card">
      <h2 id="welcome-title">Restore Tencent Cloud Redis instances from their backups, safely.</h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info.version}</dd>
        <dt>Running as</dt>
        <dd>
          {info.shell === 'electron'
            ? 'the Electron desktop app'
            : 'browser mode (the same core, served to Chromium)'}
        </dd>
        <dt>Credentials</dt>
        <dd data-testid="secret-store">
          {info.secretStore === 'keychain'
            ? 'Kept in your operating system’s keychain; never written to a file.'
            : 'No keychain is available: credentials are kept for this session only and forgotten when the app quits.'}
        </dd>
      </dl>
    </section>
  );
}
