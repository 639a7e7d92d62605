import type { ReactNode } from 'react';
import { Typography } from 'antd';
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
