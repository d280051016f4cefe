/**
 * After a restart in session-only mode, restores still open on a profile wait for its SecretKey: the window
 * asks for each such key first, and saves it for this session (the follower picks it up at its next poll).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../../shared/ipc-contract';
import { useApp } from '../../store';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';

export function KeysNeeded({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const profiles = useApp((s) => s.profiles);
  const ids = (notice.params?.profileIds ?? '').split(',').filter(Boolean);
  const waiting = profiles.filter((p) => ids.includes(p.id) && !p.hasSecret);
  if (waiting.length === 0) return null;
  return (
    <section
      className="banner banner-warn keys-needed"
      aria-labelledby="keys-needed-title"
      data-testid="keys-needed"
    >
      <h3 id="keys-needed-title">{t('keysNeeded.title')}</h3>
      <p>{t('keysNeeded.body')}</p>
      {waiting.map((p) => (
        <KeyForm key={p.id} id={p.id} name={p.name} />
      ))}
    </section>
  );
}

function KeyForm({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const updateProfile = useApp((s) => s.updateProfile);
  const [secretKey, setSecretKey] = useState('');
  const [error, setError] = useState<UiError>();
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="inline key-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!secretKey) return;
        setSaving(true);
        const result = await updateProfile({ id, secretKey });
        setSaving(false);
        if (result.ok) setSecretKey('');
        else setError(result.error);
      }}
    >
      <label htmlFor={inputId}>{t('keysNeeded.label', { name })}</label>
      <input
        id={inputId}
        type="password"
        autoComplete="off"
        value={secretKey}
        onChange={(e) => setSecretKey(e.target.value)}
      />
      <button type="submit" className="btn btn-small btn-primary" disabled={saving || !secretKey}>
        {t('keysNeeded.save')}
      </button>
      {error && <ErrorBox error={error} />}
    </form>
  );
}
