import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { formatDateTime } from '../i18n/time';
import { postingRulePath } from '../common/documents';
import { useConnectionQuery } from '../graphql/pagination';
import { ConnectionTable } from '../common/ConnectionTable';
import { PostingRulesQuery } from './operations';

/** 记账规则: which business event each rule follows, and its current version. */
export default function PostingRulesPage() {
  const { t } = useTranslation();
  const list = useConnectionQuery({ query: PostingRulesQuery, variables: { first: 50 }, connectionOf: (data) => data.postingRules, requestPolicy: 'cache-and-network' });
  return (
    <>
      <PageHeader title={t('nav.postingRules')} subtitle={t('posting.hint')} />
      <Card>
        <ConnectionTable
          {...list.table}
          data-testid="posting-rules-table"
          columns={[
            { title: t('posting.code'), key: 'code', render: (_, r) => <Link to={postingRulePath(r.id)}>{r.code}</Link> },
            { title: t('posting.name'), dataIndex: 'name' },
            { title: t('posting.eventType'), key: 'eventType', render: (_, r) => <Tag bordered={false}>{r.eventType}</Tag> },
            { title: t('posting.currentVersion'), key: 'version', render: (_, r) => (r.currentVersion ? `v${r.currentVersion.version}` : '—') },
            { title: t('posting.publishedAt'), key: 'publishedAt', render: (_, r) => formatDateTime(r.currentVersion?.publishedAt) },
            { title: t('common.status'), key: 'active', render: (_, r) => (r.active ? <Tag color="green" bordered={false}>{t('common.active')}</Tag> : <Tag bordered={false}>{t('common.inactive')}</Tag>) },
          ]}
        />
      </Card>
    </>
  );
}
