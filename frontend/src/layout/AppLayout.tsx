import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Spin, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
} from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { useViewer, useViewerContext } from '../app/viewer';
import { hasAnyPermission } from '../app/permissions';
import { LogoutMutation } from '../app/session';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useResetClient } from '../graphql/client';
import { LanguageSwitch } from './LanguageSwitch';
import { NAV_ENTRIES, NAV_GROUPS, selectedNavKey, type NavEntry } from './nav';
import { FEATURES } from '../features';
import { ErrorBoundary } from './ErrorBoundary';
import styles from './AppLayout.module.css';

const COLLAPSE_KEY = 'yecai.siderCollapsed';

// What features show in the header of every page (the search box), in the order of FEATURES.
const HEADER_WIDGETS = FEATURES.flatMap((feature) => (feature.header ? [{ domain: feature.domain, Widget: feature.header }] : []));
// ... and at the header's end, before the language switch (the notification bell).
const HEADER_END_WIDGETS = FEATURES.flatMap((feature) =>
  feature.headerEnd ? [{ domain: feature.domain, Widget: feature.headerEnd }] : [],
);

export default function AppLayout() {
  const viewer = useViewer();
  const { clear } = useViewerContext();
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [, logout] = useMutation(LogoutMutation);
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(() => window.localStorage.getItem(COLLAPSE_KEY) === '1');
  const [passwordOpen, setPasswordOpen] = useState(false);

  const toggle = () => {
    setCollapsed((value) => {
      window.localStorage.setItem(COLLAPSE_KEY, value ? '0' : '1');
      return !value;
    });
  };

  const menuItems = useMemo<MenuProps['items']>(() => {
    const visible = NAV_ENTRIES.filter((entry) => hasAnyPermission(viewer, entry.anyOf));
    const item = (entry: NavEntry) => ({
      key: entry.key,
      icon: entry.icon,
      label: (
        <Link to={entry.path} data-testid={`nav-${entry.key}`}>
          {t(entry.label)}
        </Link>
      ),
    });
    return NAV_GROUPS.flatMap(({ key, label }): NonNullable<MenuProps['items']> => {
      const entries = visible.filter((e) => e.group === key);
      if (entries.length === 0) return [];
      if (label === null || collapsed) return entries.map(item);
      return [{ type: 'group' as const, key: `group-${key}`, label: t(label), children: entries.map(item) }];
    });
  }, [viewer, t, collapsed]);

  const onSignOut = async () => {
    await logout({});
    resetClient();
    clear();
    navigate('/login', { replace: true });
  };

  const userMenu: MenuProps = {
    items: [
      {
        key: 'password',
        icon: <LockOutlined />,
        label: <span data-testid="change-password">{t('header.changePassword')}</span>,
      },
      { type: 'divider' },
      {
        key: 'logout',
        icon: <LogoutOutlined />,
        danger: true,
        label: <span data-testid="logout">{t('header.logout')}</span>,
      },
    ],
    onClick: ({ key }) => {
      if (key === 'password') setPasswordOpen(true);
      if (key === 'logout') void onSignOut();
    },
  };

  return (
    <Layout className={styles.root}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={224}
        className={styles.sider}
        data-testid="sider"
      >
        <Link to="/" className={styles.brand}>
          <span className={styles.brandMark}>业</span>
          {!collapsed && <span className={styles.brandName}>{t('app.name')}</span>}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedNavKey(location.pathname)]}
          items={menuItems}
          data-testid="nav"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className={styles.header} style={{ borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <div className={styles.headerLeft}>
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
              aria-label={collapsed ? t('header.expand') : t('header.collapse')}
            />
            {HEADER_WIDGETS.map(({ domain, Widget }) => (
              <Suspense key={domain} fallback={null}>
                <Widget />
              </Suspense>
            ))}
          </div>
          <Space size={8} className={styles.headerRight}>
            {HEADER_END_WIDGETS.map(({ domain, Widget }) => (
              <Suspense key={domain} fallback={null}>
                <Widget />
              </Suspense>
            ))}
            <LanguageSwitch />
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button type="text" className={styles.userButton} data-testid="user-menu">
                <Avatar size="small" style={{ backgroundColor: token.colorPrimary }}>
                  {viewer.displayName.slice(0, 1)}
                </Avatar>
                <Typography.Text strong data-testid="viewer-name">
                  {viewer.displayName}
                </Typography.Text>
                <Tag icon={<ApartmentOutlined />} bordered={false} data-testid="viewer-department">
                  {viewer.department?.name ?? t('header.noDepartment')}
                </Tag>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <ErrorBoundary key={location.pathname}>
            <Suspense
              fallback={
                <div className={styles.pageSpin}>
                  <Spin />
                </div>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
