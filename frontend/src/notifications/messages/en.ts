import type { NotificationMessages } from './zh-CN';

const en: NotificationMessages = {
  nav: { notifications: 'Notifications' },
  home: { linkNotifications: 'Your notifications, and how each kind reaches you' },
  notifications: {
    bell: 'Notifications',
    unreadBadge: '{{count}} unread',
    recent: 'Latest notifications',
    markAllRead: 'Mark all read',
    markRead: 'Mark read',
    viewAll: 'All notifications',
    empty: 'No notifications',
    arrived: 'New notification',
    open: 'Open',
    title: 'Notifications',
    subtitle: 'Notifications to you, seen by you alone; choose how each kind reaches you under Settings',
    tabList: 'All notifications',
    tabSettings: 'Settings',
    filterAll: 'All',
    filterUnread: 'Unread',
    loadMore: 'Load more',
    read: 'Read',
    unread: 'Unread',
    markedRead: '{{count}} notifications marked read',
    kind: 'Kind',
    portal: 'In the portal',
    email: 'E-mail',
    emailUnavailable: 'No mail server is configured: notifications cannot be e-mailed yet',
    saved: 'Notification settings saved',
  },
};

export default en;
