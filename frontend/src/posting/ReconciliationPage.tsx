import { useState } from 'react';
import { Card, Collapse, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { PeriodPicker, currentPeriod } from '../common/PeriodPicker';
import { DocumentSourceLink, voucherPath } from '../common/documents';
import { formatMoney } from '../common/decimal';
import { ReconciliationQuery } from './operations';

/** 对账: each check passes or lists its exceptions, with the documents behind them. */
export default function ReconciliationPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(currentPeriod());
  const [{ data, fetching, error }] = useQuery({ query: ReconciliationQuery, variables: { period }, requestPolicy: 'network-only' });
  const rec = data?.reconciliation;
  return (
    <>
      <PageHeader
        title={t('nav.reconciliation')}
        subtitle={t('reconciliation.hint')}
        extra={<PeriodPicker value={period} onChange={(p) => p && setPeriod(p)} />}
      />
      <Card loading={fetching && !rec}>
        {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
        {rec && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space data-testid="reconciliation-result">
              {rec.passed ? <Tag color="green">{t('reconciliation.allPassed')}</Tag> : <Tag color="red">{t('reconciliation.someFailed')}</Tag>}
              <Typography.Text type="secondary">
                {t('reconciliation.summary', { period: rec.period, count: rec.checks.length, failed: rec.checks.filter((c) => !c.passed).length })}
              </Typography.Text>
            </Space>
            <Collapse
              data-testid="reconciliation-checks"
              items={rec.checks.map((c) => ({
                key: c.code,
                label: (
                  <Space data-testid={`check-${c.code}`}>
                    {c.passed ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
                    <Typography.Text strong>{c.name}</Typography.Text>
                    <Typography.Text type="secondary">{c.code}</Typography.Text>
                    {!c.passed && <Tag color="red">{t('reconciliation.exceptions', { count: c.exceptions.length })}</Tag>}
                  </Space>
                ),
                children: c.exceptions.length ? (
                  <Table
                    rowKey={(_, i) => String(i)}
                    size="small"
                    pagination={false}
                    dataSource={c.exceptions}
                    columns={[
                      { title: t('reconciliation.message'), dataIndex: 'message' },
                      { title: t('reconciliation.expected'), key: 'e', align: 'right', render: (_, x) => (x.expected ? formatMoney(x.expected) : '—') },
                      { title: t('reconciliation.actual'), key: 'a', align: 'right', render: (_, x) => (x.actual ? formatMoney(x.actual) : '—') },
                      {
                        title: t('reconciliation.documents'),
                        key: 'docs',
                        render: (_, x) => (
                          <Space wrap>
                            {x.vouchers.map((v) => (
                              <Link key={v.id} to={voucherPath(v.id)}>
                                {v.displayNumber}
                              </Link>
                            ))}
                            {x.documents.map((d, i) => (
                              <DocumentSourceLink key={d.document?.id ?? `${d.type}-${i}`} source={d} />
                            ))}
                          </Space>
                        ),
                      },
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('reconciliation.noExceptions')}</Typography.Text>
                ),
              }))}
            />
          </Space>
        )}
      </Card>
    </>
  );
}
