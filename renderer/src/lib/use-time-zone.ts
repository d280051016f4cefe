/** The clock chosen in Settings; Beijing time until the preferences have loaded, as the console shows. */
import { defaultPreferences } from '../../../shared/settings';
import { useApp } from '../store';
import type { TimeZoneSetting } from './format';

export const useTimeZone = (): TimeZoneSetting =>
  useApp((s) => s.prefs?.timeZone ?? defaultPreferences.timeZone);
