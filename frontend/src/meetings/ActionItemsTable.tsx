import { App, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ActionItemFieldsFragment, ActionItemStatus } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { formatDate } from '../i18n/time';
import { UpdateActionItemMutation } from './operations';
import { ACTION_STATUSES, ActionStatusTag, meetingPath } from './tags';
import styles from './meetings.module.css';

interface Props {
  items: readonly ActionItemFieldsFragment[];
  /** Show the meeting column (the my-action-items page) or not (the meeting page). */
  showMeeting?: boolean;
  onChanged?: () => void;
  loading?: boolean;
  focusedId?: string | null;
}

/** Action items with their owner, due date and status; the owner and their managers change the status in place. */
export function ActionItemsTable({ items, showMeeting, onChanged, loading, focusedId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [, update] = useMutation(UpdateActionItemMutation);

  const setStatus = async (id: string, status: ActionItemStatus) => {
    const outcome = await update({ input: { id, status } });
    if (feedback(outcome, outcome.data?.updateActionItem)) {
      void message.success(t('meetings.statusChanged'));
      onChanged?.();
    }
  };

  const columns: TableColumnsType<ActionItemFieldsFragment> = [
    {
      title: t('meetings.actionTitle'),
      key: 'title',
      render: (_, a) => (
        <Space size={4} direction="vertical">
          <span data-testid="action-title">{a.title}</span>
          {a.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.note}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...(showMeeting
      ? [
          {
            title: t('meetings.meeting'),
            key: 'meeting',
            render: (_: unknown, a: ActionItemFieldsFragment) => (a.meeting ? <Link to={meetingPath(a.meeting.id)}>{a.meeting.title}</Link> : '—'),
          },
        ]
      : []),
    { title: t('meetings.owner'), key: 'owner', width: 110, render: (_, a) => a.owner?.displayName ?? '—' },
    { title: t('meetings.department'), key: 'dept', width: 110, render: (_, a) => a.department?.name ?? '—' },
    {
      title: t('meetings.dueOn'),
      key: 'due',
      width: 150,
      render: (_, a) => (
        <Space size={4}>
          {formatDate(a.dueOn)}
          {a.overdue && (
            <Tag color="error" data-testid="action-overdue">
              {t('meetings.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 140,
      render: (_, a) =>
        a.viewerCan.change ? (
          <Select<ActionItemStatus>
            size="small"
            style={{ width: 110 }}
            value={a.status}
            onChange={(s) => void setStatus(a.id, s)}
            options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionItemStatus.${s}`) }))}
            data-testid="action-status"
          />
        ) : (
          <ActionStatusTag status={a.status} />
        ),
    },
  ];

  return (
    <Table<ActionItemFieldsFragment>
      rowKey="id"
      size="small"
      pagination={false}
      loading={loading}
      columns={columns}
      dataSource={[...items]}
      rowClassName={(a) => (a.id === focusedId ? styles.focusedRow : a.overdue ? styles.overdueRow : '') ?? ''}
      onRow={(a) => ({ 'data-overdue': a.overdue ? 'true' : undefined, 'data-focused': a.id === focusedId ? 'true' : undefined }) as object}
      locale={{ emptyText: t('meetings.noActionItems') }}
    />
  );
}
