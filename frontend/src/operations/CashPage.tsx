import { useState } from 'react';
import { App, Button, DatePicker, Form, InputNumber, Modal, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useMutationFeedback } from '../graphql/errors';
import { useDocumentListFilters } from '../common/ListFilters';
import { newIdempotencyKey } from '../common/idempotency';
import { Money } from '../common/Money';
import { nowInShanghai } from '../i18n/time';
import {
  CustomerReceiptsQuery,
  RecordCustomerReceiptMutation,
  RecordSupplierPaymentMutation,
  SupplierPaymentsQuery,
} from './operations';
import { DocumentList } from './DocumentList';
import { CustomerSelect, SupplierSelect } from '../common/selects';

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
          <InputNumber<string> stringMode min="0.01" precision={2} prefix="¥" style={{ width: '100%' }} data-testid="cash-amount" />
        </Form.Item>
        <Form.Item name="date" label={t('documents.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Receipts({ canRecord }: { canRecord: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const filters = useDocumentListFilters();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CustomerReceiptsQuery, variables: filters.variables, requestPolicy: 'cache-and-network' });
  return (
    <>
      <DocumentList
        filters={filters}
        connection={data?.customerReceipts}
        fetching={fetching}
        error={error?.message}
        states={['DONE']}
        testId="receipts-table"
        extra={
          canRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="receipt-create">
              {t('documents.recordReceipt')}
            </Button>
          )
        }
        columns={[
          { title: t('documents.customer'), key: 'customer', render: (_, r) => r.customer.name },
          { title: t('documents.amount'), key: 'amount', align: 'right', render: (_, r) => <Money value={r.amount} /> },
        ]}
      />
      <RecordModal
        kind="receipt"
        open={open}
        onClose={() => {
          setOpen(false);
          refetch({ requestPolicy: 'network-only' });
        }}
      />
    </>
  );
}

function Payments({ canRecord }: { canRecord: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const filters = useDocumentListFilters();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SupplierPaymentsQuery, variables: filters.variables, requestPolicy: 'cache-and-network' });
  return (
    <>
      <DocumentList
        filters={filters}
        connection={data?.supplierPayments}
        fetching={fetching}
        error={error?.message}
        states={['DONE']}
        testId="payments-table"
        extra={
          canRecord && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="payment-create">
              {t('documents.recordPayment')}
            </Button>
          )
        }
        columns={[
          { title: t('documents.supplier'), key: 'supplier', render: (_, r) => r.supplier.name },
          { title: t('documents.amount'), key: 'amount', align: 'right', render: (_, r) => <Money value={r.amount} /> },
        ]}
      />
      <RecordModal
        kind="payment"
        open={open}
        onClose={() => {
          setOpen(false);
          refetch({ requestPolicy: 'network-only' });
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
          { key: 'receipts', label: t('documentType.CustomerReceipt'), children: <Receipts canRecord={canRecord} /> },
          { key: 'payments', label: t('documentType.SupplierPayment'), children: <Payments canRecord={canRecord} /> },
        ]}
      />
    </>
  );
}
