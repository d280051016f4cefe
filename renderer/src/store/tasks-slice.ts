/**
 * Every restore, running and past: loaded from the journal (`tasks:list`) and kept live by `task:updated`.
 * A finished task raises an in-app toast and, in browser mode, a Web Notification (Electron's main process
 * shows its own, so the renderer must not show a second one).
 */
import type { ResponseOf } from '../../../shared/ipc-contract';
import type { RestoreRecord } from '../../../shared/tasks';
import { call, type LoadStatus, type SliceCreator, type UiError } from './types';

export interface TasksSlice {
  tasks: Record<string, RestoreRecord>;
  tasksStatus: LoadStatus;
  tasksError?: UiError;
  loadTasks(): Promise<void>;
  upsertTask(record: RestoreRecord): void;
  onTaskFinished(record: RestoreRecord): void;
  /**
   * Asks main to cancel a restore whose request has not left. Resolves to main's answer (the record itself
   * arrives by `task:updated`), or to the error when the call failed.
   */
  cancelRestore(restoreId: string): Promise<CancelAnswer>;
}

export type CancelAnswer = { ok: true; value: ResponseOf<'restore:cancel'> } | { ok: false; error: UiError };

/** Shows a desktop notification; injected so tests (and Electron) can replace it. */
export type Notify = (record: RestoreRecord) => void;

import { finishedNotice } from '../lib/finished-toast';
import { messageParts } from '../lib/task-message';

export { instanceHref } from '../lib/finished-toast';

export const createTasksSlice =
  (notify: Notify): SliceCreator<TasksSlice> =>
  (api) =>
  (set, get) => ({
    tasks: {},
    tasksStatus: 'idle',
    loadTasks: async () => {
      set({ tasksStatus: 'loading' });
      const result = await call(() => api.tasks.list({}));
      if (!result.ok || !Array.isArray(result.value)) {
        // An answer that is not a list is a failure too, and said as one: never an error state without words.
        set({
          tasksStatus: 'error',
          tasksError: result.ok
            ? { code: 'BAD_RESPONSE', message: 'The task list could not be read.' }
            : result.error,
        });
        return;
      }
      // Events that arrived while listing are newer than the list: keep them.
      const tasks: Record<string, RestoreRecord> = {};
      for (const r of result.value) tasks[r.restoreId] = r;
      for (const r of Object.values(get().tasks)) {
        const listed = tasks[r.restoreId];
        if (!listed || listed.updatedAt <= r.updatedAt) tasks[r.restoreId] = r;
      }
      set({ tasks, tasksStatus: 'ready', tasksError: undefined });
    },
    upsertTask: (record) => {
      const current = get().tasks[record.restoreId];
      if (current && current.updatedAt > record.updatedAt) return;
      set({ tasks: { ...get().tasks, [record.restoreId]: record } });
    },
    cancelRestore: (restoreId) => call(() => api.restore.cancel({ restoreId })),
    onTaskFinished: (record) => {
      get().upsertTask(record);
      const success = record.status === 'succeed';
      const unknown = record.status === 'outcome-unknown';
      get().addToast({
        level: success ? 'success' : unknown ? 'info' : 'error',
        ...finishedNotice(record),
        body: messageParts(record),
      });
      // A clone that runs is a new instance: list the fleet again so its link opens it.
      if (record.kind === 'clone' && success && record.profileId === get().fleetProfileId)
        void get().refreshFleet();
      const prefs = get().prefs;
      if (get().info?.shell === 'browser' && prefs?.notifications !== false) notify(record);
    },
  });
