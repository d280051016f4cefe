/** First run: no profile yet. Two ways in: add a real profile, or explore with the built-in sandbox. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href } from '../../lib/route';
import { useApp } from '../../store';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';
import { SecretStoreNote } from './secret-store-note';

export function FirstRun() {
  const { t } = useTranslation();
  const startSandbox = useApp((s) => s.startSandbox);
  const version = useApp((s) => s.info?.version ?? '');
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<UiError>();

  const onSandbox = async () => {
    setStarting(true);
    setError(undefined);
    const result = await startSandbox();
    setStarting(false);
    if (!result.ok) setError(result.error);
    else window.location.hash = href({ name: 'fleet' });
  };

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p className="lead">{t('firstRun.intro')}</p>
      <div className="choice-grid">
        <div className="card choice">
          <h3>{t('firstRun.addTitle')}</h3>
          <p>{t('firstRun.addBody')}</p>
          <a className="btn btn-primary" href={href({ name: 'add-profile' })}>
            {t('firstRun.addTitle')}
          </a>
        </div>
        <div className="card choice">
          <h3>{t('firstRun.sandboxTitle')}</h3>
          <p>{t('firstRun.sandboxBody')}</p>
          <button type="button" className="btn" onClick={onSandbox} disabled={starting} aria-busy={starting}>
            {starting ? t('firstRun.sandboxStarting') : t('firstRun.sandboxTitle')}
          </button>
        </div>
      </div>
      {error && <ErrorBox error={error} />}
      <SecretStoreNote />
      <p className="muted small">{t('firstRun.version', { version })}</p>
    </section>
  );
}
