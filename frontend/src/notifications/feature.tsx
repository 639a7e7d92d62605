import { lazy } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type NotificationMessages } from './messages/zh-CN';
import en from './messages/en';

const NotificationsPage = lazy(() => import('./NotificationsPage'));
const NotificationBell = lazy(() => import('./NotificationBell'));

/**
 * 通知: the bell at the header's end (unread count, the latest, a toast when one arrives live)
 * and the notifications page with the settings per kind and channel. Everyone signed in has
 * their own; no one sees another's.
 */
export const notificationsFeature: Feature<NotificationMessages> = defineFeature({
  domain: 'NOTIFICATIONS',
  permissions: [],
  routes: [
    {
      path: '/notifications',
      page: NotificationsPage,
      anyOf: [],
      nav: { key: 'notifications', icon: <BellOutlined />, label: 'nav.notifications', group: 'main', homeLink: 'home.linkNotifications' },
    },
  ],
  headerEnd: NotificationBell,
  messages: { 'zh-CN': zhCN, en },
});
