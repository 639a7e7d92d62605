import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { VoucherQuery as VoucherResult } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { documentPath, DocumentTypeLabel, postingRulePath, voucherPath, VoucherStateTag } from '../common/documents';
import { formatLedgerAmount, formatMoney } from '../common/decimal';
import { formatDateTime } from '../i18n/time';
import {
  DeleteVoucherMutation,
  PostVoucherMutation,
  ReverseVoucherMutation,
  ReviewVoucherMutation,
  UnreviewVoucherMutation,
  VoucherQuery,
} from './operations';
import { DimensionText } from './dimensions';
import styles from './ledger.module.css';
import { NodeFallback } from '../common/NodeFallback';

type Voucher = Extract<NonNullable<VoucherResult['node']>, { displayNumber: string }>;
type Line = Voucher['lines'][number];

/** 记账凭证 as accountants read it: lines, totals, signatures, lineage, and the actions the viewer may take. */
export default function VoucherDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [result, refetch] = useQuery({ query: VoucherQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [{ fetching: reviewing }, review] = useMutation(ReviewVoucherMutation);
  const [{ fetching: unreviewing }, unreview] = useMutation(UnreviewVoucherMutation);
  const [{ fetching: posting }, post] = useMutation(PostVoucherMutation);
  const [{ fetching: reversing }, reverse] = useMutation(ReverseVoucherMutation);
  const [{ fetching: deleting }, remove] = useMutation(DeleteVoucherMutation);
  const node = result.data?.node;
  const voucher = node && 'displayNumber' in node ? (node as Voucher) : null;

  if (!voucher) return <NodeFallback result={result} title={t('vouchers.notFound')} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const input = { input: { id: voucher.id } };

  const act = async (kind: 'review' | 'unreview' | 'post') => {
    let ok: unknown = null;
    if (kind === 'review') {
      const outcome = await review(input);
      ok = feedback(outcome, outcome.data?.reviewVoucher);
    } else if (kind === 'unreview') {
      const outcome = await unreview(input);
      ok = feedback(outcome, outcome.data?.unreviewVoucher);
    } else {
      const outcome = await post(input);
      ok = feedback(outcome, outcome.data?.postVoucher);
    }
    if (ok) {
      void message.success(t(`vouchers.done.${kind}`));
      reload();
    }
  };
  const doReverse = async () => {
    const outcome = await reverse(input);
    const ok = feedback(outcome, outcome.data?.reverseVoucher);
    if (ok?.__typename === 'ReverseVoucherSuccess') {
      void message.success(t('vouchers.done.reverse', { number: ok.voucher.displayNumber }));
      navigate(voucherPath(ok.voucher.id));
    }
  };
  const doDelete = async () => {
    const outcome = await remove(input);
    if (feedback(outcome, outcome.data?.deleteVoucher)) {
      void message.success(t('vouchers.done.delete'));
      navigate('/vouchers');
    }
  };

  const columns: TableColumnsType<Line> = [
    { title: t('vouchers.summary'), dataIndex: 'summary', width: 220 },
    {
      title: t('vouchers.account'),
      key: 'account',
      render: (_, l) => (
        <span data-testid="line-account">
          <Typography.Text strong>{l.account.code}</Typography.Text> {l.account.name}
        </span>
      ),
    },
    { title: t('vouchers.dimensions'), key: 'dims', render: (_, l) => <DimensionText line={l} /> },
    { title: t('vouchers.debit'), key: 'debit', align: 'right', width: 140, className: styles.amount, render: (_, l) => <span data-testid="line-debit">{formatLedgerAmount(l.debit)}</span> },
    { title: t('vouchers.credit'), key: 'credit', align: 'right', width: 140, className: styles.amount, render: (_, l) => <span data-testid="line-credit">{formatLedgerAmount(l.credit)}</span> },
    {
      title: t('vouchers.lineage'),
      key: 'lineage',
      render: (_, l) => (
        <Space size={4} wrap>
          {l.source?.document && (
            <Link to={documentPath(l.source.document.id)} data-testid="line-document">
              {l.source.document.number}
            </Link>
          )}
          {l.ruleVersion && (
            <Link to={postingRulePath(l.ruleVersion.rule.id)}>
              <Tag bordered={false} color="purple" data-testid="line-rule">
                {l.ruleVersion.rule.code} v{l.ruleVersion.version}
              </Tag>
            </Link>
          )}
          {!l.source?.document && !l.ruleVersion && <Typography.Text type="secondary">{t('vouchers.manualLine')}</Typography.Text>}
        </Space>
      ),
    },
  ];

  const can = voucher.viewerCan;
  const source = voucher.source;
  return (
    <>
      <Card className={styles.voucher} data-testid="voucher-detail">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size={12}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="voucher-number">
              {voucher.displayNumber}
            </Typography.Title>
            <VoucherStateTag state={voucher.state} />
            <Tag bordered={false}>{t(`voucherOrigin.${voucher.origin}`)}</Tag>
          </Space>
          <Space wrap>
            {can.review && <Button type="primary" loading={reviewing} onClick={() => void act('review')} data-testid="voucher-review">{t('vouchers.review')}</Button>}
            {can.unreview && <Button loading={unreviewing} onClick={() => void act('unreview')} data-testid="voucher-unreview">{t('vouchers.unreview')}</Button>}
            {can.post && <Button type="primary" loading={posting} onClick={() => void act('post')} data-testid="voucher-post">{t('vouchers.post')}</Button>}
            {/* The server still offers `reverse` on a voucher already reversed (refused if tried) and on a
                reversal itself; a reversal is corrected by a new voucher, so neither gets the button. */}
            {can.reverse && !voucher.reversedBy && voucher.origin !== 'REVERSAL' && (
              <Popconfirm title={t('vouchers.reverseConfirm')} onConfirm={() => void doReverse()}>
                <Button danger loading={reversing} data-testid="voucher-reverse">{t('vouchers.reverse')}</Button>
              </Popconfirm>
            )}
            {can.delete && (
              <Popconfirm title={t('vouchers.deleteConfirm')} onConfirm={() => void doDelete()}>
                <Button danger loading={deleting} data-testid="voucher-delete">{t('common.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Flex>
        <div className={styles.voucherTitle}>{t('vouchers.title')}</div>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'date', label: t('vouchers.date'), children: voucher.date },
            { key: 'period', label: t('vouchers.period'), children: voucher.period.code },
            { key: 'summary', label: t('vouchers.summary'), children: voucher.summary },
            ...(source
              ? [{
                  key: 'source',
                  label: t('vouchers.document'),
                  children: source.document ? (
                    <Link to={documentPath(source.document.id)} data-testid="voucher-source">{source.document.number}</Link>
                  ) : (
                    <DocumentTypeLabel type={source.type} />
                  ),
                }]
              : []),
            ...(voucher.reversalOf
              ? [{ key: 'reversalOf', label: t('vouchers.reversalOf'), children: <Link to={voucherPath(voucher.reversalOf.id)} data-testid="voucher-reversal-of">{voucher.reversalOf.displayNumber}</Link> }]
              : []),
            ...(voucher.reversedBy
              ? [{ key: 'reversedBy', label: t('vouchers.reversedBy'), children: <Link to={voucherPath(voucher.reversedBy.id)} data-testid="voucher-reversed-by">{voucher.reversedBy.displayNumber}</Link> }]
              : []),
          ]}
        />
        <Table<Line>
          rowKey="id"
          size="middle"
          bordered
          pagination={false}
          columns={columns}
          dataSource={voucher.lines}
          data-testid="voucher-lines"
          summary={() => (
            <Table.Summary.Row className={styles.totalRow}>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>
                  {t('vouchers.total')}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong data-testid="voucher-total-debit">{formatMoney(voucher.totalDebit)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong data-testid="voucher-total-credit">{formatMoney(voucher.totalCredit)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} />
            </Table.Summary.Row>
          )}
        />
        <Flex gap={32} wrap className={styles.signatures}>
          <span>{t('vouchers.preparer')}：{voucher.preparer?.displayName ?? t('common.system')}</span>
          <span>{t('vouchers.reviewer')}：{voucher.reviewer?.displayName ?? '—'}{voucher.reviewedAt ? `（${formatDateTime(voucher.reviewedAt)}）` : ''}</span>
          <span>{t('vouchers.poster')}：{voucher.poster?.displayName ?? '—'}{voucher.postedAt ? `（${formatDateTime(voucher.postedAt)}）` : ''}</span>
        </Flex>
      </Card>
    </>
  );
}
