/**
 * The app root: builds i18n and the store around the resolved API, then renders the shell. Keeps the
 * `data-app-state` attribute e2e tests wait on, and `data-theme` that the CSS variables follow.
 */
import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ApiResolution } from './api';
import { AppShell } from './components/layout/app-shell';
import { createI18n } from './i18n';
import { createWebNotifier } from './lib/notify';
import { createAppStore, StoreContext, useApp } from './store';

export function App({ resolution }: { resolution: ApiResolution }) {
  const i18n = useMemo(() => createI18n(), []);
  const store = useMemo(
    () => ('api' in resolution ? createAppStore(resolution.api, { notify: createWebNotifier(i18n) }) : null),
    [resolution, i18n],
  );
  if (!store) {
    const message = 'error' in resolution ? resolution.error : '';
    return (
      <div className="app" data-app-state="error" data-theme="system">
        <header className="app-header">
          <h1>CRS Restore Desk</h1>
        </header>
        <main className="app-main">
          <div role="alert" className="banner banner-error">
            {message}
          </div>
        </main>
      </div>
    );
  }
  return (
    <I18nextProvider i18n={i18n}>
      <StoreContext.Provider value={store}>
        <Root />
      </StoreContext.Provider>
    </I18nextProvider>
  );
}

function Root() {
  const init = useApp((s) => s.init);
  const status = useApp((s) => s.status);
  const theme = useApp((s) => s.prefs?.theme ?? 'system');
  const language = useApp((s) => s.prefs?.language);
  const startError = useApp((s) => s.startError);
  const { t, i18n } = useTranslation();
  const [, rerender] = useState(0);

  useEffect(() => init(), [init]);
  useEffect(() => {
    if (!language || i18n.language === language) return;
    void i18n.changeLanguage(language).then(() => rerender((n) => n + 1));
  }, [language, i18n]);
  useEffect(() => {
    document.documentElement.lang = language ?? 'en';
  }, [language]);

  return (
    <div className="app" data-app-state={status} data-theme={theme}>
      {status === 'ready' ? (
        <AppShell />
      ) : (
        <>
          <header className="app-header">
            <h1>{t('app.title')}</h1>
          </header>
          <main className="app-main">
            {status === 'loading' && <p role="status">{t('app.connecting')}</p>}
            {status === 'error' && (
              <div role="alert" className="banner banner-error">
                {startError?.message}
              </div>
            )}
          </main>
        </>
      )}
      <div data-modal-root />
    </div>
  );
}
