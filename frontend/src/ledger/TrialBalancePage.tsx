import { useState } from 'react';
import { Card, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dimension, Direction, TrialBalanceQuery as TrialBalanceResult } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useConnectionQuery } from '../graphql/pagination';
import { ConnectionTable } from '../common/ConnectionTable';
import { PeriodPicker, currentPeriod } from '../common/PeriodPicker';
import { documentPath, voucherPath } from '../common/documents';
import { formatLedgerAmount, formatMoney } from '../common/decimal';
import { TrialBalanceQuery, VoucherLinesQuery } from './operations';
import { DIMENSIONS, dimensionValueName } from './dimensions';
import styles from './ledger.module.css';
import { ReportTable } from './ReportTable';

type Row = NonNullable<TrialBalanceResult['trialBalance']>['rows'][number];
type Side = Direction;

interface Drill {
  account: Row['account'];
  side: Side;
  dimensionValue: string | null;
}

function DrillDown({ drill, period, dimension, onClose }: { drill: Drill | null; period: string; dimension: Dimension | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lines = useConnectionQuery({
    query: VoucherLinesQuery,
    pause: !drill,
    connectionOf: (data) => data.voucherLines,
    variables: {
      accountId: drill?.account.id ?? '',
      period,
      side: drill?.side ?? null,
      dimension: drill?.dimensionValue ? dimension : null,
      dimensionValue: drill?.dimensionValue ?? null,
      first: 50,
    },
  });
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      width={920}
      title={drill ? t('trialBalance.drillTitle', { code: drill.account.code, name: drill.account.name, side: t(`trialBalance.side.${drill.side}`), period }) : ''}
      destroyOnHidden
      data-testid="drill-down"
    >
      <ConnectionTable
        {...lines.table}
        size="small"
        bordered
        data-testid="drill-lines"
        columns={[
          { title: t('vouchers.date'), key: 'date', width: 100, render: (_, l) => l.voucher.date },
          { title: t('vouchers.number'), key: 'voucher', width: 90, render: (_, l) => <Link to={voucherPath(l.voucher.id)} data-testid="drill-voucher">{l.voucher.displayNumber}</Link> },
          { title: t('vouchers.account'), key: 'account', render: (_, l) => `${l.account.code} ${l.account.name}` },
          { title: t('vouchers.summary'), dataIndex: 'summary' },
          { title: t('vouchers.debit'), key: 'debit', align: 'right', className: styles.amount, render: (_, l) => formatLedgerAmount(l.debit) },
          { title: t('vouchers.credit'), key: 'credit', align: 'right', className: styles.amount, render: (_, l) => formatLedgerAmount(l.credit) },
          {
            title: t('vouchers.document'),
            key: 'document',
            render: (_, l) =>
              l.source?.document ? (
                <Link to={documentPath(l.source.document.id)} data-testid="drill-document">
                  {l.source.document.number}
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Drawer>
  );
}

export function accountLedgerPath(accountId: string, period: string): string {
  return `/account-ledger?${new URLSearchParams({ accountId, period }).toString()}`;
}

/** 科目余额表: opening, period and closing amounts on their 借/贷 side, with drill-down from each period figure. */
export default function TrialBalancePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [period, setPeriod] = useState(() => params.get('period') || currentPeriod());
  // A balance sheet line drills in with its first-level accounts: show only those and their sub-accounts.
  const only = (params.get('accounts') ?? '').split(',').filter(Boolean);
  const [dimension, setDimension] = useState<Dimension | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: TrialBalanceQuery, variables: { period, dimension }, requestPolicy: 'cache-and-network' });
  const tb = data?.trialBalance;
  const rows = (tb?.rows ?? []).filter((r) => !only.length || only.some((code) => r.account.code.startsWith(code)));

  const figure = (row: Row, side: Side) => {
    const value = side === 'DEBIT' ? row.debit : row.credit;
    const text = formatLedgerAmount(value);
    if (!text) return '';
    return (
      <a
        className={styles.figure}
        data-testid={`tb-${side === 'DEBIT' ? 'debit' : 'credit'}-${row.account.code}`}
        onClick={() => setDrill({ account: row.account, side, dimensionValue: row.dimensionValue })}
      >
        {text}
      </a>
    );
  };
  const amount = (v: string) => <span className={styles.amount}>{formatLedgerAmount(v)}</span>;
  const columns: TableColumnsType<Row> = [
    {
      title: t('trialBalance.account'),
      key: 'account',
      fixed: 'left',
      width: 300,
      render: (_, r) => (
        <span style={{ paddingLeft: (r.account.level - 1) * 20 }} data-testid="tb-account">
          <Typography.Text strong={r.account.level === 1}>{r.account.code}</Typography.Text>{' '}
          <Link to={accountLedgerPath(r.account.id, period)} data-testid={`tb-ledger-${r.account.code}`}>
            {r.account.name}
          </Link>
        </span>
      ),
    },
    ...(dimension
      ? [{ title: t(`dimension.${dimension}`), key: 'dim', render: (_: unknown, r: Row) => dimensionValueName(r) }]
      : []),
    {
      title: t('trialBalance.opening'),
      children: [
        { title: t('trialBalance.debit'), key: 'od', align: 'right', width: 130, render: (_, r) => amount(r.openingDebit) },
        { title: t('trialBalance.credit'), key: 'oc', align: 'right', width: 130, render: (_, r) => amount(r.openingCredit) },
      ],
    },
    {
      title: t('trialBalance.period'),
      children: [
        { title: t('trialBalance.debit'), key: 'd', align: 'right', width: 130, render: (_, r) => figure(r, 'DEBIT') },
        { title: t('trialBalance.credit'), key: 'c', align: 'right', width: 130, render: (_, r) => figure(r, 'CREDIT') },
      ],
    },
    {
      title: t('trialBalance.closing'),
      children: [
        { title: t('trialBalance.debit'), key: 'cd', align: 'right', width: 130, render: (_, r) => amount(r.closingDebit) },
        { title: t('trialBalance.credit'), key: 'cc', align: 'right', width: 130, render: (_, r) => amount(r.closingCredit) },
      ],
    },
  ];
  const offset = dimension ? 2 : 1;
  return (
    <>
      <PageHeader title={t('nav.trialBalance')} subtitle={t('trialBalance.hint')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t('trialBalance.periodLabel')}</span>
          <PeriodPicker value={period} onChange={(p) => p && setPeriod(p)} />
          <span>{t('trialBalance.dimensionLabel')}</span>
          <Select<Dimension | 'NONE'>
            value={dimension ?? 'NONE'}
            style={{ width: 140 }}
            data-testid="tb-dimension"
            onChange={(v) => setDimension(v === 'NONE' ? null : v)}
            options={[{ value: 'NONE', label: t('trialBalance.noDimension') }, ...DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`) }))]}
          />
          {only.length > 0 && (
            <Tag
              closable
              data-testid="tb-accounts-filter"
              onClose={() => {
                const next = new URLSearchParams(params);
                next.delete('accounts');
                setParams(next, { replace: true });
              }}
            >
              {t('trialBalance.onlyAccounts', { codes: only.join('、') })}
            </Tag>
          )}
        </Space>
        {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
        <ReportTable<Row>
          rowKey={(r) => `${r.account.id}-${r.dimensionValue ?? ''}`}
          loading={fetching}
          columns={columns}
          dataSource={rows}
          data-testid="trial-balance"
          scroll={{ x: 'max-content' }}
          summary={() =>
            tb && !only.length ? (
              <Table.Summary fixed>
                <Table.Summary.Row className={styles.totalRow} data-testid="tb-totals">
                  <Table.Summary.Cell index={0} colSpan={offset}>
                    <Typography.Text strong>{t('trialBalance.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  {[tb.totalOpeningDebit, tb.totalOpeningCredit, tb.totalDebit, tb.totalCredit, tb.totalClosingDebit, tb.totalClosingCredit].map((v, i) => (
                    <Table.Summary.Cell key={i} index={offset + i} align="right">
                      <Typography.Text strong className={styles.amount}>{formatMoney(v)}</Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
      <DrillDown drill={drill} period={period} dimension={dimension} onClose={() => setDrill(null)} />
    </>
  );
}
