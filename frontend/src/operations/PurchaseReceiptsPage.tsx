import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { PurchaseReceiptsQuery } from './operations';
import { DocumentList, LinesGross, useDocumentList } from './DocumentList';
import { CreateButton } from '../common/actions';

export default function PurchaseReceiptsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { list } = useDocumentList(PurchaseReceiptsQuery, (d) => d.purchaseReceipts);
  return (
    <>
      <PageHeader
        title={t('nav.purchaseReceipts')}
        subtitle={t('documents.purchaseReceiptsHint')}
        extra={
          can('OPERATIONS_CREATE_DOCUMENTS') && <CreateButton label={t('documents.newPurchaseReceipt')} testId="purchase-receipt-create" to="/purchase-receipts/new" />
        }
      />
      <DocumentList
        {...list}
        states={['DONE']}
        testId="purchase-receipts-table"
        columns={[
          { title: t('documents.supplier'), key: 'supplier', render: (_, r) => r.supplier.name },
          { title: t('documents.warehouse'), key: 'warehouse', render: (_, r) => r.warehouse.name },
          { title: t('documents.supplierInvoiceNo'), key: 'invoice', render: (_, r) => r.supplierInvoiceNo ?? '—' },
          { title: t('documents.gross'), key: 'gross', align: 'right', render: (_, r) => <LinesGross lines={r.lines} /> },
        ]}
      />
    </>
  );
}
