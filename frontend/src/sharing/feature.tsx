import { lazy } from 'react';
import { BarChartOutlined, NotificationOutlined, ShareAltOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type SharingMessages } from './messages/zh-CN';
import en from './messages/en';

const SharingRulesPage = lazy(() => import('./SharingRulesPage'));
const PublicationsPage = lazy(() => import('./PublicationsPage'));
const PublicationPage = lazy(() => import('./PublicationPage'));
const SharingFiguresPage = lazy(() => import('./SharingFiguresPage'));

const READ = ['SHARING_READ'] as const;

/** 协同: the publication inbox, sharing rules (共享规则) and the sharing figures (共享考评). */
export const sharingFeature: Feature<SharingMessages> = defineFeature({
  domain: 'SHARING',
  permissions: ['SHARING_READ', 'SHARING_MANAGE', 'SHARING_EVALUATE'],
  routes: [
    {
      path: '/sharing/publications',
      page: PublicationsPage,
      anyOf: READ,
      nav: { key: 'publications', icon: <NotificationOutlined />, label: 'nav.publications', group: 'collaboration', homeLink: 'home.linkPublications' },
    },
    { path: '/sharing/publications/:id', page: PublicationPage, anyOf: READ },
    {
      path: '/sharing/rules',
      page: SharingRulesPage,
      anyOf: READ,
      nav: { key: 'sharingRules', icon: <ShareAltOutlined />, label: 'nav.sharingRules', group: 'collaboration' },
    },
    {
      path: '/sharing/figures',
      page: SharingFiguresPage,
      anyOf: ['SHARING_EVALUATE', 'SHARING_MANAGE'],
      nav: { key: 'sharingFigures', icon: <BarChartOutlined />, label: 'nav.sharingFigures', group: 'collaboration' },
    },
  ],
  messages: { 'zh-CN': zhCN, en },
});
