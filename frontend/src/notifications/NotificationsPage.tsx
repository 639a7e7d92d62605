import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Empty, List, Segmented, Space, Switch, Table, Tabs } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { NotificationFieldsFragment, NotificationKind } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useMutationFeedback } from '../graphql/errors';
import { NotificationRow } from './NotificationBell';
import {
  MarkNotificationsReadMutation,
  NotificationSettingsQuery,
  NotificationsQuery,
  UpdateNotificationSettingsMutation,
} from './operations';

const PAGE = 20;

function NotificationList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const unread = filter === 'unread' ? true : null;
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const [first, refetch] = useQuery({ query: NotificationsQuery, variables: { first: PAGE, unread }, requestPolicy: 'cache-and-network' });
  const [more] = useQuery({
    query: NotificationsQuery,
    variables: { first: PAGE * pages.length, unread },
    pause: pages.length === 1,
    requestPolicy: 'network-only',
  });
  const data = (pages.length > 1 ? more.data : first.data)?.notifications;
  const items: NotificationFieldsFragment[] = data?.edges.map((e) => e.node) ?? [];

  const markAll = async () => {
    const outcome = await markRead({ input: { all: true } });
    const done = feedback(outcome, outcome.data?.markNotificationsRead);
    if (done && done.__typename === 'MarkNotificationsReadSuccess') {
      void message.success(t('notifications.markedRead', { count: done.marked }));
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const open = (item: NotificationFieldsFragment) => {
    if (!item.read) void markRead({ input: { ids: [item.id] } }).then(() => refetch({ requestPolicy: 'network-only' }));
    if (item.url) void navigate(item.url);
  };

  return (
    <Card
      title={
        <Segmented
          value={filter}
          onChange={(v) => {
            setFilter(v as 'all' | 'unread');
            setPages([null]);
          }}
          options={[
            { value: 'all', label: t('notifications.filterAll') },
            { value: 'unread', label: `${t('notifications.filterUnread')} (${data?.unreadCount ?? 0})` },
          ]}
          data-testid="notifications-filter"
        />
      }
      extra={
        <Button onClick={() => void markAll()} disabled={!data?.unreadCount} data-testid="notifications-page-mark-all">
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      {items.length === 0 && !first.fetching ? (
        <Empty description={t('notifications.empty')} />
      ) : (
        <List loading={first.fetching && !data} dataSource={items} renderItem={(item) => <NotificationRow item={item} onOpen={open} />} data-testid="notifications-list" />
      )}
      {data?.pageInfo.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => setPages((p) => [...p, data.pageInfo.endCursor ?? null])} loading={more.fetching}>
            {t('notifications.loadMore')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function NotificationSettingsTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [{ data, fetching }] = useQuery({ query: NotificationSettingsQuery });
  const [{ fetching: saving }, update] = useMutation(UpdateNotificationSettingsMutation);
  const settings = data?.notificationSettings;

  const change = async (kind: NotificationKind, channel: 'PORTAL' | 'EMAIL', enabled: boolean) => {
    const outcome = await update({ input: { settings: [{ kind, channel, enabled }] } });
    if (feedback(outcome, outcome.data?.updateNotificationSettings)) void message.success(t('notifications.saved'));
  };

  return (
    <Card>
      <Space direction="vertical" style={{ width: '100%' }}>
        {settings && !settings.emailAvailable && <Alert type="info" showIcon message={t('notifications.emailUnavailable')} />}
        <Table
          rowKey="kind"
          loading={fetching}
          pagination={false}
          dataSource={settings?.kinds ?? []}
          data-testid="notification-settings"
          columns={[
            { title: t('notifications.kind'), dataIndex: 'label', render: (label: string, row) => <span title={row.description}>{label}</span> },
            {
              title: t('notifications.portal'),
              dataIndex: 'portal',
              width: 140,
              render: (on: boolean, row) => (
                <Switch checked={on} disabled={saving} onChange={(v) => void change(row.kind, 'PORTAL', v)} data-testid={`setting-${row.kind}-PORTAL`} />
              ),
            },
            {
              title: t('notifications.email'),
              dataIndex: 'email',
              width: 140,
              render: (on: boolean, row) => (
                <Switch
                  checked={on && !!settings?.emailAvailable}
                  disabled={saving || !settings?.emailAvailable}
                  onChange={(v) => void change(row.kind, 'EMAIL', v)}
                  data-testid={`setting-${row.kind}-EMAIL`}
                />
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}

/** 通知: the viewer's notifications (all or unread, mark read, open), and the settings per kind and channel. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notifications.title')} subtitle={t('notifications.subtitle')} />
      <Tabs
        items={[
          { key: 'list', label: t('notifications.tabList'), children: <NotificationList /> },
          { key: 'settings', label: <span data-testid="notifications-settings-tab">{t('notifications.tabSettings')}</span>, children: <NotificationSettingsTable /> },
        ]}
      />
    </>
  );
}
