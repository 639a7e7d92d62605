import { useState } from 'react';
import { Card, Select, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { VoucherState } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useConnectionQuery } from '../graphql/pagination';
import { ConnectionTable } from '../common/ConnectionTable';
import { PeriodPicker, currentPeriod } from '../common/PeriodPicker';
import { VoucherStateTag, voucherPath } from '../common/documents';
import { Money } from '../common/Money';
import { VouchersQuery } from './operations';
import { CreateButton } from '../common/actions';

const STATES: readonly VoucherState[] = ['DRAFT', 'REVIEWED', 'POSTED'];

/** 凭证: by period and state, newest first. */
export default function VouchersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [period, setPeriod] = useState<string | null>(currentPeriod());
  const [state, setState] = useState<VoucherState | null>(null);
  const list = useConnectionQuery({ query: VouchersQuery, variables: { first: 20, period, state }, connectionOf: (data) => data.vouchers, requestPolicy: 'cache-and-network' });
  return (
    <>
      <PageHeader
        title={t('nav.vouchers')}
        subtitle={t('vouchers.hint')}
        extra={
          can('LEDGER_PREPARE_VOUCHERS') && <CreateButton label={t('vouchers.new')} testId="voucher-create" to="/vouchers/new" />
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <PeriodPicker
            allowClear
            value={period}
            onChange={(p) => {
              setPeriod(p);
              list.pager.reset();
            }}
          />
          <Select<VoucherState | 'ALL'>
            value={state ?? 'ALL'}
            style={{ width: 140 }}
            data-testid="voucher-state-filter"
            onChange={(v) => {
              setState(v === 'ALL' ? null : v);
              list.pager.reset();
            }}
            options={[{ value: 'ALL', label: t('common.allStates') }, ...STATES.map((s) => ({ value: s, label: t(`voucherState.${s}`) }))]}
          />
        </Space>
        <ConnectionTable
          {...list.table}
          data-testid="vouchers-table"
          columns={[
            { title: t('vouchers.number'), key: 'number', width: 110, render: (_, v) => <Link to={voucherPath(v.id)}>{v.displayNumber}</Link> },
            { title: t('vouchers.date'), dataIndex: 'date', width: 110 },
            { title: t('vouchers.summary'), dataIndex: 'summary', ellipsis: true },
            { title: t('vouchers.origin'), key: 'origin', width: 100, render: (_, v) => <Tag bordered={false}>{t(`voucherOrigin.${v.origin}`)}</Tag> },
            { title: t('vouchers.debit'), key: 'debit', align: 'right', render: (_, v) => <Money value={v.totalDebit} symbol={false} /> },
            { title: t('vouchers.credit'), key: 'credit', align: 'right', render: (_, v) => <Money value={v.totalCredit} symbol={false} /> },
            { title: t('vouchers.preparer'), key: 'preparer', render: (_, v) => v.preparer?.displayName ?? t('common.system') },
            { title: t('common.status'), key: 'state', width: 90, render: (_, v) => <VoucherStateTag state={v.state} /> },
          ]}
        />
      </Card>
    </>
  );
}
