import { DatePicker } from 'antd';
import { dayjs, nowInShanghai } from '../i18n/time';

/** The current month in Beijing time, "YYYY-MM". */
export function currentPeriod(): string {
  return nowInShanghai().format('YYYY-MM');
}

export function todayInShanghai(): string {
  return nowInShanghai().format('YYYY-MM-DD');
}

/** A month picker speaking fiscal-period codes ("2026-11"). */
export function PeriodPicker({
  value,
  onChange,
  allowClear = false,
  testId = 'period-picker',
}: {
  value: string | null;
  onChange: (period: string | null) => void;
  allowClear?: boolean;
  testId?: string;
}) {
  return (
    <DatePicker
      picker="month"
      allowClear={allowClear}
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => onChange(d ? d.format('YYYY-MM') : null)}
      format="YYYY-MM"
      data-testid={testId}
      style={{ width: 140 }}
    />
  );
}
