import type { ReactNode } from 'react';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { PeriodPicker } from '../common/PeriodPicker';
import { formatLedgerAmount } from '../common/decimal';
import styles from './ledger.module.css';

export interface StatementLineData {
  number: number;
  name: string;
  accounts: readonly string[];
  current: string;
  comparative: string;
  total: boolean;
}

/** A statement figure: blank when zero, bold on a total line. */
export function StatementFigure({ line, value, testId, link }: { line: StatementLineData; value: string; testId: string; link?: (text: ReactNode) => ReactNode }) {
  const text = formatLedgerAmount(value);
  const body = (
    <Typography.Text strong={line.total} className={styles.amount} data-testid={testId}>
      {text}
    </Typography.Text>
  );
  return <>{text && link ? link(body) : body}</>;
}

export function StatementName({ line }: { line: StatementLineData }) {
  return (
    <Typography.Text strong={line.total} data-testid="statement-name" style={{ paddingLeft: line.total ? 0 : 16 }}>
      {line.name}
    </Typography.Text>
  );
}

/** A statement page: its title, the period it is for, and the statement's table. */
export function StatementPage({
  title,
  hint,
  period,
  onPeriodChange,
  error,
  children,
}: {
  title: string;
  hint: string;
  period: string;
  onPeriodChange: (period: string) => void;
  error?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} subtitle={hint} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t('statements.periodLabel')}</span>
          <PeriodPicker value={period} onChange={(p) => p && onPeriodChange(p)} />
        </Space>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        {children}
      </Card>
    </>
  );
}
