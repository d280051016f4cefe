/**
 * A preflight check's detail in the UI language, built from the reason code and values the core sends;
 * the core's English text is the fallback for anything this version does not know.
 */
import type { TFunction } from 'i18next';
import type { PreflightCheck } from '../../../shared/tasks';
import { errorText } from './error-text';
import { formatDateTime, type TimeZoneSetting } from './format';

export function checkDetail(
  check: PreflightCheck,
  t: TFunction,
  language: string,
  zone: TimeZoneSetting,
): string {
  const why = check.reason;
  if (!why) return check.detail;
  const p = why.params;
  switch (why.code) {
    case 'ok':
      return t(`checkDetail.ok.${check.id}`, {
        ...p,
        startTime: p.startTime ? formatDateTime(p.startTime, zone) : '',
      });
    case 'active':
      return t('checkDetail.active', { status: t(`taskStatus.${p.status ?? 'unknown'}`) });
    case 'active-cloud':
      return t('checkDetail.activeCloud', {
        status: t(`taskStatus.${p.status ?? 'unknown'}`),
        since: p.startTime ? formatDateTime(p.startTime, zone) : t('checkDetail.sinceUnknown'),
        task: p.taskId ?? t('checkDetail.taskUnknown'),
      });
    case 'tasks-unreadable': {
      const text = errorText({ code: p.code ?? 'INTERNAL', message: '' }, language);
      return t('checkDetail.tasksUnreadable', { reason: text.message });
    }
    case 'error': {
      const text = errorText({ code: p.code ?? 'INTERNAL', message: check.detail }, language);
      const said = text.next ? `${text.message} ${text.next}` : text.message;
      return p.requestId ? `${said} ${t('checkDetail.requestId', { requestId: p.requestId })}` : said;
    }
    case 'missing':
      return check.id === 'instance-found'
        ? t('checkDetail.instanceMissing', p)
        : t('checkDetail.backupMissing');
    case 'status':
      return t('checkDetail.status', { status: t(`status.${p.status ?? 'unknown'}`) });
    case 'locked': {
      // The same words the cloud's own refusal (legacy 10707, InstanceLockedError) maps to in the catalog.
      const text = errorText({ code: 'INSTANCE_LOCKED', message: '' }, language);
      return `${text.message} ${text.next ?? ''}`.trim();
    }
    case 'foreign':
      return t('checkDetail.foreign');
    case 'incomplete':
      return t('checkDetail.incomplete', p);
    case 'not-restorable':
      return `${t('checkDetail.notRestorable', { reason: t(`notRestorable.${p.reason ?? 'unknown-status'}`) })} ${t(
        `notRestorableHelp.${p.reason ?? 'unknown-status'}`,
      )}`;
    default:
      return check.detail;
  }
}
