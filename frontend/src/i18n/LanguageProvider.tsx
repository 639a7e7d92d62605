import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, App as AntApp, theme } from 'antd';
// The ES builds: with "type": "module" the CommonJS entry points would arrive wrapped in
// `{ default }` and Ant Design would silently fall back to English.
import zhCNLocale from 'antd/es/locale/zh_CN';
import enUSLocale from 'antd/es/locale/en_US';
import i18n, { rememberLanguage, storedLanguage, type Language } from './index';
import { dayjs } from './time';

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

const ANTD_LOCALES = { 'zh-CN': zhCNLocale, en: enUSLocale } as const;
const DAYJS_LOCALES = { 'zh-CN': 'zh-cn', en: 'en' } as const;

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    void i18n.changeLanguage(language);
    dayjs.locale(DAYJS_LOCALES[language]);
    document.documentElement.lang = language;
    document.title = i18n.t('app.name');
  }, [language]);

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);

  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider
        locale={ANTD_LOCALES[language]}
        theme={{
          algorithm: theme.defaultAlgorithm,
          token: {
            colorPrimary: '#1661d6',
            borderRadius: 6,
            fontFamily:
              "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
          },
          components: {
            Layout: { siderBg: '#001529', headerBg: '#ffffff', headerPadding: '0 24px' },
          },
        }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage must be used inside <LanguageProvider>');
  return value;
}
