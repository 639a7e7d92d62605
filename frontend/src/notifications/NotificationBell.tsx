import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Badge, Button, Dropdown, Empty, Flex, List, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import type { NotificationFieldsFragment } from '../gql/graphql';
import { formatDateTime } from '../i18n/time';
import { MarkNotificationsReadMutation, NotificationsQuery, NotificationsSubscription } from './operations';

const SHOWN = 8;

/** One notification in the bell's list and on the page: bold while unread, opens what it is about. */
export function NotificationRow({ item, onOpen }: { item: NotificationFieldsFragment; onOpen: (item: NotificationFieldsFragment) => void }) {
  return (
    <List.Item
      data-testid="notification-item"
      data-read={item.read ? '1' : '0'}
      style={{ cursor: 'pointer', paddingInline: 12 }}
      onClick={() => onOpen(item)}
    >
      <List.Item.Meta
        title={
          <Flex gap={8} align="center">
            {!item.read && <Badge status="processing" />}
            <Typography.Text strong={!item.read}>{item.title}</Typography.Text>
          </Flex>
        }
        description={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(item.createdAt)}
          </Typography.Text>
        }
      />
    </List.Item>
  );
}

/**
 * The bell in the header: the unread count, the latest notifications in a dropdown, and a toast
 * when one arrives live (the `notifications` subscription); no reload needed.
 */
export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const { token } = theme.useToken();
  const [open, setOpen] = useState(false);
  const [{ data }, refetch] = useQuery({ query: NotificationsQuery, variables: { first: SHOWN }, requestPolicy: 'cache-and-network' });
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const page = data?.notifications;
  const items: NotificationFieldsFragment[] = page?.edges.map((e) => e.node) ?? [];
  const unread = page?.unreadCount ?? 0;

  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);

  const openItem = useCallback(
    (item: NotificationFieldsFragment) => {
      setOpen(false);
      if (!item.read) void markRead({ input: { ids: [item.id] } }).then(reload);
      if (item.url) void navigate(item.url);
    },
    [markRead, navigate, reload],
  );

  // Live: each new notification refreshes the count and the list, and is shown as a toast.
  const [live] = useSubscription({ query: NotificationsSubscription });
  const shown = useRef<string | null>(null);
  const arrived: NotificationFieldsFragment | null = live.data?.notifications ?? null;
  useEffect(() => {
    if (!arrived || shown.current === arrived.id) return;
    shown.current = arrived.id;
    reload();
    const key = `notification-${arrived.id}`;
    notification.info({
      key,
      message: t('notifications.arrived'),
      description: (
        <span data-testid="notification-toast">
          <Typography.Text strong>{arrived.title}</Typography.Text>
        </span>
      ),
      placement: 'topRight',
      duration: 8,
      btn: arrived.url ? (
        <Button
          size="small"
          type="primary"
          onClick={() => {
            notification.destroy(key);
            openItem(arrived);
          }}
        >
          {t('notifications.open')}
        </Button>
      ) : undefined,
    });
  }, [arrived, notification, openItem, reload, t]);

  const panel = (
    <div
      data-testid="notification-panel"
      style={{ width: 360, background: token.colorBgElevated, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowSecondary }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '10px 12px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Text strong>{t('notifications.recent')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          data-testid="notifications-mark-all"
          onClick={() => void markRead({ input: { all: true } }).then(reload)}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ padding: 16 }} />
      ) : (
        <List size="small" dataSource={items} renderItem={(item) => <NotificationRow item={item} onOpen={openItem} />} style={{ maxHeight: 420, overflow: 'auto' }} />
      )}
      <div style={{ textAlign: 'center', padding: 8, borderTop: `1px solid ${token.colorBorderSecondary}` }}>
        <Button
          type="link"
          size="small"
          data-testid="notifications-view-all"
          onClick={() => {
            setOpen(false);
            void navigate('/notifications');
          }}
        >
          {t('notifications.viewAll')}
        </Button>
      </div>
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} placement="bottomRight" dropdownRender={() => panel}>
      <Button type="text" aria-label={t('notifications.bell')} data-testid="notification-bell" title={t('notifications.unreadBadge', { count: unread })}>
        <Badge count={unread} size="small" data-testid="notification-count" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
