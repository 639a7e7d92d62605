import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { App, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ExpenseCategory } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useMutationFeedback } from '../graphql/errors';
import { newIdempotencyKey } from '../common/idempotency';
import { Money, MoneyInput } from '../common/Money';
import { nowInShanghai } from '../i18n/time';
import { CreateExpenseClaimMutation, ExpenseClaimsQuery } from './operations';
import { DocumentList, useDocumentList } from './DocumentList';
import { ClaimActions } from './ClaimActions';
import { CreateButton } from '../common/actions';
import { DocumentDateField } from './fields';

const CATEGORIES: readonly ExpenseCategory[] = ['TRAVEL', 'OFFICE', 'ENTERTAINMENT'];

interface ClaimForm {
  category: ExpenseCategory;
  amount: string;
  description: string;
  date: Dayjs;
}

function ClaimModal({ open, onClose }: { open: boolean; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<ClaimForm>();
  const [{ fetching }, create] = useMutation(CreateExpenseClaimMutation);
  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await create({
      input: {
        category: v.category,
        amount: String(v.amount),
        description: v.description.trim(),
        date: v.date.format('YYYY-MM-DD'),
        idempotencyKey: newIdempotencyKey(),
      },
    });
    if (!feedback(outcome, outcome.data?.createExpenseClaim, form)) return;
    void message.success(t('documents.claimSubmitted'));
    onClose(true);
  };
  return (
    <Modal
      open={open}
      title={t('documents.newClaim')}
      onCancel={() => onClose(false)}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={fetching}
      okButtonProps={{ 'data-testid': 'claim-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<ClaimForm> form={form} layout="vertical" initialValues={{ date: nowInShanghai(), category: 'TRAVEL' }} preserve={false}>
        <Form.Item name="category" label={t('documents.category')} rules={[{ required: true }]}>
          <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`expenseCategory.${c}`) }))} />
        </Form.Item>
        <Form.Item name="amount" label={t('documents.amount')} rules={[{ required: true, message: t('documents.amountRequired') }]}>
          <MoneyInput data-testid="claim-amount" />
        </Form.Item>
        <Form.Item name="description" label={t('documents.description')} rules={[{ required: true, whitespace: true, message: t('documents.descriptionRequired') }]}>
          <Input.TextArea rows={2} data-testid="claim-description" />
        </Form.Item>
        <DocumentDateField />
      </Form>
    </Modal>
  );
}

/** 费用报销: one's own claims; the department manager approves, finance pays. */
export default function ExpenseClaimsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const { list, rows, reload } = useDocumentList(ExpenseClaimsQuery, (d) => d.expenseClaims);
  const anyActions = rows.some((r) => r.viewerCan.approve || r.viewerCan.pay);
  return (
    <>
      <PageHeader
        title={t('nav.expenseClaims')}
        subtitle={t('documents.claimsHint')}
        extra={
          can('OPERATIONS_CLAIM_EXPENSES') && <CreateButton label={t('documents.newClaim')} testId="claim-create" onClick={() => setOpen(true)} />
        }
      />
      <DocumentList
        {...list}
        states={['SUBMITTED', 'APPROVED', 'REJECTED', 'DONE']}
        testId="claims-table"
        columns={[
          { title: t('documents.claimant'), key: 'claimant', render: (_, r) => r.claimant.displayName },
          { title: t('documents.category'), key: 'category', render: (_, r) => t(`expenseCategory.${r.category}`) },
          { title: t('documents.description'), dataIndex: 'description', ellipsis: true },
          { title: t('documents.amount'), key: 'amount', align: 'right', render: (_, r) => <Money value={r.amount} /> },
        ]}
        actions={
          anyActions
            ? {
                title: t('common.actions'),
                key: 'actions',
                render: (_, r) => (
                  <Space>
                    <ClaimActions claim={r} onDone={reload} size="small" />
                  </Space>
                ),
              }
            : undefined
        }
      />
      <ClaimModal
        open={open}
        onClose={(saved) => {
          setOpen(false);
          if (saved) reload();
        }}
      />
    </>
  );
}
