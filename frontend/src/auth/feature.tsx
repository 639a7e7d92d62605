import { lazy } from 'react';
import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type AuthMessages } from './messages/zh-CN';
import en from './messages/en';

const RolesPage = lazy(() => import('./roles/RolesPage'));
const TokensPage = lazy(() => import('./tokens/TokensPage'));

/**
 * 身份与权限: roles with their permissions and personal API tokens. Signing in, the viewer
 * and changing one's own password are the shell's (app/, layout/).
 */
export const authFeature: Feature<AuthMessages> = defineFeature({
  domain: 'AUTH',
  permissions: ['AUTH_MANAGE_ROLES', 'AUTH_USE_API_TOKENS'],
  routes: [
    {
      path: '/roles',
      page: RolesPage,
      anyOf: ['AUTH_MANAGE_ROLES'],
      nav: { key: 'roles', icon: <SafetyOutlined />, label: 'nav.roles', group: 'org', homeLink: 'home.linkRoles' },
    },
    {
      path: '/tokens',
      page: TokensPage,
      anyOf: ['AUTH_USE_API_TOKENS'],
      nav: { key: 'tokens', icon: <KeyOutlined />, label: 'nav.tokens', group: 'system', homeLink: 'home.linkTokens' },
    },
  ],
  messages: { 'zh-CN': zhCN, en },
});
