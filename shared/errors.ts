/**
 * The error catalog: every failure the app can show maps to one stable app code with an English and a
 * Chinese message saying what happened and what to do next. Cloud error codes (API 3.0 strings and legacy
 * numbers) are mapped onto these codes by the CRS clients (cloud-error-map.ts). The entries themselves live in
 * error-catalog-*.ts, joined in error-catalog.ts; this module re-exports it and is what everything imports.
 */
import { type AppErrorCode, errorCatalog } from './error-catalog';

export * from './error-catalog';

/** An error a core service throws on purpose; the IPC guard turns it into an envelope. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorCatalog[code].en.message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalog, value);
}

// ---------------------------------------------------------------------------------------------------------
// Cloud error mapping. One table per API generation; every code the CRS reference lists for the actions the
// app calls (plus the common codes of both generations) maps to a specific app code above.
// ---------------------------------------------------------------------------------------------------------

export * from './cloud-error-map';
