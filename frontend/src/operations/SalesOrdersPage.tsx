import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { SalesOrdersQuery } from './operations';
import { DocumentList, LinesGross, useDocumentList } from './DocumentList';
import { CreateButton } from '../common/actions';

export default function SalesOrdersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { list } = useDocumentList(SalesOrdersQuery, (d) => d.salesOrders);
  return (
    <>
      <PageHeader
        title={t('nav.salesOrders')}
        subtitle={t('documents.salesOrdersHint')}
        extra={
          can('OPERATIONS_CREATE_DOCUMENTS') && <CreateButton label={t('documents.newSalesOrder')} testId="sales-order-create" to="/sales-orders/new" />
        }
      />
      <DocumentList
        {...list}
        states={['OPEN', 'PARTIAL', 'DONE']}
        testId="sales-orders-table"
        columns={[
          { title: t('documents.customer'), key: 'customer', render: (_, r) => r.customer.name },
          { title: t('documents.gross'), key: 'gross', align: 'right', render: (_, r) => <LinesGross lines={r.lines} /> },
        ]}
      />
    </>
  );
}
