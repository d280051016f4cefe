/**
 * The store's shape, assembled from slices. Each slice is a `StateCreator<AppState, [], [], Slice>` built by a
 * factory that receives the API, so tests create a fresh store around a fake instead of mocking a module.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RendererApi } from '../../../shared/renderer-api';
import type { AppErrorPayload, Envelope } from '../../../shared/result';
import type { AppSlice } from './app-slice';
import type { AuditSlice } from './audit-slice';
import type { BackupsSlice } from './backups-slice';
import type { CloneSlice } from './clone-slice';
import type { FleetSlice } from './fleet-slice';
import type { InspectSlice } from './inspect-slice';
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
  CloneSlice &
  AuditSlice &
  InspectSlice;

export type SliceCreator<S> = (api: RendererApi) => StateCreator<AppState, [], [], S>;

/**
 * An error as the UI keeps it: the envelope's code and message, never thrown; for a cloud error also the
 * cloud's own code and the RequestId Tencent support asks for (both from the envelope's details).
 */
export interface UiError {
  code: string;
  message: string;
  cloudCode?: string;
  requestId?: string;
}

/** Only short printable strings are kept: details cross a process boundary and are shown verbatim. */
function detailText(details: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = details?.[key];
  return typeof value === 'string' && /^[\x21-\x7e]{1,128}$/.test(value) ? value : undefined;
}

/** The envelope's error as the UI keeps it, with the cloud code and RequestId when the details carry them. */
export function toUiError(error: AppErrorPayload): UiError {
  const cloudCode = detailText(error.details, 'cloudCode');
  const requestId = detailText(error.details, 'requestId');
  return {
    code: error.code,
    message: error.message,
    ...(cloudCode ? { cloudCode } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** Loading state of one async area, as style.md point 12 asks. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Unwraps an envelope into value-or-error; a transport that throws becomes an INTERNAL error. */
export async function call<T>(
  run: () => Promise<Envelope<T>>,
): Promise<{ ok: true; value: T } | { ok: false; error: UiError }> {
  try {
    const result = await run();
    return result.ok ? result : { ok: false, error: toUiError(result.error) };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
