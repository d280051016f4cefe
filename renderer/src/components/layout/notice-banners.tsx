/** Notices from main (`app:notices` at start, `app:notice` later), each dismissible. */
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../../shared/ipc-contract';
import { useApp } from '../../store';
import { KeysNeeded } from './keys-needed';

export function NoticeBanners() {
  const { t } = useTranslation();
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  const noticeText = (n: Notice) => (n.kind ? t(`noticeText.${n.kind}`, { ...n.params }) : n.message);
  return (
    <div className="notices">
      {notices.map((n) =>
        n.kind === 'keys-needed' ? (
          <KeysNeeded key={n.key} notice={n} />
        ) : (
          <div
            key={n.key}
            className={`banner banner-${n.level === 'info' ? 'info' : n.level === 'warning' ? 'warn' : 'error'}`}
            role={n.level === 'error' ? 'alert' : 'status'}
          >
            <strong>{t(`notice.${n.level}`)}:</strong> <span>{noticeText(n)}</span>
            <button
              type="button"
              className="btn btn-ghost banner-close"
              onClick={() => dismiss(n.key)}
              aria-label={`${t('common.dismiss')}: ${noticeText(n)}`}
            >
              ×
            </button>
          </div>
        ),
      )}
    </div>
  );
}
