/** An API error as the catalog tells it: what happened, what to do next, and the code for support. */
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/error-text';
import type { UiError } from '../../store/types';

export function ErrorBox({
  error,
  title,
  onRetry,
}: {
  error: UiError;
  title?: string;
  onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const text = errorText(error, i18n.language);
  return (
    <div role="alert" className="banner banner-error error-box">
      {title && <strong className="error-title">{title}</strong>}
      <p className="error-message">{text.message}</p>
      {text.next && <p className="error-next">{t('common.next', { text: text.next })}</p>}
      <p className="error-code">
        {t('common.errorCode', { code: error.code })}
        {text.detail ? ` · ${text.detail}` : ''}
      </p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
