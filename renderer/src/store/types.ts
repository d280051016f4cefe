/**
 * The store's shape, assembled from slices. Each slice is a `StateCreator<AppState, [], [], Slice>` built by a
 * factory that receives the API, so tests create a fresh store around a fake instead of mocking a module.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RendererApi } from '../../../shared/renderer-api';
import type { Envelope } from '../../../shared/result';
import type { AppSlice } from './app-slice';
import type { AuditSlice } from './audit-slice';
import type { BackupsSlice } from './backups-slice';
import type { FleetSlice } from './fleet-slice';
import type { LiveSlice } from './live-slice';
import type { ProfilesSlice } from './profiles-slice';
import type { RestoreSlice } from './restore-slice';
import type { TasksSlice } from './tasks-slice';
import type { UiSlice } from './ui-slice';

export type AppState = AppSlice &
  UiSlice &
  ProfilesSlice &
  FleetSlice &
  BackupsSlice &
  LiveSlice &
  TasksSlice &
  RestoreSlice &
  AuditSlice;

export type SliceCreator<S> = (api: RendererApi) => StateCreator<AppState, [], [], S>;

/** An error as the UI keeps it: the envelope's code and message, never thrown. */
export interface UiError {
  code: string;
  message: string;
}

/** Loading state of one async area, as style.md point 12 asks. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Unwraps an envelope into value-or-error; a transport that throws becomes an INTERNAL error. */
export async function call<T>(
  run: () => Promise<Envelope<T>>,
): Promise<{ ok: true; value: T } | { ok: false; error: UiError }> {
  try {
    const result = await run();
    return result.ok
      ? result
      : { ok: false, error: { code: result.error.code, message: result.error.message } };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
