import { Tabs } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { documentPath } from '../common/documents';
import { SalesDeliveriesQuery, SalesReturnsQuery } from './operations';
import { DocumentList, LinesGross, useDocumentList } from './DocumentList';

function Deliveries() {
  const { t } = useTranslation();
  const { list } = useDocumentList(SalesDeliveriesQuery, (d) => d.salesDeliveries);
  return (
    <DocumentList
      {...list}
      states={['DONE']}
      testId="deliveries-table"
      columns={[
        { title: t('documents.customer'), key: 'customer', render: (_, r) => r.customer.name },
        { title: t('documents.salesOrder'), key: 'order', render: (_, r) => <Link to={documentPath(r.order.id)}>{r.order.number}</Link> },
        { title: t('documents.warehouse'), key: 'warehouse', render: (_, r) => r.warehouse.name },
        { title: t('documents.gross'), key: 'gross', align: 'right', render: (_, r) => <LinesGross lines={r.lines} /> },
      ]}
    />
  );
}

function Returns() {
  const { t } = useTranslation();
  const { list } = useDocumentList(SalesReturnsQuery, (d) => d.salesReturns);
  return (
    <DocumentList
      {...list}
      states={['DONE']}
      testId="returns-table"
      columns={[
        { title: t('documents.customer'), key: 'customer', render: (_, r) => r.customer.name },
        { title: t('documentType.SALES_DELIVERY'), key: 'delivery', render: (_, r) => <Link to={documentPath(r.delivery.id)}>{r.delivery.number}</Link> },
        { title: t('documents.gross'), key: 'gross', align: 'right', render: (_, r) => <LinesGross lines={r.lines} /> },
      ]}
    />
  );
}

/** 发货 and 销售退货: deliveries are made from an order's detail page, returns from a delivery's. */
export default function DeliveriesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.deliveries')} subtitle={t('documents.deliveriesHint')} />
      <Tabs
        items={[
          { key: 'deliveries', label: t('documentType.SALES_DELIVERY'), children: <Deliveries /> },
          { key: 'returns', label: t('documentType.SALES_RETURN'), children: <Returns /> },
        ]}
      />
    </>
  );
}
