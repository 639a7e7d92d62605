import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fenToText, lineAmounts } from '../common/decimal';
import { MoneyInput } from '../common/Money';
import { FormListTable } from '../common/FormListTable';
import { ProductSelect } from '../common/selects';

export interface PricedLineValues {
  productId?: string;
  quantity?: string;
  unitPrice?: string;
  taxRate?: string;
}

export const TAX_RATES = ['0.13', '0.09', '0.06', '0.03', '0'] as const;

export const EMPTY_LINE: PricedLineValues = { taxRate: '0.13' };

function LineFigures({ form, index }: { form: FormInstance; index: number }) {
  const line = Form.useWatch(['lines', index], form) as PricedLineValues | undefined;
  const amounts = line ? lineAmounts(line.quantity, line.unitPrice, line.taxRate) : null;
  const cell = (fen: bigint | undefined, key: string) => (
    <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`line-${index}-${key}`}>
      {fen === undefined ? '—' : fenToText(fen)}
    </Typography.Text>
  );
  return { net: cell(amounts?.net, 'net'), tax: cell(amounts?.tax, 'tax'), gross: cell(amounts?.gross, 'gross') };
}

function Figure({ form, index, part }: { form: FormInstance; index: number; part: 'net' | 'tax' | 'gross' }) {
  return LineFigures({ form, index })[part];
}

/** Document totals, live while typing. */
export function LinesTotals({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const lines = (Form.useWatch('lines', form) as PricedLineValues[] | undefined) ?? [];
  let net = 0n;
  let tax = 0n;
  for (const line of lines) {
    const amounts = line ? lineAmounts(line.quantity, line.unitPrice, line.taxRate) : null;
    if (amounts) {
      net += amounts.net;
      tax += amounts.tax;
    }
  }
  return (
    <Space size={20} data-testid="lines-totals" style={{ fontVariantNumeric: 'tabular-nums' }}>
      <span>
        {t('documents.totalNet')} <b>{fenToText(net, true)}</b>
      </span>
      <span>
        {t('documents.totalTax')} <b>{fenToText(tax, true)}</b>
      </span>
      <span>
        {t('documents.totalGross')} <b>{fenToText(net + tax, true)}</b>
      </span>
    </Space>
  );
}

/** Product, quantity, unit price and tax rate per line, with net/tax/gross computed half-up to the fen. */
export function PricedLinesEditor({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="lines"
      rules={[
        {
          validator: async (_, lines: unknown[] | undefined) => {
            if (!lines || lines.length === 0) throw new Error(t('documents.linesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <FormListTable
            fields={fields}
            testId="lines-editor"
            columns={[
              {
                title: t('documents.product'),
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'productId']}
                    rules={[{ required: true, message: t('documents.productRequired') }]}
                    style={{ margin: 0 }}
                  >
                    <ProductSelect testId={`line-${field.name}-product`} />
                  </Form.Item>
                ),
              },
              {
                title: t('documents.quantity'),
                width: 130,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'quantity']}
                    rules={[{ required: true, message: t('documents.quantityRequired') }]}
                    style={{ margin: 0 }}
                  >
                    <InputNumber<string> stringMode min="0" style={{ width: '100%' }} data-testid={`line-${field.name}-quantity`} />
                  </Form.Item>
                ),
              },
              {
                title: t('documents.unitPrice'),
                width: 150,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'unitPrice']}
                    rules={[{ required: true, message: t('documents.priceRequired') }]}
                    style={{ margin: 0 }}
                  >
                    <MoneyInput min="0" data-testid={`line-${field.name}-price`} />
                  </Form.Item>
                ),
              },
              {
                title: t('documents.taxRate'),
                width: 100,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'taxRate']} rules={[{ required: true }]} style={{ margin: 0 }}>
                    <Select
                      data-testid={`line-${field.name}-tax-rate`}
                      options={TAX_RATES.map((r) => ({ value: r, label: `${Math.round(Number(r) * 100)}%` }))}
                    />
                  </Form.Item>
                ),
              },
              { title: t('documents.net'), align: 'right', width: 130, render: (_, field) => <Figure form={form} index={field.name} part="net" /> },
              { title: t('documents.tax'), align: 'right', width: 120, render: (_, field) => <Figure form={form} index={field.name} part="tax" /> },
              { title: t('documents.gross'), align: 'right', width: 130, render: (_, field) => <Figure form={form} index={field.name} part="gross" /> },
              {
                title: '',
                width: 48,
                render: (_, field) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ ...EMPTY_LINE })}
            style={{ marginTop: 8 }}
            data-testid="line-add"
          >
            {t('documents.addLine')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
