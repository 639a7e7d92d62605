import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AccountLedgerQuery as AccountLedgerResult } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { PeriodPicker, currentPeriod } from '../common/PeriodPicker';
import { voucherPath } from '../common/documents';
import { formatLedgerAmount, formatMoney, isZero } from '../common/decimal';
import { AccountLedgerQuery } from './operations';
import { AccountSelect } from './AccountSelect';
import styles from './ledger.module.css';
import { ReportTable } from './ReportTable';

type Entry = NonNullable<AccountLedgerResult['accountLedger']>['entries']['edges'][number]['node'];
type Side = 'DEBIT' | 'CREDIT' | 'NONE';

interface Row {
  key: string;
  kind: 'opening' | 'entry' | 'total' | 'closing';
  date?: string;
  voucher?: Entry['voucher'];
  summary?: string;
  debit?: string;
  credit?: string;
  side?: Side;
  balance?: string;
}

const PAGE_SIZE = 100;

/** The side a balance is on: 借 when the debit is not zero, 贷 when the credit is not, else 平. */
function balanceSide(debit: string, credit: string): { side: Side; balance: string } {
  if (!isZero(debit)) return { side: 'DEBIT', balance: debit };
  if (!isZero(credit)) return { side: 'CREDIT', balance: credit };
  return { side: 'NONE', balance: '0' };
}

/** 明细账: each voucher line of an account in a period, with the running balance after it. */
export default function AccountLedgerPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  // `?account=` is how a search result names the account; `?accountId=` what the page writes.
  const accountId = params.get('accountId') ?? params.get('account') ?? undefined;
  const period = params.get('period') ?? currentPeriod();
  // Earlier pages of entries, kept while "load more" fetches the next one.
  const [earlier, setEarlier] = useState<{ key: string; entries: Entry[]; after: string | null }>({ key: '', entries: [], after: null });
  const viewKey = `${accountId ?? ''}|${period}`;
  const after = earlier.key === viewKey ? earlier.after : null;
  const loaded = earlier.key === viewKey ? earlier.entries : [];

  const [{ data, fetching, error, operation }] = useQuery({
    query: AccountLedgerQuery,
    pause: !accountId,
    variables: { accountId: accountId ?? '', period, first: PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  // urql keeps the last result while the next loads; show it only when it answers these variables.
  const vars = operation?.variables as { accountId?: string; period?: string; after?: string | null } | undefined;
  const answers = vars?.accountId === accountId && vars?.period === period && (vars?.after ?? null) === after;
  const ledger = accountId && answers ? data?.accountLedger : undefined;
  const current = ledger?.entries.edges.map((e) => e.node) ?? [];
  const entries = [...loaded, ...current];
  const hasMore = ledger?.entries.pageInfo.hasNextPage ?? false;

  const update = (next: { accountId?: string; period?: string }) => {
    const merged = new URLSearchParams(params);
    if (accountId) merged.set('accountId', accountId);
    merged.delete('account');
    if (next.accountId !== undefined) merged.set('accountId', next.accountId);
    if (next.period !== undefined) merged.set('period', next.period);
    if (!merged.get('period')) merged.set('period', period);
    setParams(merged, { replace: true });
  };

  const rows: Row[] = [];
  if (ledger) {
    rows.push({ key: 'opening', kind: 'opening', summary: t('accountLedger.opening'), ...balanceSide(ledger.openingDebit, ledger.openingCredit) });
    entries.forEach((e, i) =>
      rows.push({
        key: `e-${i}-${e.line.id}`,
        kind: 'entry',
        date: e.date,
        voucher: e.voucher,
        summary: e.line.summary,
        debit: e.line.debit,
        credit: e.line.credit,
        ...balanceSide(e.balanceDebit, e.balanceCredit),
      }),
    );
    if (!hasMore) {
      rows.push({ key: 'total', kind: 'total', summary: t('accountLedger.periodTotal'), debit: ledger.debit, credit: ledger.credit });
      rows.push({ key: 'closing', kind: 'closing', summary: t('accountLedger.closing'), ...balanceSide(ledger.closingDebit, ledger.closingCredit) });
    }
  }

  const strong = (r: Row) => r.kind !== 'entry';
  const amount = (r: Row, v: string | undefined, testId: string) =>
    v === undefined ? '' : (
      <Typography.Text strong={strong(r)} className={styles.amount} data-testid={testId}>
        {r.kind === 'entry' ? formatLedgerAmount(v) : formatMoney(v)}
      </Typography.Text>
    );
  const columns: TableColumnsType<Row> = [
    { title: t('accountLedger.date'), key: 'date', width: 110, render: (_, r) => r.date ?? '' },
    {
      title: t('accountLedger.voucher'),
      key: 'voucher',
      width: 100,
      render: (_, r) =>
        r.voucher ? (
          <Link to={voucherPath(r.voucher.id)} data-testid="ledger-voucher">
            {r.voucher.displayNumber}
          </Link>
        ) : (
          ''
        ),
    },
    { title: t('accountLedger.summary'), key: 'summary', render: (_, r) => <Typography.Text strong={strong(r)}>{r.summary}</Typography.Text> },
    { title: t('accountLedger.debit'), key: 'debit', align: 'right', width: 140, render: (_, r) => amount(r, r.debit, 'ledger-debit') },
    { title: t('accountLedger.credit'), key: 'credit', align: 'right', width: 140, render: (_, r) => amount(r, r.credit, 'ledger-credit') },
    {
      title: t('accountLedger.direction'),
      key: 'side',
      align: 'center',
      width: 70,
      render: (_, r) => (r.side ? <span data-testid="ledger-side">{t(`accountLedger.side.${r.side}`)}</span> : ''),
    },
    {
      title: t('accountLedger.balance'),
      key: 'balance',
      align: 'right',
      width: 150,
      render: (_, r) =>
        r.balance === undefined ? '' : (
          <Typography.Text strong={strong(r)} className={styles.amount} data-testid="ledger-balance">
            {formatMoney(r.balance)}
          </Typography.Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.accountLedger')} subtitle={t('accountLedger.hint')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t('accountLedger.accountLabel')}</span>
          <div style={{ minWidth: 200 }}>
            <AccountSelect value={accountId} onChange={(v) => update({ accountId: v })} testId="ledger-account" />
          </div>
          <span>{t('accountLedger.periodLabel')}</span>
          <PeriodPicker value={period} onChange={(p) => p && update({ period: p })} />
          {ledger && (
            <Typography.Text type="secondary" data-testid="ledger-title">
              {ledger.account.code} {ledger.account.name} · {t('accountLedger.count', { count: ledger.entries.totalCount })}
            </Typography.Text>
          )}
        </Space>
        {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
        <ReportTable<Row>
          rowKey="key"
          loading={fetching}
          columns={columns}
          dataSource={rows}
          data-testid="account-ledger"
          rowClassName={(r) => (r.kind === 'entry' ? '' : styles.totalRow)}
          onRow={(r) => ({ 'data-testid': `ledger-row-${r.kind}` }) as React.HTMLAttributes<HTMLElement>}
          scroll={{ x: 'max-content' }}
        />
        {hasMore && ledger && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button
              data-testid="ledger-load-more"
              loading={fetching}
              onClick={() => setEarlier({ key: viewKey, entries, after: ledger.entries.pageInfo.endCursor ?? null })}
            >
              {t('accountLedger.loadMore')}
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
