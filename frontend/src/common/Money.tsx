import { InputNumber, Typography } from 'antd';
import type { InputNumberProps } from 'antd';
import { formatMoney, formatQuantity } from './decimal';

/** Right-aligned, tabular money: "¥11,300.00". */
export function Money({ value, symbol = true, strong }: { value: string | null | undefined; symbol?: boolean; strong?: boolean }) {
  return (
    <Typography.Text strong={strong} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatMoney(value, { symbol })}
    </Typography.Text>
  );
}

export function Quantity({ value }: { value: string | null | undefined }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatQuantity(value)}</span>;
}

/** An amount typed in yuan, kept as a decimal string with two decimals (at least ¥0.01 unless `min` says otherwise). */
export function MoneyInput({ symbol = true, min = '0.01', ...props }: Omit<InputNumberProps<string>, 'stringMode' | 'precision'> & { symbol?: boolean }) {
  return <InputNumber<string> stringMode min={min} precision={2} prefix={symbol ? '¥' : undefined} style={{ width: '100%' }} {...props} />;
}
