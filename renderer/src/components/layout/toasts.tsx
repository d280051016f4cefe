/** In-app toasts, announced politely; each can be opened (its instance) or dismissed, and fades after 10 s. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { taskMessage } from '../../lib/task-message';
import { useApp } from '../../store';
import type { Toast } from '../../store/ui-slice';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useApp((s) => s.toasts);
  return (
    <section className="toasts" aria-live="polite" aria-label={t('toast.region')}>
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const { t, i18n } = useTranslation();
  const dismiss = useApp((s) => s.dismissToast);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), 10_000);
    return () => clearTimeout(timer);
  }, [toast.id, dismiss]);
  return (
    <div className={`toast toast-${toast.level}`} role={toast.level === 'error' ? 'alert' : 'status'}>
      <div className="toast-text">
        <strong>{t(toast.titleKey, toast.values)}</strong>
        {toast.body && (
          <p>{typeof toast.body === 'string' ? toast.body : taskMessage(toast.body, t, i18n.language)}</p>
        )}
      </div>
      <div className="toast-actions">
        {toast.href && (
          <a className="btn btn-small" href={toast.href} onClick={() => dismiss(toast.id)}>
            {t('toast.open')}
          </a>
        )}
        <button type="button" className="btn btn-small btn-ghost" onClick={() => dismiss(toast.id)}>
          {t('common.dismiss')}
        </button>
      </div>
    </div>
  );
}
