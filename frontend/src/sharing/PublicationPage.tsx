import { App, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { NodeFallback } from '../common/NodeFallback';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { AttachmentsCard } from '../attachments/AttachmentsCard';
import type { AttachmentFieldsFragment, PublicationQuery as Result } from '../gql/graphql';
import { AcknowledgePublicationMutation, PublicationQuery } from './operations';
import { PublicationStateTag } from './tags';
import { PublishCard } from './PublishCard';
import { SnapshotView } from './SnapshotView';
import { FeedbackThread } from './FeedbackThread';

type Node = Extract<NonNullable<Result['node']>, { __typename: 'Publication' }>;

/** One publication: publish it (text, files, data snapshot), acknowledge it, discuss it in the feedback thread. */
export default function PublicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [result, refetch] = useQuery({ query: PublicationQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [{ fetching: acknowledging }, acknowledge] = useMutation(AcknowledgePublicationMutation);
  const node = result.data?.node;
  const p = node?.__typename === 'Publication' ? (node as Node) : null;
  if (!p) return <NodeFallback result={result} title={t('sharing.notFound')} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const doAcknowledge = async () => {
    const outcome = await acknowledge({ input: { publicationId: p.id } });
    if (feedback(outcome, outcome.data?.acknowledgePublication)?.__typename === 'AcknowledgePublicationSuccess') {
      void message.success(t('sharing.acknowledged'));
      reload();
    }
  };

  const acknowledgedAt = p.viewerReceipt?.acknowledgedAt;
  return (
    <>
      <PageHeader
        title={p.title}
        extra={
          <Space>
            <PublicationStateTag state={p.state} timeliness={p.timeliness} />
            {p.viewerCan.acknowledge ? (
            <Button type="primary" icon={<CheckOutlined />} loading={acknowledging} onClick={() => void doAcknowledge()} data-testid="acknowledge">
              {t('sharing.acknowledge')}
            </Button>
          ) : acknowledgedAt ? (
            <Typography.Text type="success" data-testid="acknowledged">
              {t('sharing.acknowledgedAt', { time: formatDateTime(acknowledgedAt) })}
            </Typography.Text>
          ) : null}
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card size="small">
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t('sharing.timeNode')}>{formatDateTime(p.timeNode)}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.deadline')}>{formatDateTime(p.deadline)}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.responsible')}>{p.responsible?.displayName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('sharing.department')}>{p.department?.name ?? '—'}</Descriptions.Item>
                {p.publishedAt && <Descriptions.Item label={t('sharing.publishedAt')}>{formatDateTime(p.publishedAt)}</Descriptions.Item>}
                {p.publishedBy && <Descriptions.Item label={t('sharing.publishedBy')}>{p.publishedBy.displayName}</Descriptions.Item>}
                {p.state === 'PUBLISHED' && (
                  <Descriptions.Item label={t('sharing.receivers')}>
                    <span data-testid="ack-count">{`${p.acknowledgedCount} / ${p.receiverCount}`}</span>
                  </Descriptions.Item>
                )}
              </Descriptions>
              {p.text && (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="publication-text">
                  {p.text}
                </Typography.Paragraph>
              )}
            </Card>
            {p.snapshot != null && <SnapshotView snapshot={p.snapshot as Record<string, unknown>} />}
            {p.viewerCan.publish && <PublishCard publicationId={p.id} defaultSnapshot={p.rule?.snapshotKind ?? null} onPublished={reload} />}
            {p.state === 'PUBLISHED' && <FeedbackThread publication={p} onChange={reload} />}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <AttachmentsCard ownerId={p.id} attachments={p.attachments as AttachmentFieldsFragment[]} canAttach={p.viewerCanAttach} onChange={reload} />
            {p.receipts.length > 0 && (
              <Card size="small" title={t('sharing.receivers')}>
                {p.receipts.map((r) => (
                  <div key={r.user?.id}>
                    {r.user?.displayName} · {r.acknowledgedAt ? formatDateTime(r.acknowledgedAt) : '—'}
                  </div>
                ))}
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </>
  );
}
