/** i18next set up once, synchronously, from bundled resources (no network: the CSP forbids it anyway). */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/errors';
import type { Preferences } from '../../../shared/settings';
import { en } from './en';
import { zhCN } from './zh-cn';

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

export function createI18n(language: Preferences['language'] = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** The error catalog speaks `en` and `zh`. */
export const catalogLanguage = (language: string): Language => (language.startsWith('zh') ? 'zh' : 'en');
