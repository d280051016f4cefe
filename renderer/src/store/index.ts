/**
 * The one store, combined from its slices. Built per API (not a module singleton) so each test gets a fresh
 * store around a fake, and handed to components through context; components read it with selectors.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RendererApi } from '../../../shared/renderer-api';
import { createAppSlice } from './app-slice';
import { createAuditSlice } from './audit-slice';
import { createBackupsSlice } from './backups-slice';
import { createCloneSlice } from './clone-slice';
import { createFleetSlice } from './fleet-slice';
import { createInspectSlice } from './inspect-slice';
import { createLiveSlice } from './live-slice';
import { createProfilesSlice } from './profiles-slice';
import { createRestoreSlice } from './restore-slice';
import { createTasksSlice, type Notify } from './tasks-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  /** Desktop notification for a finished task in browser mode. */
  notify?: Notify;
}

export function createAppStore(api: RendererApi, options: StoreOptions = {}): AppStore {
  const notify = options.notify ?? (() => undefined);
  return createStore<AppState>()((...a) => ({
    ...createAppSlice(api)(...a),
    ...createUiSlice(api)(...a),
    ...createProfilesSlice(api)(...a),
    ...createFleetSlice(api)(...a),
    ...createBackupsSlice(api)(...a),
    ...createLiveSlice(api)(...a),
    ...createTasksSlice(notify)(api)(...a),
    ...createRestoreSlice(api)(...a),
    ...createCloneSlice(api)(...a),
    ...createAuditSlice(api)(...a),
    ...createInspectSlice(api)(...a),
  }));
}

export const StoreContext = createContext<AppStore | null>(null);

/** The store itself, for a subscription that must not re-render (an uncontrolled input kept in sync). */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreContext');
  return store;
}

/** Reads the store with a selector; re-renders only when the selected value changes. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

export type { AppState } from './types';
