/**
 * The joined error catalog and its lookup. A module of its own so that errors.ts (which re-exports the cloud
 * mapping) and cloud-error-map.ts (which describes mapped codes) both import it without importing each other.
 */
import { appErrorEntries } from './error-catalog-app';
import { cloneErrorEntries } from './error-catalog-clone';
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
export const errorCatalog = {
  ...appErrorEntries,
  ...cloudErrorEntries,
  ...crsActionErrorEntries,
  ...cloneErrorEntries,
} as const;

export type AppErrorCode = keyof typeof errorCatalog;

export const appErrorCodes = Object.keys(errorCatalog) as AppErrorCode[];

export type Language = 'en' | 'zh';

/** Looks up the catalog text for a code in the given language. */
export function describeError(code: AppErrorCode, language: Language = 'en'): CatalogText {
  return errorCatalog[code][language];
}
