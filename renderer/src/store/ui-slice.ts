/** Transient UI state: toasts and the notices main wants the user to see (a corrupt file moved aside…). */
import type { Notice } from '../../../shared/ipc-contract';
import type { MessageParts } from '../lib/task-message';
import type { SliceCreator } from './types';

export interface Toast {
  id: number;
  level: 'info' | 'success' | 'error';
  /** i18n key of the title, translated when shown so a language switch applies to open toasts too. */
  titleKey: string;
  values?: Record<string, string>;
  /** Plain text, or a restore's message parts, translated when shown. */
  body?: string | MessageParts;
  /** Where clicking the toast goes, as a hash route. */
  href?: string;
}

export interface UiSlice {
  toasts: Toast[];
  notices: Array<Notice & { key: number }>;
  addToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  addNotices(notices: Notice[]): void;
  dismissNotice(key: number): void;
}

let nextId = 1;

export const createUiSlice: SliceCreator<UiSlice> = () => (set) => ({
  toasts: [],
  notices: [],
  // A burst of finished tasks should not bury the screen: keep the five newest.
  addToast: (toast) => set((s) => ({ toasts: [...s.toasts, { ...toast, id: nextId++ }].slice(-5) })),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  addNotices: (notices) =>
    set((s) => ({ notices: [...s.notices, ...notices.map((n) => ({ ...n, key: nextId++ }))] })),
  dismissNotice: (key) => set((s) => ({ notices: s.notices.filter((n) => n.key !== key) })),
});
