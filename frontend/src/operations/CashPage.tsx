import { useState } from 'react';
import { App, Form, Modal, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useMutationFeedback } from '../graphql/errors';
import { newIdempotencyKey } from '../common/idempotency';
import { Money, MoneyInput } from '../common/Money';
import { nowInShanghai } from '../i18n/time';
import {
  CustomerReceiptsQuery,
  RecordCustomerReceiptMutation,
  RecordSupplierPaymentMutation,
  SupplierPaymentsQuery,
} from './operations';
import { DocumentList, useDocumentList, type Connection, type DocumentListQuery, type DocumentRow } from './DocumentList';
import { CustomerSelect, SupplierSelect } from '../common/selects';
import { CreateButton } from '../common/actions';
import { DocumentDateField } from './fields';

interface CashForm {
  partyId: string;
  amount: string;
  date: Dayjs;
}

function RecordModal({ kind, open, onClose }: { kind: 'receipt' | 'payment'; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<CashForm>();
  const [{ fetching: r1 }, recordReceipt] = useMutation(RecordCustomerReceiptMutation);
  const [{ fetching: r2 }, recordPayment] = useMutation(RecordSupplierPaymentMutation);
  const submit = async () => {
    const v = await form.validateFields();
    const base = { date: v.date.format('YYYY-MM-DD'), amount: String(v.amount), idempotencyKey: newIdempotencyKey() };
    if (kind === 'receipt') {
      const outcome = await recordReceipt({ input: { ...base, customerId: v.partyId } });
      if (!feedback(outcome, outcome.data?.recordCustomerReceipt, form)) return;
    } else {
      const outcome = await recordPayment({ input: { ...base, supplierId: v.partyId } });
      if (!feedback(outcome, outcome.data?.recordSupplierPayment, form)) return;
    }
    void message.success(t('common.saved'));
    onClose();
  };
  return (
    <Modal
      open={open}
      title={kind === 'receipt' ? t('documents.recordReceipt') : t('documents.recordPayment')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={r1 || r2}
      destroyOnHidden
    >
      <Form<CashForm> form={form} layout="vertical" initialValues={{ date: nowInShanghai() }} preserve={false}>
        <Form.Item
          name="partyId"
          label={kind === 'receipt' ? t('documents.customer') : t('documents.supplier')}
          rules={[{ required: true }]}
        >
          {kind === 'receipt' ? <CustomerSelect /> : <SupplierSelect />}
        </Form.Item>
        <Form.Item name="amount" label={t('documents.amount')} rules={[{ required: true }]}>
          <MoneyInput data-testid="cash-amount" />
        </Form.Item>
        <DocumentDateField />
      </Form>
    </Modal>
  );
}

interface CashRow extends DocumentRow {
  amount: string;
}

/** One tab: the receipts or the payments, with the button that records one. */
function CashList<D, T extends CashRow>({
  kind,
  query,
  connectionOf,
  partyOf,
  canRecord,
}: {
  kind: 'receipt' | 'payment';
  query: DocumentListQuery<D>;
  connectionOf: (data: D) => Connection<T> | null | undefined;
  /** The customer who paid, the supplier who was paid. */
  partyOf: (row: T) => string;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const party = kind === 'receipt' ? { key: 'customer', title: t('documents.customer') } : { key: 'supplier', title: t('documents.supplier') };
  const [open, setOpen] = useState(false);
  const { list, reload } = useDocumentList(query, connectionOf);
  return (
    <>
      <DocumentList
        {...list}
        states={['DONE']}
        testId={kind === 'receipt' ? 'receipts-table' : 'payments-table'}
        extra={
          canRecord && (
            <CreateButton
              label={kind === 'receipt' ? t('documents.recordReceipt') : t('documents.recordPayment')}
              testId={`${kind}-create`}
              onClick={() => setOpen(true)}
            />
          )
        }
        columns={[{ ...party, render: (_, r) => partyOf(r) }, { title: t('documents.amount'), key: 'amount', align: 'right', render: (_, r) => <Money value={r.amount} /> }]}
      />
      <RecordModal
        kind={kind}
        open={open}
        onClose={() => {
          setOpen(false);
          reload();
        }}
      />
    </>
  );
}

/** 收付款: customer receipts against receivables, supplier payments against payables. */
export default function CashPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canRecord = can('OPERATIONS_RECORD_CASH');
  return (
    <>
      <PageHeader title={t('nav.cash')} subtitle={t('documents.cashHint')} />
      <Tabs
        items={[
          {
            key: 'receipts',
            label: t('documentType.CUSTOMER_RECEIPT'),
            children: <CashList kind="receipt" query={CustomerReceiptsQuery} connectionOf={(d) => d.customerReceipts} partyOf={(r) => r.customer.name} canRecord={canRecord} />,
          },
          {
            key: 'payments',
            label: t('documentType.SUPPLIER_PAYMENT'),
            children: <CashList kind="payment" query={SupplierPaymentsQuery} connectionOf={(d) => d.supplierPayments} partyOf={(r) => r.supplier.name} canRecord={canRecord} />,
          },
        ]}
      />
    </>
  );
}
