/**
 * What to show for an error: the catalog's message and next step in the UI language; for a code the
 * catalog does not know (yet), the envelope's own message, so nothing is ever hidden.
 */
import { describeError, isAppErrorCode } from '../../../shared/errors';
import { catalogLanguage } from '../i18n';
import type { UiError } from '../store/types';

export interface ErrorText {
  message: string;
  next?: string;
  /** The envelope's message, when it adds something to the catalog's (e.g. the cloud's raw code). */
  detail?: string;
}

export function errorText(error: UiError, language: string): ErrorText {
  if (!isAppErrorCode(error.code)) return { message: error.message || error.code };
  const text = describeError(error.code, catalogLanguage(language));
  const detail = error.message && error.message !== text.message ? error.message : undefined;
  return { message: text.message, next: text.next, detail };
}
