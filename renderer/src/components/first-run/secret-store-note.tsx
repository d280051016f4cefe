/** Where credentials live, in plain words (`app:info`.secretStore). */
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store';

export function SecretStoreNote() {
  const { t } = useTranslation();
  const store = useApp((s) => s.info?.secretStore);
  return (
    <div className={`secret-note ${store === 'keychain' ? 'secret-keychain' : 'secret-session'}`}>
      <strong>{t('secrets.label')}:</strong>{' '}
      <span data-testid="secret-store">
        {store === 'keychain' ? t('secrets.keychain') : t('secrets.session')}
      </span>
    </div>
  );
}
