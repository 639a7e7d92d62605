import { useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { currentPeriod } from '../common/PeriodPicker';
import { IncomeStatementQuery } from './operations';
import { StatementFigure, StatementName, StatementPage, type StatementLineData } from './statementLines';
import { ReportTable } from './ReportTable';

/** 利润表: this month and the year to date, line by line. */
export default function IncomeStatementPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(currentPeriod());
  const [{ data, fetching, error }] = useQuery({ query: IncomeStatementQuery, variables: { period }, requestPolicy: 'cache-and-network' });
  return (
    <StatementPage title={t('nav.incomeStatement')} hint={t('statements.incomeHint')} period={period} onPeriodChange={setPeriod} error={error?.message}>
      <ReportTable<StatementLineData>
        rowKey="number"
        loading={fetching}
        dataSource={data?.incomeStatement?.lines ?? []}
        data-testid="income-statement"
        onRow={(l) => ({ 'data-testid': `is-line-${l.number}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('statements.item'), key: 'name', render: (_, l) => <StatementName line={l} /> },
          { title: t('statements.number'), dataIndex: 'number', align: 'center', width: 70 },
          { title: t('statements.current'), key: 'current', align: 'right', width: 170, render: (_, l) => <StatementFigure line={l} value={l.current} testId="is-current" /> },
          { title: t('statements.yearToDate'), key: 'ytd', align: 'right', width: 170, render: (_, l) => <StatementFigure line={l} value={l.comparative} testId="is-comparative" /> },
        ]}
      />
    </StatementPage>
  );
}
