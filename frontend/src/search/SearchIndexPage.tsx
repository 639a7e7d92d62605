import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Badge, Button, Card, Checkbox, Col, Descriptions, Empty, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { ReloadOutlined, SwapOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { SearchKind, SearchStatusQuery as SearchStatusResult } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { RebuildSearchIndexMutation, SearchStatusQuery } from './operations';
import { SEARCH_KINDS, kindColor } from './kinds';
import { searchPath } from './searchState';
import { SynonymsCard, type SynonymDialog } from './SynonymsCard';

type Status = NonNullable<SearchStatusResult['searchStatus']>;
type KindRow = Status['kinds'][number];
type MissRow = Status['misses'][number];

/** While changes wait to be indexed, the page looks again this often. */
const POLL_MS = 2000;

function RebuildModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (queued: number, kinds: SearchKind[]) => void }) {
  const { t } = useTranslation();
  const feedback = useMutationFeedback();
  const [kinds, setKinds] = useState<SearchKind[]>([]);
  const [{ fetching }, rebuild] = useMutation(RebuildSearchIndexMutation);

  const submit = async () => {
    const outcome = await rebuild({ input: { kinds: kinds.length > 0 ? kinds : null } });
    const done = feedback(outcome, outcome.data?.rebuildSearchIndex);
    if (done && done.__typename === 'RebuildSearchIndexSuccess') {
      onDone(done.queued, kinds);
      setKinds([]);
    }
  };

  return (
    <Modal
      open={open}
      title={t('searchIndex.rebuildTitle')}
      okText={t('searchIndex.rebuildConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'search-rebuild-confirm' } as ButtonProps}
      confirmLoading={fetching}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('searchIndex.rebuildContent')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('searchIndex.rebuildKinds')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('searchIndex.rebuildAllKinds')}</Typography.Paragraph>
      <Checkbox.Group<SearchKind> value={kinds} onChange={setKinds} style={{ width: '100%' }} data-testid="search-rebuild-kinds">
        <Row gutter={[8, 8]}>
          {SEARCH_KINDS.map((kind) => (
            <Col span={8} key={kind}>
              <Checkbox value={kind}>
                <span data-testid={`search-rebuild-kind-${kind}`}>{t(`searchKind.${kind}`)}</span>
              </Checkbox>
            </Col>
          ))}
        </Row>
      </Checkbox.Group>
    </Modal>
  );
}

/** 搜索索引: what the index holds, what waits to be indexed, how its worker fares, searches that found nothing. */
export default function SearchIndexPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SearchStatusQuery, requestPolicy: 'network-only' });
  const [rebuildOpen, setRebuildOpen] = useState(false);
  const [lastRebuild, setLastRebuild] = useState<{ queued: number; kinds: SearchKind[] } | null>(null);
  const [synonymDialog, setSynonymDialog] = useState<SynonymDialog | null>(null);
  const status = data?.searchStatus ?? null;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  // Follow the worker while it has changes to apply (after a rebuild, the whole index).
  const busy = status !== null && status.backlog > 0;
  useEffect(() => {
    if (!busy || fetching) return;
    const timer = window.setTimeout(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [busy, fetching, refetch, data]);

  const kindColumns: TableColumnsType<KindRow> = [
    { title: t('searchIndex.kind'), key: 'kind', render: (_, r) => <Tag color={kindColor(r.kind)}>{t(`searchKind.${r.kind}`)}</Tag> },
    { title: t('searchIndex.kindCode'), dataIndex: 'kind', render: (kind: string) => <Typography.Text code>{kind}</Typography.Text> },
    { title: t('searchIndex.count'), dataIndex: 'documents', align: 'right', width: 120 },
  ];
  const missColumns: TableColumnsType<MissRow> = [
    { title: t('searchIndex.missQuery'), dataIndex: 'query', render: (q: string) => <Link to={searchPath(q)}>{q}</Link> },
    { title: t('searchIndex.missCount'), dataIndex: 'count', align: 'right', width: 90 },
    { title: t('searchIndex.missLastAt'), dataIndex: 'lastAt', width: 180, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'synonym',
      width: 120,
      render: (_, r) => (
        <Button size="small" type="link" icon={<SwapOutlined />} onClick={() => setSynonymDialog({ kind: 'create', terms: [r.query] })} data-testid={`miss-synonym-${r.query}`}>
          {t('searchIndex.missToSynonym')}
        </Button>
      ),
    },
  ];
  const total = status?.kinds.reduce((sum, k) => sum + k.documents, 0) ?? 0;

  return (
    <>
      <PageHeader
        title={t('searchIndex.title')}
        subtitle={t('searchIndex.subtitle')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={fetching} data-testid="search-index-refresh">
              {t('searchIndex.refresh')}
            </Button>
            <Button type="primary" icon={<SyncOutlined />} onClick={() => setRebuildOpen(true)} disabled={!status} data-testid="search-rebuild">
              {t('searchIndex.rebuild')}
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon message={t('common.loadFailed')} description={error.message} style={{ marginBottom: 16 }} />}
      {status?.engineError && (
        <Alert type="error" showIcon message={t('searchIndex.engineError')} description={status.engineError} style={{ marginBottom: 16 }} data-testid="search-index-engine-error" />
      )}
      {lastRebuild && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setLastRebuild(null)}
          message={t('searchIndex.lastRebuild', {
            count: lastRebuild.queued,
            kinds: lastRebuild.kinds.length > 0 ? lastRebuild.kinds.map((k) => t(`searchKind.${k}`)).join('、') : t('searchIndex.allKinds'),
          })}
          style={{ marginBottom: 16 }}
          data-testid="search-rebuild-result"
        />
      )}
      <Card loading={!status && fetching} style={{ marginBottom: 16 }}>
        {status && (
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="search-index-status">
            <Descriptions.Item label={t('searchIndex.engine')}>
              <Tag color="blue" data-testid="search-index-engine">
                {status.engine}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.documents')}>{total}</Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.backlog')}>
              {/* Badge hides a text of "0": the dot and the figure apart. */}
              <Space size={6}>
                <Badge status={status.backlog > 0 ? 'processing' : 'success'} />
                <span data-testid="search-index-backlog">{status.backlog}</span>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.oldestPending')}>{formatDateTime(status.oldestPendingAt, t('searchIndex.none'))}</Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.applied')}>{status.applied}</Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.lastApplied')}>{formatDateTime(status.lastAppliedAt, t('common.never'))}</Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.worker')}>
              <span data-testid="search-index-worker">
                {status.worker ? <Typography.Text code>{status.worker}</Typography.Text> : <Typography.Text type="warning">{t('searchIndex.noWorker')}</Typography.Text>}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.leaseUntil')}>{formatDateTime(status.workerLeaseUntil, t('searchIndex.none'))}</Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.failures')}>
              <Typography.Text type={status.failures > 0 ? 'danger' : undefined} data-testid="search-index-failures">
                {status.failures}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.lastErrorAt')}>{formatDateTime(status.lastErrorAt, t('searchIndex.none'))}</Descriptions.Item>
            <Descriptions.Item label={t('searchIndex.lastError')} span={2}>
              {status.lastError ? <Typography.Text type="danger">{status.lastError}</Typography.Text> : t('searchIndex.none')}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('searchIndex.documents')} size="small">
            <Table<KindRow>
              rowKey="kind"
              size="small"
              pagination={false}
              columns={kindColumns}
              dataSource={status?.kinds ?? []}
              loading={!status && fetching}
              data-testid="search-index-kinds"
              onRow={(r) => ({ 'data-kind': r.kind }) as React.HTMLAttributes<HTMLElement>}
              summary={() =>
                status ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <Typography.Text strong>{t('searchIndex.totalDocuments')}</Typography.Text>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      <Typography.Text strong>{total}</Typography.Text>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('searchIndex.misses')} size="small" extra={<Typography.Text type="secondary">{t('searchIndex.missesHint')}</Typography.Text>}>
            <Table<MissRow>
              rowKey="query"
              size="small"
              pagination={false}
              columns={missColumns}
              dataSource={status?.misses ?? []}
              loading={!status && fetching}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('searchIndex.noMisses')} /> }}
              data-testid="search-index-misses"
            />
          </Card>
        </Col>
        <Col xs={24}>
          <SynonymsCard dialog={synonymDialog} setDialog={setSynonymDialog} onChanged={reload} />
        </Col>
      </Row>
      <RebuildModal
        open={rebuildOpen}
        onClose={() => setRebuildOpen(false)}
        onDone={(queued, kinds) => {
          setRebuildOpen(false);
          setLastRebuild({ queued, kinds });
          void message.success(t('searchIndex.rebuilt', { count: queued }));
          reload();
        }}
      />
    </>
  );
}
