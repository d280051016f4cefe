import { useTranslation } from 'react-i18next';
import { href } from '../../lib/route';
import { SecretStoreNote } from '../first-run/secret-store-note';
import { ProfileForm } from './profile-form';

export function AddProfilePage() {
  const { t } = useTranslation();
  const done = () => {
    window.location.hash = href({ name: 'fleet' });
  };
  return (
    <section className="page narrow" aria-labelledby="add-profile-title">
      <h2 id="add-profile-title">{t('profileForm.titleNew')}</h2>
      <SecretStoreNote />
      <div className="card">
        <ProfileForm onDone={done} onCancel={() => window.history.back()} />
      </div>
    </section>
  );
}
