import { Button, Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/time';

type Row = Record<string, unknown>;

const COLUMNS: Record<string, string[]> = {
  RECEIVABLES_BY_CUSTOMER: ['code', 'name', 'amount'],
  STOCK_BY_WAREHOUSE: ['code', 'name', 'value'],
  TRIAL_BALANCE: ['code', 'name', 'opening', 'debit', 'credit', 'closing'],
};
const AMOUNTS = new Set(['amount', 'value', 'opening', 'debit', 'credit', 'closing']);

/** 数据快照: the figures frozen at publication (exact decimal strings, shown as they are), and the live figures' link. */
export function SnapshotView({ snapshot }: { snapshot: Row }) {
  const { t } = useTranslation();
  const kind = String(snapshot.kind ?? '');
  const keys = COLUMNS[kind] ?? [];
  const rows = (Array.isArray(snapshot.rows) ? snapshot.rows : []) as Row[];
  const taken = typeof snapshot.takenAt === 'string' ? snapshot.takenAt : null;
  const link = typeof snapshot.link === 'string' ? snapshot.link : null;
  return (
    <Card
      size="small"
      title={`${t(`snapshotKind.${kind}` as 'snapshotKind.TRIAL_BALANCE')} · ${t('sharing.snapshotTaken', { time: formatDateTime(taken) })}`}
      extra={link && <Link to={link}><Button size="small">{t('sharing.liveFigures')}</Button></Link>}
      data-testid="snapshot"
    >
      <Table<Row>
        size="small"
        pagination={false}
        rowKey={(r) => String(r.code ?? r.name ?? JSON.stringify(r))}
        dataSource={rows}
        columns={keys.map((k) => ({ title: k, dataIndex: k, align: AMOUNTS.has(k) ? 'right' : 'left', render: (v: unknown) => String(v ?? '') }))}
        summary={() =>
          typeof snapshot.total === 'string' ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={Math.max(1, keys.length - 1)}>
                {t('sharing.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong data-testid="snapshot-total">{snapshot.total}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}
