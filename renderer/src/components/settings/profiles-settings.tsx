/** Profiles in Settings: edit, test (`profiles:test {id}`), delete after a confirmation naming what goes. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isInsecureEndpoint, type ProfileView } from '../../../../shared/profiles';
import { href } from '../../lib/route';
import { useApp } from '../../store';
import type { ConnectionTest } from '../../store/profiles-slice';
import type { UiError } from '../../store/types';
import { DangerConfirm } from '../common/danger-confirm';
import { Modal } from '../common/modal';
import { useShallowProfiles } from '../layout/use-profiles';
import { ProfileForm } from '../profiles/profile-form';
import { TestResult } from '../profiles/test-result';

export function ProfilesSettings() {
  const { t } = useTranslation();
  const profiles = useShallowProfiles();
  const deleteProfile = useApp((s) => s.deleteProfile);
  const [editing, setEditing] = useState<ProfileView>();
  const [deleting, setDeleting] = useState<ProfileView>();
  const [message, setMessage] = useState<string>();
  return (
    <section className="card" aria-labelledby="profiles-title">
      <div className="card-head">
        <h3 id="profiles-title">{t('settings.profiles')}</h3>
        <span className="spacer" />
        <a className="btn btn-small" href={href({ name: 'add-profile' })}>
          {t('nav.addProfile')}
        </a>
      </div>
      {profiles.length === 0 && <p className="muted">{t('settings.noProfiles')}</p>}
      <ul className="profile-list">
        {profiles.map((p) => (
          <ProfileItem key={p.id} profile={p} onEdit={() => setEditing(p)} onDelete={() => setDeleting(p)} />
        ))}
      </ul>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
      {editing && (
        <Modal
          title={t('profileForm.titleEdit', { name: editing.name })}
          onClose={() => setEditing(undefined)}
          wide
        >
          <ProfileForm
            profile={editing}
            onDone={() => setEditing(undefined)}
            onCancel={() => setEditing(undefined)}
          />
        </Modal>
      )}
      {deleting && (
        <DangerConfirm
          title={t('settings.deleteTitle', { name: deleting.name })}
          body={t('settings.deleteBody')}
          confirmLabel={t('settings.deleteConfirm')}
          run={() => deleteProfile(deleting.id)}
          onClose={(done) => {
            setDeleting(undefined);
            if (done?.value) setMessage(t('settings.deleted', { count: done.value.removedSecrets }));
          }}
        />
      )}
    </section>
  );
}

function ProfileItem({
  profile: p,
  onEdit,
  onDelete,
}: {
  profile: ProfileView;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const testProfile = useApp((s) => s.testProfile);
  const [test, setTest] = useState<{ result?: ConnectionTest; error?: UiError; busy: boolean }>({
    busy: false,
  });
  const run = async () => {
    setTest({ busy: true });
    const r = await testProfile({ id: p.id });
    setTest(r.ok ? { result: r.value, busy: false } : { error: r.error, busy: false });
  };
  return (
    <li className="profile-item">
      <div className="profile-line">
        <strong>{p.name}</strong>
        <span className={`env-tag env-${p.environment}`}>{t(`env.${p.environment}`)}</span>
        {isInsecureEndpoint(p.endpoint) && (
          <span className="badge-warning" title={t('profileForm.insecureWarning')}>
            {t('profileForm.insecureBadge')}
          </span>
        )}
        <span className="muted small mono">
          {p.generation === 'v3' ? 'API 3.0' : 'legacy v2'} · {p.secretId} · {p.regions.join(', ')}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void run()}
          disabled={test.busy}
          aria-label={`${t('settings.test')} ${p.name}`}
        >
          {test.busy ? t('profileForm.testing') : t('settings.test')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={onEdit}
          aria-label={`${t('settings.edit')} ${p.name}`}
        >
          {t('settings.edit')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger-outline"
          onClick={onDelete}
          aria-label={`${t('settings.delete')} ${p.name}`}
        >
          {t('settings.delete')}
        </button>
      </div>
      <TestResult result={test.result} error={test.error} />
    </li>
  );
}
