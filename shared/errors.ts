/**
 * The error catalog: every failure the app can show maps to one stable app code with an English and a
 * Chinese message saying what happened and what to do next. Cloud error codes (API 3.0 strings and legacy
 * numbers) are mapped onto these codes by the CRS clients (cloud-error-map.ts). The entries themselves live in
 * error-catalog-app.ts and error-catalog-cloud.ts; this module joins them and is what everything imports.
 */
import { appErrorEntries } from './error-catalog-app';
import { cloudErrorEntries } from './error-catalog-cloud';
import { crsActionErrorEntries } from './error-catalog-crs';

export interface CatalogText {
  /** What happened, in one sentence. */
  message: string;
  /** What the user can do about it. */
  next: string;
}

export interface CatalogEntry {
  en: CatalogText;
  zh: CatalogText;
}

/** The one catalog: every app code, with an English and a Chinese message and next step. */
export const errorCatalog = { ...appErrorEntries, ...cloudErrorEntries, ...crsActionErrorEntries } as const;

export type AppErrorCode = keyof typeof errorCatalog;

export const appErrorCodes = Object.keys(errorCatalog) as AppErrorCode[];

export type Language = 'en' | 'zh';

/** Looks up the catalog text for a code in the given language. */
export function describeError(code: AppErrorCode, language: Language = 'en'): CatalogText {
  return errorCatalog[code][language];
}

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
