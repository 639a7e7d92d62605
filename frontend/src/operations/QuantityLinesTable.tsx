import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatQuantity, formatScaled, parseDecimal } from '../common/decimal';
import { FormListTable } from '../common/FormListTable';

/** A document line a quantity is taken from: an order line to deliver, a delivery line to return. */
export interface QuantityLine {
  id: string;
  lineNo: number;
  quantity: string;
  product: { name: string; unit: string };
}

/** `quantity` less what was already taken (`done`), scaled by 10⁴ like the server's quantities. */
export function openQuantity(quantity: string, done: string | null): bigint {
  return (parseDecimal(quantity, 4) ?? 0n) - (parseDecimal(done ?? '0', 4) ?? 0n);
}

/** A scaled quantity as the input takes it: "2.5", no thousands separators. */
export function quantityInput(scaled: bigint): string {
  return formatQuantity(formatScaled(scaled, 4, 4)).replace(/,/g, '');
}

interface Props<L extends QuantityLine> {
  /** The rows, in the order of the form's `lines`: the server's `lines[i]` names row i. */
  lines: readonly L[];
  /** What can still be taken from a line. */
  available: (line: L) => bigint;
  availableTitle: string;
  quantityTitle: string;
  quantityWidth: number;
  /** Test ids `<testId>-line-<i>-quantity`. */
  testId: string;
  disabled?: boolean;
  required?: boolean;
}

/**
 * The `lines` list of a deliver or return form: line, product, what is left, and the
 * quantity to take now. Errors on `lines[i].quantity` land on row i.
 */
export function QuantityLinesTable<L extends QuantityLine>({
  lines,
  available,
  availableTitle,
  quantityTitle,
  quantityWidth,
  testId,
  disabled,
  required,
}: Props<L>) {
  const { t } = useTranslation();
  return (
    <Form.List name="lines">
      {(fields) => (
        <FormListTable
          fields={fields}
          rowNumber={(f) => lines[f.name]?.lineNo}
          columns={[
            { title: t('documents.product'), render: (_, f) => lines[f.name]?.product.name },
            {
              title: availableTitle,
              align: 'right',
              render: (_, f) => {
                const l = lines[f.name];
                return l ? `${formatQuantity(formatScaled(available(l), 4, 4))} ${l.product.unit}` : '';
              },
            },
            {
              title: quantityTitle,
              width: quantityWidth,
              render: (_, f) => (
                <Form.Item name={[f.name, 'quantity']} style={{ margin: 0 }} rules={required ? [{ required: true }] : undefined}>
                  <InputNumber<string>
                    stringMode
                    min="0"
                    disabled={disabled}
                    style={{ width: '100%' }}
                    data-testid={`${testId}-line-${f.name}-quantity`}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
      )}
    </Form.List>
  );
}
