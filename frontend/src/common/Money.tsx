import { Typography } from 'antd';
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
