import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/LanguageProvider';
import type { Language } from '../i18n';

const LABELS: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { language, setLanguage } = useLanguage();
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: (Object.keys(LABELS) as Language[]).map((key) => ({
          key,
          label: <span data-testid={`lang-${key}`}>{LABELS[key]}</span>,
        })),
        onClick: ({ key }) => setLanguage(key as Language),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('header.language')}
        data-testid="lang-switch"
        style={dark ? { color: '#fff' } : undefined}
      >
        {LABELS[language]}
      </Button>
    </Dropdown>
  );
}
