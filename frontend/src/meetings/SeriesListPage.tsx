import { useState } from 'react';
import { Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeetingSeriesListQuery as Result } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionTable } from '../common/ConnectionTable';
import { CreateButton } from '../common/actions';
import { useConnectionQuery } from '../graphql/pagination';
import { useCan } from '../app/viewer';
import { toShanghai } from '../i18n/time';
import { MeetingSeriesListQuery } from './operations';
import { ConfidentialTag, seriesPath } from './tags';
import { SeriesFormDrawer } from './SeriesFormDrawer';

type Series = NonNullable<Result['meetingSeries']>['edges'][number]['node'];

/** 例会: the recurring joint meetings, each tied to a goal or a project. */
export default function SeriesListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useConnectionQuery({ query: MeetingSeriesListQuery, variables: { first: 20 }, connectionOf: (d) => d.meetingSeries });

  const columns: TableColumnsType<Series> = [
    {
      title: t('series.title'),
      key: 'title',
      render: (_, s) => (
        <Space size={4}>
          <Link to={seriesPath(s.id)} data-testid="series-link">
            {s.title}
          </Link>
          {s.confidential && <ConfidentialTag />}
        </Space>
      ),
    },
    { title: t('series.projectCode'), dataIndex: 'projectCode', width: 120, render: (v: string | null) => v ?? '—' },
    { title: t('series.focus'), dataIndex: 'focus', ellipsis: true },
    {
      title: t('series.recurrence'),
      key: 'recurrence',
      render: (_, s) => (
        <Space direction="vertical" size={0}>
          <Typography.Text code>{s.recurrence}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {toShanghai(s.startsAt).format('HH:mm')} · {s.durationMinutes}′
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('series.department'), key: 'dept', width: 120, render: (_, s) => s.department?.name ?? '—' },
    { title: t('series.organizer'), key: 'org', width: 100, render: (_, s) => s.organizer?.displayName ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.meetingSeries')}
        subtitle={t('series.hint')}
        extra={can('MEETINGS_MANAGE') && <CreateButton label={t('series.new')} testId="series-new" onClick={() => setCreating(true)} />}
      />
      <ConnectionTable<Series> {...list.table} columns={columns} />
      <SeriesFormDrawer open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(seriesPath(id))} />
    </>
  );
}
