import { useState } from 'react';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { CopyOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { DocumentQuery as DocumentResult } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useMutationFeedback } from '../graphql/errors';
import { documentPath, DocumentStateTag, DocumentTypeLabel, voucherPath, VoucherStateTag } from '../common/documents';
import { Money, Quantity } from '../common/Money';
import { fenToDecimal, sumFen } from '../common/decimal';
import { todayInShanghai } from '../common/PeriodPicker';
import { formatDateTime } from '../i18n/time';
import { CopySalesOrderMutation, DocumentQuery } from './operations';
import { DeliverModal } from './DeliverModal';
import { ReturnModal } from './ReturnModal';
import { ClaimActions } from './ClaimActions';
import { NodeFallback } from '../common/NodeFallback';
import { useOpenCreated } from './fields';
import { AttachmentsCard } from '../attachments/AttachmentsCard';

type Doc = Extract<NonNullable<DocumentResult['node']>, { number: string }>;
type DocLine = Doc['lines'][number];
/** A document line with what only some kinds of line have (delivered, returned, cost), null elsewhere. */
type Line = DocLine & { deliveredQuantity: string | null; returnedQuantity: string | null; cost: string | null };

function flat(line: DocLine): Line {
  return {
    ...line,
    deliveredQuantity: 'deliveredQuantity' in line ? line.deliveredQuantity : null,
    returnedQuantity: 'returnedQuantity' in line ? line.returnedQuantity : null,
    cost: 'cost' in line ? line.cost : null,
  };
}

function headerItems(doc: Doc, tr: (key: string) => string) {
  const items: { key: string; label: string; children: React.ReactNode }[] = [];
  const add = (key: string, label: string, children: React.ReactNode) => items.push({ key, label, children });
  if ('customer' in doc) add('customer', tr('documents.customer'), `${doc.customer.code} ${doc.customer.name}`);
  if ('supplier' in doc) add('supplier', tr('documents.supplier'), `${doc.supplier.code} ${doc.supplier.name}`);
  if ('warehouse' in doc) add('warehouse', tr('documents.warehouse'), doc.warehouse.name);
  if (doc.__typename === 'SalesDelivery')
    add('order', tr('documents.salesOrder'), <Link to={documentPath(doc.order.id)} data-testid="delivery-order-link">{doc.order.number}</Link>);
  if (doc.__typename === 'SalesReturn')
    add('delivery', tr('documentType.SALES_DELIVERY'), <Link to={documentPath(doc.delivery.id)}>{doc.delivery.number}</Link>);
  if (doc.__typename === 'SalesOrder' && doc.copiedFrom)
    add('copiedFrom', tr('documents.copiedFrom'), <Link to={documentPath(doc.copiedFrom.id)}>{doc.copiedFrom.number}</Link>);
  if (doc.__typename === 'PurchaseReceipt') add('invoice', tr('documents.supplierInvoiceNo'), doc.supplierInvoiceNo ?? '—');
  if (doc.__typename === 'ExpenseClaim') {
    add('claimant', tr('documents.claimant'), doc.claimant.displayName);
    add('category', tr('documents.category'), tr(`expenseCategory.${doc.category}`));
    add('description', tr('documents.description'), doc.description);
    add('approver', tr('documents.approver'), doc.approver?.displayName ?? '—');
    add('paidOn', tr('documents.paidOn'), doc.paidOn ?? '—');
  }
  if ('amount' in doc) add('amount', tr('documents.amount'), <Money value={doc.amount} strong />);
  add('department', tr('documents.department'), doc.department.name);
  add('createdBy', tr('documents.createdBy'), doc.createdBy?.displayName ?? '—');
  add('createdAt', tr('documents.createdAt'), formatDateTime(doc.createdAt));
  return items;
}

/** A titled card holding one of the document's small tables (lines, deliveries, vouchers, stock moves). */
function Section<T extends object>({ heading, ...table }: TableProps<T> & { heading: string }) {
  return (
    <Card title={heading} size="small">
      <Table<T> rowKey="id" size="small" pagination={false} {...table} />
    </Card>
  );
}

/** Any business document: header, lines, the vouchers it caused, its stock moves, and its actions. */
export default function DocumentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const openCreated = useOpenCreated();
  const feedback = useMutationFeedback();
  const [dialog, setDialog] = useState<'deliver' | 'return' | null>(null);
  const [result, refetch] = useQuery({ query: DocumentQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [{ fetching: copying }, copy] = useMutation(CopySalesOrderMutation);
  const node = result.data?.node;
  const doc = node && 'number' in node ? (node as Doc) : null;

  if (!doc) return <NodeFallback result={result} title={t('documents.notFound')} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const closeDialog = () => {
    setDialog(null);
    reload();
  };
  const canCreate = can('OPERATIONS_CREATE_DOCUMENTS');
  const isOrder = doc.__typename === 'SalesOrder';
  const isDelivery = doc.__typename === 'SalesDelivery';
  const lines = doc.lines.map(flat);
  const priced = lines.length > 0;

  const doCopy = async () => {
    const outcome = await copy({ input: { orderId: doc.id, date: todayInShanghai() } });
    const ok = feedback(outcome, outcome.data?.copySalesOrder);
    if (ok?.__typename === 'CopySalesOrderSuccess') openCreated(ok.salesOrder, t('documents.copied', { number: ok.salesOrder.number }));
  };

  const lineColumns: TableColumnsType<Line> = [
    { title: '#', dataIndex: 'lineNo', width: 50 },
    { title: t('documents.product'), key: 'product', render: (_, l) => `${l.product.code} ${l.product.name}` },
    { title: t('documents.quantity'), key: 'quantity', align: 'right', render: (_, l) => <><Quantity value={l.quantity} /> {l.product.unit}</> },
    { title: t('documents.unitPrice'), key: 'unitPrice', align: 'right', render: (_, l) => <Money value={l.unitPrice} /> },
    { title: t('documents.taxRate'), key: 'taxRate', align: 'right', render: (_, l) => `${Math.round(Number(l.taxRate) * 100)}%` },
    { title: t('documents.net'), key: 'net', align: 'right', render: (_, l) => <Money value={l.net} /> },
    { title: t('documents.tax'), key: 'tax', align: 'right', render: (_, l) => <Money value={l.tax} /> },
    { title: t('documents.gross'), key: 'gross', align: 'right', render: (_, l) => <Money value={l.gross} /> },
    ...(isOrder
      ? [{ title: t('documents.deliveredQuantity'), key: 'delivered', align: 'right' as const, render: (_: unknown, l: Line) => <Quantity value={l.deliveredQuantity} /> }]
      : []),
    ...(isDelivery
      ? [
          { title: t('documents.cost'), key: 'cost', align: 'right' as const, render: (_: unknown, l: Line) => <Money value={l.cost} /> },
          { title: t('documents.returnedQuantity'), key: 'returned', align: 'right' as const, render: (_: unknown, l: Line) => <Quantity value={l.returnedQuantity} /> },
        ]
      : []),
  ];

  const open = doc.state === 'OPEN' || doc.state === 'PARTIAL';
  const actions = (
    <Space wrap>
      {isOrder && canCreate && open && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('deliver')} data-testid="deliver-open">
          {t('documents.deliver')}
        </Button>
      )}
      {isOrder && canCreate && (
        <Button icon={<CopyOutlined />} loading={copying} onClick={() => void doCopy()} data-testid="order-copy">
          {t('documents.copyOrder')}
        </Button>
      )}
      {isDelivery && canCreate && (
        <Button icon={<RollbackOutlined />} onClick={() => setDialog('return')} data-testid="return-open">
          {t('documents.return')}
        </Button>
      )}
      {doc.__typename === 'ExpenseClaim' && <ClaimActions claim={doc} onDone={reload} />}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={`${t(`documentType.${doc.documentType}`)} ${doc.number}`}
        subtitle={doc.date}
        extra={actions}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card data-testid="document-header">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'number', label: t('documents.number'), children: <Typography.Text strong data-testid="document-number">{doc.number}</Typography.Text> },
              { key: 'type', label: t('documents.type'), children: <DocumentTypeLabel type={doc.documentType} /> },
              { key: 'state', label: t('common.status'), children: <DocumentStateTag state={doc.state} /> },
              { key: 'date', label: t('documents.date'), children: doc.date },
              ...headerItems(doc, (key) => t(key as never)),
            ]}
          />
        </Card>
        {priced && (
          <Section<Line>
            heading={t('documents.lines')}
            bordered
            columns={lineColumns}
            dataSource={lines}
            data-testid="document-lines"
            scroll={{ x: 'max-content' }}
            summary={(rows) => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={5}>
                  <Typography.Text strong>{t('documents.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right"><Money strong value={fenToDecimal(sumFen(rows.map((r) => r.net)))} /></Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right"><Money strong value={fenToDecimal(sumFen(rows.map((r) => r.tax)))} /></Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right"><Money strong value={fenToDecimal(sumFen(rows.map((r) => r.gross)))} /></Table.Summary.Cell>
                {lineColumns.length > 8 && <Table.Summary.Cell index={8} colSpan={lineColumns.length - 8} />}
              </Table.Summary.Row>
            )}
          />
        )}
        {(doc.__typename === 'ExpenseClaim' || doc.__typename === 'PurchaseReceipt') && (
          <AttachmentsCard ownerId={doc.id} attachments={doc.attachments} canAttach={doc.viewerCanAttach} onChange={reload} />
        )}
        {doc.__typename === 'SalesOrder' && doc.deliveries.length > 0 && (
          <Section
            heading={t('documentType.SALES_DELIVERY')}
            dataSource={doc.deliveries}
            data-testid="order-deliveries"
            columns={[
              { title: t('documents.number'), key: 'number', render: (_, d) => <Link to={documentPath(d.id)}>{d.number}</Link> },
              { title: t('documents.date'), dataIndex: 'date' },
              { title: t('common.status'), key: 'state', render: (_, d) => <DocumentStateTag state={d.state} /> },
            ]}
          />
        )}
        {can('LEDGER_READ') && (
          <Section
            heading={t('documents.vouchers')}
            dataSource={doc.vouchers}
            data-testid="document-vouchers"
            locale={{ emptyText: t('documents.noVouchers') }}
            columns={[
              {
                title: t('documents.voucherNumber'),
                key: 'number',
                render: (_, v) => <Link to={voucherPath(v.id)} data-testid="voucher-link">{v.displayNumber}</Link>,
              },
              { title: t('documents.date'), dataIndex: 'date', width: 110 },
              { title: t('documents.voucherSummary'), dataIndex: 'summary' },
              { title: t('documents.amount'), key: 'amount', align: 'right', render: (_, v) => <Money value={v.totalDebit} /> },
              { title: t('common.status'), key: 'state', render: (_, v) => <VoucherStateTag state={v.state} /> },
            ]}
          />
        )}
        {doc.stockMoves.length > 0 && (
          <Section
            heading={t('documents.stockMoves')}
            rowKey={(m) => m.source.line?.id ?? `${m.date}-${m.product.id}`}
            dataSource={doc.stockMoves}
            data-testid="document-stock-moves"
            columns={[
              { title: t('documents.date'), dataIndex: 'date', width: 110 },
              { title: t('documents.product'), key: 'product', render: (_, m) => m.product.name },
              { title: t('documents.moveQuantity'), key: 'quantity', align: 'right', render: (_, m) => <Quantity value={m.quantity} /> },
              { title: t('documents.moveValue'), key: 'value', align: 'right', render: (_, m) => <Money value={m.value} /> },
              { title: t('documents.balanceQuantity'), key: 'bq', align: 'right', render: (_, m) => <Quantity value={m.balanceQuantity} /> },
              { title: t('documents.balanceValue'), key: 'bv', align: 'right', render: (_, m) => <Money value={m.balanceValue} /> },
            ]}
          />
        )}
      </Space>
      {isOrder && <DeliverModal orderId={doc.id} lines={lines} open={dialog === 'deliver'} onClose={closeDialog} />}
      {isDelivery && <ReturnModal deliveryId={doc.id} lines={lines} open={dialog === 'return'} onClose={closeDialog} />}
    </>
  );
}
