import { useState } from 'react';
import { Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fromRRule, toRRule, WEEKDAYS, type RecurrenceChoice, type Weekday } from './recurrence';

interface Props {
  value?: string;
  onChange?: (rrule: string) => void;
  id?: string;
}

type Kind = RecurrenceChoice['kind'];

/**
 * The series' recurrence as a form control: weekly on a weekday, monthly on day N, monthly on the
 * Nth working day, every working day (both on the work calendar), or an RRULE typed by hand. Its value is always the RRULE text the server gets.
 */
export function RecurrencePicker({ value = '', onChange, id }: Props) {
  const { t } = useTranslation();
  const parsed = fromRRule(value);
  // The kind the user chose stays chosen even while its text reads as another kind.
  const [kind, setKind] = useState<Kind>(value ? parsed.kind : 'weekly');
  const current: RecurrenceChoice = parsed.kind === kind ? parsed : defaults(kind, value);
  const emit = (choice: RecurrenceChoice) => onChange?.(toRRule(choice));

  return (
    <Space direction="vertical" style={{ width: '100%' }} id={id} data-testid="recurrence-picker">
      <Radio.Group
        value={kind}
        optionType="button"
        onChange={(e) => {
          const next = e.target.value as Kind;
          setKind(next);
          emit(next === 'advanced' ? { kind: 'advanced', rrule: value } : defaults(next, value));
        }}
        options={[
          { value: 'weekly', label: t('series.picker.weekly') },
          { value: 'monthlyDay', label: t('series.picker.monthlyDay') },
          { value: 'monthlyWorkday', label: t('series.picker.monthlyWorkday') },
          { value: 'everyWorkday', label: t('series.picker.everyWorkday') },
          { value: 'advanced', label: <span data-testid="recurrence-advanced">{t('series.picker.advanced')}</span> },
        ]}
      />
      {current.kind === 'weekly' && (
        <Space>
          {t('series.picker.every')}
          <InputNumber min={1} max={8} value={current.interval} onChange={(n) => emit({ ...current, interval: n ?? 1 })} />
          {t('series.picker.weeks')}
          <Select<Weekday>
            style={{ width: 110 }}
            value={current.weekday}
            onChange={(weekday) => emit({ ...current, weekday })}
            options={WEEKDAYS.map((d) => ({ value: d, label: t(`series.weekday.${d}`) }))}
            data-testid="recurrence-weekday"
          />
        </Space>
      )}
      {current.kind === 'monthlyDay' && (
        <Space>
          <InputNumber min={1} max={31} value={current.day} onChange={(n) => emit({ kind: 'monthlyDay', day: n ?? 1 })} data-testid="recurrence-day" />
          {t('series.picker.day')}
        </Space>
      )}
      {current.kind === 'monthlyWorkday' && (
        <Space direction="vertical" size={2}>
          <Space>
            {t('series.picker.workday')}
            <InputNumber min={1} max={23} value={current.n} onChange={(n) => emit({ kind: 'monthlyWorkday', n: n ?? 1 })} data-testid="recurrence-workday" />
          </Space>
          <Typography.Text type="secondary">{t('series.picker.workdayHint')}</Typography.Text>
        </Space>
      )}
      {current.kind === 'everyWorkday' && <Typography.Text type="secondary">{t('series.picker.everyWorkdayHint')}</Typography.Text>}
      {current.kind === 'advanced' && (
        <Input
          value={value}
          placeholder="FREQ=MONTHLY;BYMONTHDAY=5"
          onChange={(e) => onChange?.(e.target.value)}
          data-testid="recurrence-rrule"
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {kind === 'advanced' ? t('series.picker.rruleHint') : <code data-testid="recurrence-text">{value}</code>}
      </Typography.Text>
    </Space>
  );
}

function defaults(kind: Kind, value: string): RecurrenceChoice {
  switch (kind) {
    case 'weekly':
      return { kind, weekday: 'MO', interval: 1 };
    case 'monthlyDay':
      return { kind, day: 5 };
    case 'monthlyWorkday':
      return { kind, n: 5 };
    case 'everyWorkday':
      return { kind };
    case 'advanced':
      return { kind, rrule: value };
  }
}
