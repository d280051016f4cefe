import type { AppErrorCode } from './errors';

/** The error half of every IPC and bridge response. `details` never carries a secret. */
export interface AppErrorPayload {
  code: AppErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** Every operation answers with an envelope instead of throwing: Electron keeps only `.message` of a thrown error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });

export const fail = (
  code: AppErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Envelope<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
