import { Button, Card, Col, DatePicker, Form, Input, Row, Space, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useDepartmentOptions } from '../common/departments';
import { useMutationFeedback } from '../graphql/errors';
import { documentPath } from '../common/documents';
import { newIdempotencyKey } from '../common/idempotency';
import { nowInShanghai } from '../i18n/time';
import { CreatePurchaseReceiptMutation, CreateSalesOrderMutation } from './operations';
import { CustomerSelect, SupplierSelect, WarehouseSelect } from '../common/selects';
import { EMPTY_LINE, LinesTotals, PricedLinesEditor, type PricedLineValues } from './LinesEditor';

interface FormValues {
  departmentId?: string;
  customerId?: string;
  supplierId?: string;
  warehouseId?: string;
  supplierInvoiceNo?: string;
  date: Dayjs;
  lines: PricedLineValues[];
}

function pricedLines(lines: PricedLineValues[]) {
  return lines.map((l) => ({
    productId: l.productId ?? '',
    quantity: String(l.quantity ?? ''),
    unitPrice: String(l.unitPrice ?? ''),
    taxRate: String(l.taxRate ?? ''),
  }));
}

/** 新建销售订单 / 新建采购入库: header, priced lines with live amounts, errors on the line at fault. */
export default function DocumentFormPage({ kind }: { kind: 'salesOrder' | 'purchaseReceipt' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<FormValues>();
  const [{ fetching: creatingOrder }, createOrder] = useMutation(CreateSalesOrderMutation);
  const [{ fetching: creatingReceipt }, createReceipt] = useMutation(CreatePurchaseReceiptMutation);
  const can = useCan();
  // Finance enters documents for any department; everyone else for their own.
  const anyDepartment = can('OPERATIONS_ALL_DEPARTMENTS');
  const { options: departments } = useDepartmentOptions();

  const submit = async (values: FormValues) => {
    const date = values.date.format('YYYY-MM-DD');
    const idempotencyKey = newIdempotencyKey();
    if (kind === 'salesOrder') {
      const outcome = await createOrder({
        input: {
          customerId: values.customerId ?? '',
          date,
          lines: pricedLines(values.lines),
          departmentId: values.departmentId ?? null,
          idempotencyKey,
        },
      });
      const ok = feedback(outcome, outcome.data?.createSalesOrder, form);
      if (ok?.__typename === 'CreateSalesOrderSuccess') navigate(documentPath(ok.salesOrder.id));
    } else {
      const outcome = await createReceipt({
        input: {
          supplierId: values.supplierId ?? '',
          warehouseId: values.warehouseId ?? '',
          supplierInvoiceNo: values.supplierInvoiceNo?.trim() || null,
          departmentId: values.departmentId ?? null,
          date,
          lines: pricedLines(values.lines),
          idempotencyKey,
        },
      });
      const ok = feedback(outcome, outcome.data?.createPurchaseReceipt, form);
      if (ok?.__typename === 'CreatePurchaseReceiptSuccess') navigate(documentPath(ok.purchaseReceipt.id));
    }
  };

  const title = kind === 'salesOrder' ? t('documents.newSalesOrder') : t('documents.newPurchaseReceipt');
  return (
    <>
      <PageHeader title={title} subtitle={t('documents.formHint')} />
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          name={kind}
          initialValues={{ date: nowInShanghai(), lines: [{ ...EMPTY_LINE }] }}
          onFinish={(v) => void submit(v)}
          data-testid="document-form"
        >
          <Row gutter={16}>
            {kind === 'salesOrder' ? (
              <Col xs={24} md={anyDepartment ? 10 : 8}>
                <Form.Item name="customerId" label={t('documents.customer')} rules={[{ required: true, message: t('documents.customerRequired') }]}>
                  <CustomerSelect />
                </Form.Item>
              </Col>
            ) : (
              <>
                <Col xs={24} md={anyDepartment ? 6 : 8}>
                  <Form.Item name="supplierId" label={t('documents.supplier')} rules={[{ required: true, message: t('documents.supplierRequired') }]}>
                    <SupplierSelect />
                  </Form.Item>
                </Col>
                <Col xs={24} md={anyDepartment ? 4 : 5}>
                  <Form.Item name="warehouseId" label={t('documents.warehouse')} rules={[{ required: true, message: t('documents.warehouseRequired') }]}>
                    <WarehouseSelect />
                  </Form.Item>
                </Col>
                <Col xs={24} md={anyDepartment ? 4 : 5}>
                  <Form.Item name="supplierInvoiceNo" label={t('documents.supplierInvoiceNo')}>
                    <Input data-testid="supplier-invoice-no" />
                  </Form.Item>
                </Col>
              </>
            )}
            {anyDepartment && (
              <Col xs={24} md={kind === 'salesOrder' ? 6 : 5}>
                <Form.Item name="departmentId" label={t('documents.department')} extra={t('documents.departmentHint')}>
                  <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeDefaultExpandAll treeData={departments} data-testid="document-department" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={anyDepartment ? (kind === 'salesOrder' ? 8 : 5) : 6}>
              <Form.Item name="date" label={t('documents.date')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} data-testid="document-date" />
              </Form.Item>
            </Col>
          </Row>
          <PricedLinesEditor form={form} />
          <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 16 }} wrap>
            <LinesTotals form={form} />
            <Space>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={creatingOrder || creatingReceipt} data-testid="document-submit">
                {t('documents.submit')}
              </Button>
            </Space>
          </Space>
        </Form>
      </Card>
    </>
  );
}
