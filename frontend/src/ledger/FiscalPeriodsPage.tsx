import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Tag } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useMutationFeedback } from '../graphql/errors';
import { PeriodPicker, currentPeriod } from '../common/PeriodPicker';
import { ConnectionTable } from '../common/ConnectionTable';
import { useConnectionQuery } from '../graphql/pagination';
import { formatDateTime } from '../i18n/time';
import { CloseFiscalPeriodMutation, FiscalPeriodsQuery, OpenFiscalPeriodMutation } from './operations';

/** 会计期间: months open for posting, closed once all their vouchers are posted. */
export default function FiscalPeriodsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [toOpen, setToOpen] = useState<string | null>(currentPeriod());
  const list = useConnectionQuery({
    query: FiscalPeriodsQuery,
    variables: { first: 24 },
    connectionOf: (data) => data.fiscalPeriods,
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: opening }, openPeriod] = useMutation(OpenFiscalPeriodMutation);
  const [, closePeriod] = useMutation(CloseFiscalPeriodMutation);
  const manage = can('LEDGER_MANAGE_PERIODS');
  const { reload } = list;

  const doOpen = async () => {
    if (!toOpen) return;
    const outcome = await openPeriod({ input: { period: toOpen } });
    if (feedback(outcome, outcome.data?.openFiscalPeriod)) {
      void message.success(t('periods.opened', { period: toOpen }));
      reload();
    }
  };
  const doClose = async (period: string) => {
    const outcome = await closePeriod({ input: { period } });
    if (feedback(outcome, outcome.data?.closeFiscalPeriod)) {
      void message.success(t('periods.closed', { period }));
      reload();
    }
  };
  return (
    <>
      <PageHeader
        title={t('nav.fiscalPeriods')}
        subtitle={t('periods.hint')}
        extra={
          manage && (
            <Space>
              <PeriodPicker value={toOpen} onChange={setToOpen} testId="period-to-open" />
              <Button type="primary" loading={opening} onClick={() => void doOpen()} data-testid="period-open">
                {t('periods.open')}
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <ConnectionTable
          {...list.table}
          data-testid="periods-table"
          columns={[
            { title: t('periods.code'), dataIndex: 'code' },
            { title: t('common.status'), key: 'status', render: (_, p) => (p.status === 'OPEN' ? <Tag color="green" bordered={false}>{t('periods.statusOpen')}</Tag> : <Tag bordered={false}>{t('periods.statusClosed')}</Tag>) },
            { title: t('periods.closedAt'), key: 'closedAt', render: (_, p) => formatDateTime(p.closedAt, '—') },
            ...(manage
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, p: { code: string; status: string }) =>
                      p.status === 'OPEN' && (
                        <Popconfirm title={t('periods.closeConfirm', { period: p.code })} onConfirm={() => void doClose(p.code)}>
                          <Button size="small" danger>{t('periods.close')}</Button>
                        </Popconfirm>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
