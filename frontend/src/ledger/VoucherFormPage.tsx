import type { ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Space, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { CheckCircleFilled, CloseCircleFilled, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { Dimension } from '../gql/graphql';
import { useDepartmentOptions } from '../common/departments';
import { CustomerSelect, ProductSelect, SupplierSelect } from '../common/selects';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useMutationFeedback } from '../graphql/errors';
import { voucherPath } from '../common/documents';
import { fenToText, parseDecimal, roundHalfUp } from '../common/decimal';
import { nowInShanghai } from '../i18n/time';
import { MoneyInput } from '../common/Money';
import { FormListTable } from '../common/FormListTable';
import { AccountsQuery, CreateVoucherMutation } from './operations';
import { AccountSelect } from './AccountSelect';
import styles from './ledger.module.css';

interface LineValues {
  accountId?: string;
  departmentId?: string;
  customerId?: string;
  supplierId?: string;
  productId?: string;
  project?: string;
  summary?: string;
  debit?: string;
  credit?: string;
}

interface VoucherForm {
  date: Dayjs;
  summary: string;
  lines: LineValues[];
}

type DepartmentOptions = ReturnType<typeof useDepartmentOptions>['options'];

/** Each 辅助核算 and the line field that holds it. */
const DIMENSION_FIELDS: readonly (readonly [Dimension, keyof LineValues])[] = [
  ['DEPARTMENT', 'departmentId'],
  ['CUSTOMER', 'customerId'],
  ['SUPPLIER', 'supplierId'],
  ['PRODUCT', 'productId'],
  ['PROJECT', 'project'],
];

/** The 辅助核算 inputs the chosen account asks for, and only those. */
function LineDimensionInputs({
  form,
  index,
  dimensionsOf,
  departments,
}: {
  form: ReturnType<typeof Form.useForm<VoucherForm>>[0];
  index: number;
  dimensionsOf: Map<string, readonly Dimension[]>;
  departments: DepartmentOptions;
}) {
  const { t } = useTranslation();
  const accountId = Form.useWatch(['lines', index, 'accountId'], form) as string | undefined;
  const dims = accountId ? (dimensionsOf.get(accountId) ?? []) : [];
  if (dims.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const required = (dim: Dimension) => [{ required: true, message: t('vouchers.dimensionRequired', { dimension: t(`dimension.${dim}`) }) }];
  const input = (dim: Dimension): ReactNode => {
    const testId = `voucher-line-${index}-${dim.toLowerCase()}`;
    if (dim === 'DEPARTMENT')
      return <TreeSelect showSearch treeNodeFilterProp="title" treeDefaultExpandAll treeData={departments} placeholder={t('dimension.DEPARTMENT')} data-testid={testId} />;
    if (dim === 'CUSTOMER') return <CustomerSelect testId={testId} />;
    if (dim === 'SUPPLIER') return <SupplierSelect testId={testId} />;
    if (dim === 'PRODUCT') return <ProductSelect testId={testId} />;
    return <Input placeholder={t('dimension.PROJECT')} />;
  };
  // In the order the inputs always had, whatever order the account lists its dimensions in.
  const shown = DIMENSION_FIELDS.filter(([dim]) => dims.includes(dim));
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      {shown.map(([dim, field]) => (
        <Form.Item key={dim} name={[index, field]} style={{ margin: 0 }} rules={required(dim)}>
          {input(dim)}
        </Form.Item>
      ))}
    </Space>
  );
}

const fen = (v: string | undefined) => roundHalfUp(parseDecimal(v ?? '0', 4) ?? 0n, 4, 2);

function Balance({ form }: { form: ReturnType<typeof Form.useForm<VoucherForm>>[0] }) {
  const { t } = useTranslation();
  const lines = (Form.useWatch('lines', form) as LineValues[] | undefined) ?? [];
  const debit = lines.reduce((a, l) => a + fen(l?.debit), 0n);
  const credit = lines.reduce((a, l) => a + fen(l?.credit), 0n);
  const balanced = debit === credit && debit > 0n;
  return (
    <Space size={16} data-testid="voucher-balance" className={balanced ? styles.balanced : styles.unbalanced}>
      {balanced ? <CheckCircleFilled /> : <CloseCircleFilled />}
      <span>{balanced ? t('vouchers.balanced') : t('vouchers.unbalanced')}</span>
      <span>{t('vouchers.debit')} {fenToText(debit)}</span>
      <span>{t('vouchers.credit')} {fenToText(credit)}</span>
      {!balanced && <span>{t('vouchers.difference')} {fenToText(debit - credit)}</span>}
    </Space>
  );
}

/** 手工凭证: lines with account, debit or credit, and a live 借贷平衡 indicator. */
export default function VoucherFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<VoucherForm>();
  const [{ fetching }, create] = useMutation(CreateVoucherMutation);
  const [{ data: accounts }] = useQuery({ query: AccountsQuery, variables: { first: 100, active: true } });
  const { options: departments } = useDepartmentOptions();
  const dimensionsOf = new Map((accounts?.accounts?.edges ?? []).map(({ node }) => [node.id, node.dimensions] as const));

  const submit = async (v: VoucherForm) => {
    const outcome = await create({
      input: {
        date: v.date.format('YYYY-MM-DD'),
        summary: v.summary.trim(),
        lines: v.lines.map((l) => ({
          accountId: l.accountId ?? '',
          summary: l.summary?.trim() || null,
          debit: String(l.debit ?? '0'),
          credit: String(l.credit ?? '0'),
          departmentId: l.departmentId ?? null,
          customerId: l.customerId ?? null,
          supplierId: l.supplierId ?? null,
          productId: l.productId ?? null,
          project: l.project?.trim() || null,
        })),
      },
    });
    const ok = feedback(outcome, outcome.data?.createVoucher, form);
    if (ok?.__typename === 'CreateVoucherSuccess') navigate(voucherPath(ok.voucher.id));
  };

  return (
    <>
      <PageHeader title={t('vouchers.new')} subtitle={t('vouchers.newHint')} />
      <Card>
        <Form<VoucherForm>
          form={form}
          layout="vertical"
          name="voucher"
          initialValues={{ date: nowInShanghai(), lines: [{}, {}] }}
          onFinish={(v) => void submit(v)}
        >
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="date" label={t('vouchers.date')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item name="summary" label={t('vouchers.summary')} rules={[{ required: true, whitespace: true, message: t('vouchers.summaryRequired') }]}>
                <Input data-testid="voucher-summary" />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                <FormListTable
                  fields={fields}
                  columns={[
                    {
                      title: t('vouchers.summary'),
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'summary']} style={{ margin: 0 }}>
                          <Input />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('vouchers.account'),
                      width: 280,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'accountId']} style={{ margin: 0 }} rules={[{ required: true, message: t('vouchers.accountRequired') }]}>
                          <AccountSelect testId={`voucher-line-${f.name}-account`} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('vouchers.dimensions'),
                      width: 240,
                      render: (_, f) => <LineDimensionInputs form={form} index={f.name} dimensionsOf={dimensionsOf} departments={departments} />,
                    },
                    {
                      title: t('vouchers.debit'),
                      width: 160,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'debit']} style={{ margin: 0 }}>
                          <MoneyInput min="0" symbol={false} data-testid={`voucher-line-${f.name}-debit`} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: t('vouchers.credit'),
                      width: 160,
                      render: (_, f) => (
                        <Form.Item name={[f.name, 'credit']} style={{ margin: 0 }}>
                          <MoneyInput min="0" symbol={false} data-testid={`voucher-line-${f.name}-credit`} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '',
                      width: 48,
                      render: (_, f) => (
                        <Button type="text" danger icon={<DeleteOutlined />} disabled={fields.length <= 2} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                      ),
                    },
                  ]}
                />
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }}>
                  {t('vouchers.addLine')}
                </Button>
              </>
            )}
          </Form.List>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 16 }} wrap>
            <Balance form={form} />
            <Space>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={fetching} data-testid="voucher-submit">
                {t('vouchers.save')}
              </Button>
            </Space>
          </Space>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('vouchers.workflowHint')}
          </Typography.Paragraph>
        </Form>
      </Card>
    </>
  );
}
