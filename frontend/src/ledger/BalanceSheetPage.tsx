import { useState } from 'react';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { currentPeriod } from '../common/PeriodPicker';
import { BalanceSheetQuery } from './operations';
import { StatementFigure, StatementName, StatementPage, type StatementLineData } from './statementLines';
import styles from './ledger.module.css';
import { ReportTable } from './ReportTable';

/** Lines 1–16 are 资产, lines 17–34 负债和所有者权益 (small-enterprise layout). */
const LAST_ASSET_LINE = 16;

interface Pair {
  key: number;
  left: StatementLineData | undefined;
  right: StatementLineData | undefined;
}

export function trialBalancePath(period: string, accounts: readonly string[]): string {
  const params = new URLSearchParams({ period });
  if (accounts.length) params.set('accounts', accounts.join(','));
  return `/trial-balance?${params.toString()}`;
}

/** 资产负债表 in the standard two-column layout; a figure drills into the trial balance. */
export default function BalanceSheetPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(currentPeriod());
  const [{ data, fetching, error }] = useQuery({ query: BalanceSheetQuery, variables: { period }, requestPolicy: 'cache-and-network' });
  const lines = data?.balanceSheet?.lines ?? [];
  const assets = lines.filter((l) => l.number <= LAST_ASSET_LINE);
  const claims = lines.filter((l) => l.number > LAST_ASSET_LINE);
  const pairs: Pair[] = Array.from({ length: Math.max(assets.length, claims.length) }, (_, i) => ({ key: i, left: assets[i], right: claims[i] }));

  const figure = (l: StatementLineData | undefined, which: 'current' | 'comparative') => {
    if (!l) return '';
    return (
      <StatementFigure
        line={l}
        value={l[which]}
        testId={`bs-${which}-${l.number}`}
        link={
          which === 'current' && l.accounts.length
            ? (body) => (
                <Link to={trialBalancePath(period, l.accounts)} className={styles.figure} data-testid={`bs-drill-${l.number}`}>
                  {body}
                </Link>
              )
            : undefined
        }
      />
    );
  };
  const side = (pick: (p: Pair) => StatementLineData | undefined, title: string, prefix: string): TableColumnsType<Pair>[number] => ({
    title,
    children: [
      { title: t('statements.item'), key: `${prefix}-name`, render: (_, p) => { const l = pick(p); return l ? <StatementName line={l} /> : ''; } },
      { title: t('statements.number'), key: `${prefix}-no`, align: 'center', width: 60, render: (_, p) => pick(p)?.number ?? '' },
      { title: t('statements.closing'), key: `${prefix}-cur`, align: 'right', width: 150, render: (_, p) => figure(pick(p), 'current') },
      { title: t('statements.yearStart'), key: `${prefix}-cmp`, align: 'right', width: 150, render: (_, p) => figure(pick(p), 'comparative') },
    ],
  });
  return (
    <StatementPage title={t('nav.balanceSheet')} hint={t('statements.balanceHint')} period={period} onPeriodChange={setPeriod} error={error?.message}>
      <ReportTable<Pair>
        rowKey="key"
        loading={fetching}
        dataSource={pairs}
        data-testid="balance-sheet"
        scroll={{ x: 'max-content' }}
        columns={[side((p) => p.left, t('statements.assets'), 'a'), side((p) => p.right, t('statements.liabilitiesAndEquity'), 'l')]}
      />
    </StatementPage>
  );
}
