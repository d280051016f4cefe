/**
 * Browser mode's desktop notification for a finished restore or clone (Electron's main process shows its
 * own). Clicking it focuses the window and opens the instance (for a clone that runs, the new one).
 */
import type { i18n as I18n } from 'i18next';
import type { RestoreRecord } from '../../../shared/tasks';
import { finishedNotice } from './finished-toast';
import { taskMessage } from './task-message';

export function createWebNotifier(i18n: I18n): (record: RestoreRecord) => void {
  return (record) => {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    const notice = finishedNotice(record);
    const title = i18n.t(notice.titleKey, notice.values);
    const body = taskMessage(record, i18n.t, i18n.language);
    const notification = new Notification(title, { body, tag: record.restoreId });
    notification.onclick = () => {
      window.focus();
      window.location.hash = notice.href;
      notification.close();
    };
  };
}

/** Asks once, on a user gesture (starting a restore), so the browser does not block the prompt. */
export function requestNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission();
  }
}
