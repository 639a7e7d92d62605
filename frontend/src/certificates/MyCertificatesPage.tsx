import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionPager, useConnectionQuery } from '../graphql/pagination';
import { CertificatesQuery } from './operations';
import { CertificatesTable } from './CertificatesTable';

/** 我的证书: the viewer's own certificates, each downloadable as a PDF. */
export default function MyCertificatesPage() {
  const { t } = useTranslation();
  const list = useConnectionQuery({
    query: CertificatesQuery,
    variables: { first: 50, mine: true, state: null },
    connectionOf: (d) => d.certificates,
    requestPolicy: 'cache-and-network',
  });
  const items = list.connection?.edges.map((e) => e.node) ?? [];
  return (
    <>
      <PageHeader title={t('nav.myCertificates')} subtitle={t('certificates.mineHint')} />
      <Card>
        <CertificatesTable certificates={items} loading={list.result.fetching} />
        <ConnectionPager pager={list.pager} connection={list.connection} loading={list.result.fetching} />
      </Card>
    </>
  );
}
