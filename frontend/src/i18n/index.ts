import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { RESOURCES } from './messages';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'yecai.language';

function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
