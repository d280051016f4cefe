/**
 * The restore dialog's server side: which instance and backup, the preflight answer, and the one
 * `restore:start` call, answered as soon as main has journaled the restore. The dialog never retries by
 * itself; a start call whose answer was lost locks the button (the task list says what happened).
 * Passwords never enter the store.
 */
import type { PreflightResult, RequestOf } from '../../../shared/ipc-contract';
import type { RestoreRecord } from '../../../shared/tasks';
import { call, type LoadStatus, type SliceCreator, type UiError } from './types';

export interface RestoreTarget {
  profileId: string;
  region: string;
  instanceId: string;
  backupId: string;
}

/**
 * The two ways the dialog offers: restore into a new instance (CloneInstances; the source is untouched) or
 * overwrite this instance (RestoreInstance). The new instance comes first and is the default.
 */
export type RestorePath = 'clone' | 'overwrite';

export type RestoreStartOptions = Omit<RequestOf<'restore:start'>, keyof RestoreTarget>;

export interface RestoreDialogState {
  target: RestoreTarget;
  path: RestorePath;
  preflightStatus: LoadStatus;
  preflight?: PreflightResult;
  preflightError?: UiError;
  submitting: boolean;
  startError?: UiError;
  /** The request left but its fate is unknown: the core reconciles; the user must not send it again. */
  outcomeUnknown: boolean;
  started?: RestoreRecord;
}

export interface RestoreSlice {
  restore?: RestoreDialogState;
  /** Opens the dialog on the new-instance path unless told otherwise (a retry of an overwrite, a way back). */
  openRestore(target: RestoreTarget, path?: RestorePath): Promise<void>;
  chooseRestorePath(path: RestorePath): void;
  runPreflight(): Promise<void>;
  closeRestore(): void;
  startRestore(options: RestoreStartOptions): Promise<RestoreRecord | undefined>;
  /** Removes this instance's saved password from the keychain, then re-runs preflight to show it gone. */
  forgetSavedPassword(): Promise<UiError | undefined>;
}

const unknownCodes = new Set(['RESTORE_OUTCOME_UNKNOWN', 'TIMEOUT']);

export const createRestoreSlice: SliceCreator<RestoreSlice> = (api) => (set, get) => {
  const patch = (value: Partial<RestoreDialogState>) => {
    const current = get().restore;
    if (current) set({ restore: { ...current, ...value } });
  };
  return {
    openRestore: async (target, path = 'clone') => {
      set({ restore: { target, path, preflightStatus: 'idle', submitting: false, outcomeUnknown: false } });
      await get().runPreflight();
    },
    chooseRestorePath: (path) => {
      // The overwrite's request may be in flight: its outcome stays in view on its own path.
      if (!get().restore?.submitting) patch({ path });
    },
    runPreflight: async () => {
      const current = get().restore;
      if (!current) return;
      patch({ preflightStatus: 'loading', preflightError: undefined });
      const result = await call(() => api.restore.preflight(current.target));
      if (get().restore?.target !== current.target) return;
      if (result.ok) patch({ preflightStatus: 'ready', preflight: result.value });
      else patch({ preflightStatus: 'error', preflightError: result.error, preflight: undefined });
    },
    closeRestore: () => {
      // Closing mid-request would hide the outcome; the dialog keeps its close button disabled meanwhile.
      if (!get().restore?.submitting) set({ restore: undefined });
    },
    forgetSavedPassword: async () => {
      const current = get().restore;
      if (!current) return undefined;
      const { profileId, instanceId } = current.target;
      const result = await call(() => api.passwords.forget({ profileId, instanceId }));
      if (!result.ok) return result.error;
      await get().runPreflight();
      return undefined;
    },
    startRestore: async (options) => {
      const current = get().restore;
      if (!current || current.submitting || current.outcomeUnknown) return undefined;
      patch({ submitting: true, startError: undefined });
      const result = await call(() => api.restore.start({ ...current.target, ...options }));
      if (!result.ok) {
        patch({
          submitting: false,
          startError: result.error,
          outcomeUnknown: unknownCodes.has(result.error.code),
        });
        return undefined;
      }
      // Main answers once the restore is journaled; the safety backup, the request and the cloud's answer
      // (a refusal too) follow on the task, which takes over from the dialog.
      const record = result.value;
      get().upsertTask(record);
      patch({ submitting: false, started: record });
      return record;
    },
  };
};
