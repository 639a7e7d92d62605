import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CalendarOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { MeetingCardFieldsFragment, MeetingSeriesQuery as Result } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { NodeFallback } from '../common/NodeFallback';
import { CreateButton } from '../common/actions';
import { formatDateTime, nowInShanghai } from '../i18n/time';
import { MeetingSeriesQuery } from './operations';
import { ConfidentialTag, formatMeetingTime, meetingPath, MeetingStateTag } from './tags';
import { ScheduleMeetingDrawer } from './ScheduleMeetingDrawer';
import { SeriesFormDrawer } from './SeriesFormDrawer';

type Series = Extract<NonNullable<Result['node']>, { __typename: 'MeetingSeries' }>;

/** One series: its goal, focus and recurrence, its next occurrences and its meetings. */
export default function SeriesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [scheduling, setScheduling] = useState(false);
  const [editing, setEditing] = useState(false);
  const { message } = App.useApp();
  const range = useMemo(() => {
    const now = nowInShanghai();
    return { from: now.utc().toISOString(), to: now.add(1, 'year').utc().toISOString() };
  }, []);
  const [result, refetch] = useQuery({ query: MeetingSeriesQuery, variables: { id, ...range }, requestPolicy: 'cache-and-network' });
  const node = result.data?.node;
  const series = node?.__typename === 'MeetingSeries' ? (node as Series) : null;
  if (!series) return <NodeFallback result={result} title={t('series.notFound')} />;

  const columns: TableColumnsType<MeetingCardFieldsFragment> = [
    { title: t('meetings.time'), key: 'time', width: 240, render: (_, m) => formatMeetingTime(m.startsAt, m.endsAt) },
    { title: t('meetings.title'), key: 'title', render: (_, m) => <Link to={meetingPath(m.id)}>{m.title}</Link> },
    { title: t('meetings.place'), dataIndex: 'place' },
    { title: t('common.status'), key: 'state', width: 100, render: (_, m) => <MeetingStateTag state={m.state} /> },
  ];

  return (
    <>
      <PageHeader
        title={series.title}
        subtitle={series.goal}
        extra={
          <Space>
            {series.confidential && <ConfidentialTag />}
            <Button icon={<CalendarOutlined />} href={series.icsUrl} download data-testid="series-ics">
              {t('series.exportIcs')}
            </Button>
            {series.viewerCan.edit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="series-edit">
                {t('series.edit')}
              </Button>
            )}
            {series.viewerCan.schedule && <CreateButton label={t('meetings.schedule')} testId="series-schedule" onClick={() => setScheduling(true)} />}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('series.focus')}>{series.focus || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('series.projectCode')}>{series.projectCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('series.recurrence')}>
            <Typography.Text code data-testid="series-rrule">
              {series.recurrence}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('series.startsAt')}>{formatDateTime(series.startsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('series.duration')}>{series.durationMinutes}</Descriptions.Item>
          <Descriptions.Item label={t('series.place')}>{series.place || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('series.department')}>{series.department?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('series.organizer')}>{series.organizer?.displayName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('series.defaultDepartments')}>
            {series.defaultDepartments.map((d) => <Tag key={d.id}>{d.name}</Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label={t('series.defaultRoles')}>{series.defaultRoles.map((r) => <Tag key={r}>{r}</Tag>)}</Descriptions.Item>
          {series.confidential && (
            <Descriptions.Item label={t('series.readerRoles')}>{series.readerRoles.map((r) => <Tag key={r}>{r}</Tag>)}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('series.nextOccurrences')} size="small" style={{ marginBottom: 16 }}>
        {series.uncoveredYears.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={t('series.uncoveredYears', { years: series.uncoveredYears.join('、') })}
            data-testid="series-uncovered-years"
          />
        )}
        {series.occurrences.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List size="small" dataSource={series.occurrences} renderItem={(o) => <List.Item data-testid="series-occurrence">{formatDateTime(o)}</List.Item>} />
        )}
      </Card>
      <Card title={t('series.meetings')} size="small">
        <Table<MeetingCardFieldsFragment>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={series.meetings?.edges.map((e) => e.node) ?? []}
        />
      </Card>
      <SeriesFormDrawer
        open={editing}
        series={series}
        onClose={() => setEditing(false)}
        onCreated={() => {
          setEditing(false);
          void message.success(t('series.updated'));
          refetch({ requestPolicy: 'network-only' });
        }}
      />
      <ScheduleMeetingDrawer open={scheduling} seriesId={series.id} onClose={() => setScheduling(false)} onScheduled={(mid) => navigate(meetingPath(mid))} />
    </>
  );
}
