import { Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicationCardFieldsFragment } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionTable } from '../common/ConnectionTable';
import { useConnectionQuery } from '../graphql/pagination';
import { formatDateTime } from '../i18n/time';
import { PublicationsQuery } from './operations';
import { PublicationStateTag, publicationPath } from './tags';

type Tab = 'toPublish' | 'unacknowledged' | 'acknowledged';
const TABS: readonly Tab[] = ['unacknowledged', 'toPublish', 'acknowledged'];

const VARIABLES: Record<Tab, { toPublish?: boolean; received?: boolean; unacknowledged?: boolean }> = {
  toPublish: { toPublish: true },
  unacknowledged: { received: true, unacknowledged: true },
  acknowledged: { received: true, unacknowledged: false },
};

/** 信息共享: mine to publish (due and missed, earliest deadline first) and what was sent to me (unacknowledged first). */
export default function PublicationsPage() {
  const { t } = useTranslation();
  // The tab is in the address (?tab=toPublish), so a notice about several publications due opens on them.
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((x) => x === asked) ?? 'unacknowledged';
  const list = useConnectionQuery({
    query: PublicationsQuery,
    variables: { first: 20, ...VARIABLES[tab] },
    connectionOf: (d) => d.publications,
    requestPolicy: 'cache-and-network',
  });

  const columns: TableColumnsType<PublicationCardFieldsFragment> = [
    {
      title: t('sharing.title'),
      key: 'title',
      render: (_, p) => (
        <Link to={publicationPath(p.id)} data-testid="publication-link">
          {p.title}
        </Link>
      ),
    },
    { title: t('sharing.timeNode'), key: 'node', width: 150, render: (_, p) => formatDateTime(p.timeNode) },
    { title: t('sharing.deadline'), key: 'deadline', width: 150, render: (_, p) => formatDateTime(p.deadline) },
    { title: t('sharing.state'), key: 'state', width: 150, render: (_, p) => <PublicationStateTag state={p.state} timeliness={p.timeliness} /> },
    { title: t('sharing.responsible'), key: 'resp', width: 110, render: (_, p) => p.responsible?.displayName ?? '—' },
    {
      title: t('sharing.receivers'),
      key: 'ack',
      width: 100,
      render: (_, p) => (p.state === 'PUBLISHED' ? <Typography.Text>{`${p.acknowledgedCount} / ${p.receiverCount}`}</Typography.Text> : '—'),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.publications')} subtitle={t('sharing.inboxHint')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          list.pager.reset();
          setParams({ tab: k }, { replace: true });
        }}
        items={[
          { key: 'unacknowledged', label: <span data-testid="tab-unacknowledged">{t('sharing.unacknowledged')}</span> },
          { key: 'toPublish', label: <span data-testid="tab-to-publish">{t('sharing.toPublish')}</span> },
          { key: 'acknowledged', label: <span data-testid="tab-acknowledged">{t('sharing.acknowledgedTab')}</span> },
        ]}
      />
      <ConnectionTable<PublicationCardFieldsFragment> {...list.table} columns={columns} />
    </>
  );
}
