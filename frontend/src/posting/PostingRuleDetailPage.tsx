import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { PreviewPostingQuery as PreviewResult, ReplayPostingRuleQuery as ReplayResult } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useMutationFeedback } from '../graphql/errors';
import { PeriodPicker, currentPeriod } from '../common/PeriodPicker';
import { formatMoney } from '../common/decimal';
import { documentPath } from '../common/documents';
import { formatDateTime } from '../i18n/time';
import { PostingRuleQuery, PreviewDocumentsQuery, PreviewPostingQuery, PublishPostingRuleVersionMutation, ReplayPostingRuleQuery, SetPostingRuleActiveMutation } from './operations';
import styles from './posting.module.css';
import { NodeFallback } from '../common/NodeFallback';

type Preview = NonNullable<PreviewResult['previewPosting']>;
type Replay = NonNullable<ReplayResult['replayPostingRule']>;

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Which document list each business event comes from. */
const EVENT_DOCUMENTS = {
  SALES_DELIVERED: 'salesDeliveries',
  SALES_RETURNED: 'salesReturns',
  PURCHASE_RECEIVED: 'purchaseReceipts',
  CUSTOMER_RECEIPT: 'customerReceipts',
  SUPPLIER_PAYMENT: 'supplierPayments',
  EXPENSE_CLAIM_PAID: 'expenseClaims',
} as const;

function isKnownEvent(eventType: string | undefined): eventType is keyof typeof EVENT_DOCUMENTS {
  return eventType !== undefined && eventType in EVENT_DOCUMENTS;
}

/** Documents this rule's event comes from, to preview on. */
function useEventDocuments(eventType: string | undefined) {
  const list = isKnownEvent(eventType) ? EVENT_DOCUMENTS[eventType] : null;
  const [{ data }] = useQuery({
    query: PreviewDocumentsQuery,
    variables: { first: 50, ...(list && { [list]: true }) },
    pause: list === null,
  });
  const edges = (list && data?.[list]?.edges) || [];
  return edges.map(({ node }) => ({ id: node.id, number: node.number }));
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {preview.map((v, i) => (
        <Card key={i} size="small" title={`${v.rule.code}${v.version ? ` v${v.version}` : ` (${t('posting.draft')})`} · ${v.summary}`}>
          <Table
            rowKey={(_, j) => String(j)}
            size="small"
            pagination={false}
            dataSource={v.lines}
            data-testid="preview-lines"
            columns={[
              { title: t('posting.lineSummary'), dataIndex: 'summary' },
              { title: t('posting.account'), key: 'account', render: (_, l) => `${l.account.code} ${l.account.name}` },
              { title: t('posting.debit'), key: 'debit', align: 'right', render: (_, l) => (l.side === 'DEBIT' ? formatMoney(l.amount) : '') },
              { title: t('posting.credit'), key: 'credit', align: 'right', render: (_, l) => (l.side === 'CREDIT' ? formatMoney(l.amount) : '') },
            ]}
          />
        </Card>
      ))}
      {preview.length === 0 && <Typography.Text type="secondary">{t('posting.previewEmpty')}</Typography.Text>}
    </Space>
  );
}

function lineKey(l: { accountCode: string; side: string; amount: string }) {
  return `${l.accountCode}|${l.side}|${formatMoney(l.amount)}`;
}

function ReplayView({ replay }: { replay: Replay }) {
  const { t } = useTranslation();
  const color: Record<string, string> = { SAME: 'green', CHANGED: 'orange', NEW: 'blue', GONE: 'red' };
  return (
    <Table
      rowKey={(r) => `${r.source.type}-${r.number}`}
      size="small"
      bordered
      pagination={false}
      dataSource={replay}
      data-testid="replay-table"
      columns={[
        {
          title: t('posting.document'),
          key: 'doc',
          render: (_, r) => (r.source.document ? <Link to={documentPath(r.source.document.id)}>{r.number}</Link> : r.number),
        },
        { title: t('common.status'), key: 'status', render: (_, r) => <Tag color={color[r.status] ?? 'default'} bordered={false}>{t(`posting.replayStatus.${r.status}`, { defaultValue: r.status })}</Tag> },
        ...(['posted', 'replayed'] as const).map((side) => ({
          title: t(`posting.${side}`),
          key: side,
          render: (_: unknown, r: Replay[number]) => {
            const other = new Set((side === 'posted' ? r.replayed : r.posted).map(lineKey));
            return (
              <div>
                {r[side].map((l, i) => (
                  <div key={i} className={other.has(lineKey(l)) ? undefined : styles.changed}>
                    {t(`posting.side.${l.side}`)} {l.accountCode} {formatMoney(l.amount)}
                  </div>
                ))}
              </div>
            );
          },
        })),
      ]}
    />
  );
}

/** A posting rule: its versions, a JSON editor to publish the next, preview on a document, replay over a period. */
export default function PostingRuleDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const client = useClient();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [result, refetch] = useQuery({ query: PostingRuleQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [, publish] = useMutation(PublishPostingRuleVersionMutation);
  const [, setActive] = useMutation(SetPostingRuleActiveMutation);
  const node = result.data?.node;
  const rule = node && 'code' in node && 'versions' in node ? node : null;
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [period, setPeriod] = useState<string | null>(currentPeriod());
  const [versionId, setVersionId] = useState<string | null>(null);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [busy, setBusy] = useState(false);
  const documents = useEventDocuments(rule?.eventType);
  const manage = can('POSTING_MANAGE_RULES');

  useEffect(() => {
    if (rule?.currentVersion) {
      setText(pretty(rule.currentVersion.definition));
      setVersionId(rule.currentVersion.id);
    }
  }, [rule?.currentVersion]);

  if (!rule) return <NodeFallback result={result} title={t('posting.notFound')} />;

  const parsed = (): unknown => {
    try {
      const value: unknown = JSON.parse(text);
      setProblem(null);
      return value;
    } catch (e) {
      setProblem(t('posting.invalidJson', { message: (e as Error).message }));
      return undefined;
    }
  };
  const doPublish = async () => {
    const definition = parsed();
    if (definition === undefined) return;
    const outcome = await publish({ input: { ruleId: rule.id, definition, note } });
    const result = outcome.data?.publishPostingRuleVersion;
    if (result && result.__typename === 'PublishPostingRuleVersionError') setProblem(`${result.code}${result.field ? ` · ${result.field}` : ''}：${result.message}`);
    if (feedback(outcome, result)) {
      void message.success(t('posting.published'));
      setNote('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const doPreview = async () => {
    if (!documentId) return;
    const definition = parsed();
    if (definition === undefined) return;
    setBusy(true);
    const result = await client.query(PreviewPostingQuery, { documentId, ruleId: rule.id, definition }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (result.error) setProblem(result.error.graphQLErrors[0]?.message ?? result.error.message);
    else setPreview(result.data?.previewPosting ?? []);
  };
  const doReplay = async () => {
    if (!versionId || !period) return;
    setBusy(true);
    const result = await client.query(ReplayPostingRuleQuery, { ruleVersionId: versionId, period }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (result.error) void message.error(result.error.graphQLErrors[0]?.message ?? result.error.message);
    else setReplay(result.data?.replayPostingRule ?? []);
  };

  return (
    <>
      <PageHeader
        title={`${rule.name}（${rule.code}）`}
        subtitle={`${t('posting.eventType')}：${rule.eventType}`}
        extra={
          <Space>
            <span>{t('common.active')}</span>
            <Switch
              checked={rule.active}
              disabled={!manage}
              onChange={async (active) => {
                const outcome = await setActive({ input: { id: rule.id, active } });
                if (feedback(outcome, outcome.data?.setPostingRuleActive)) refetch({ requestPolicy: 'network-only' });
              }}
            />
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('posting.definition')} size="small">
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 16, maxRows: 24 }}
              className={styles.editor}
              spellCheck={false}
              data-testid="rule-definition"
            />
            {problem && <Alert type="error" showIcon message={problem} style={{ marginTop: 8 }} data-testid="rule-problem" />}
            <Space wrap style={{ marginTop: 12 }}>
              <Button
                onClick={() => {
                  const v = parsed();
                  if (v !== undefined) setText(pretty(v));
                }}
              >
                {t('posting.format')}
              </Button>
              {manage && (
                <>
                  <Input placeholder={t('posting.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 260 }} data-testid="rule-note" />
                  <Button type="primary" onClick={() => void doPublish()} data-testid="rule-publish">
                    {t('posting.publish')}
                  </Button>
                </>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('posting.versions')} size="small">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={rule.versions}
              columns={[
                { title: t('posting.version'), key: 'v', render: (_, v) => <Tag color={v.id === rule.currentVersion?.id ? 'blue' : 'default'}>v{v.version}</Tag> },
                { title: t('posting.note'), dataIndex: 'note' },
                { title: t('posting.publishedBy'), key: 'by', render: (_, v) => v.publishedBy?.displayName ?? t('common.system') },
                { title: t('posting.publishedAt'), key: 'at', render: (_, v) => formatDateTime(v.publishedAt) },
                { title: '', key: 'load', render: (_, v) => <Button size="small" type="link" onClick={() => setText(pretty(v.definition))}>{t('posting.load')}</Button> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          items={[
            {
              key: 'preview',
              label: t('posting.preview'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <select
                      className={styles.native}
                      value={documentId ?? ''}
                      onChange={(e) => setDocumentId(e.target.value || null)}
                      data-testid="preview-document"
                    >
                      <option value="">{t('posting.chooseDocument')}</option>
                      {documents.map((d) => (
                        <option key={d.id} value={d.id}>{d.number}</option>
                      ))}
                    </select>
                    <Button type="primary" loading={busy} disabled={!documentId} onClick={() => void doPreview()} data-testid="preview-run">
                      {t('posting.runPreview')}
                    </Button>
                  </Space>
                  {preview && <PreviewTable preview={preview} />}
                </Space>
              ),
            },
            {
              key: 'replay',
              label: t('posting.replay'),
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <select className={styles.native} value={versionId ?? ''} onChange={(e) => setVersionId(e.target.value || null)} data-testid="replay-version">
                      {rule.versions.map((v) => (
                        <option key={v.id} value={v.id}>v{v.version}</option>
                      ))}
                    </select>
                    <PeriodPicker value={period} onChange={setPeriod} />
                    <Button type="primary" loading={busy} onClick={() => void doReplay()} data-testid="replay-run">
                      {t('posting.runReplay')}
                    </Button>
                  </Space>
                  {replay && <ReplayView replay={replay} />}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
