import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, InputNumber, List, Modal, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ScorecardFieldsFragment } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { ScorecardEvidenceQuery, SubmitAssessmentMutation } from './operations';

type Line = ScorecardFieldsFragment['lines'][number];
interface Evidence {
  type: string;
  id: string;
  met: boolean;
  link?: string | null;
}

/** Where an evidence record opens: its meeting, its publication, or the business document itself. */
function evidenceHref(e: Evidence): string | null {
  const target = e.link ?? e.id;
  let type = e.type;
  try {
    type = atob(target).split(':')[0] ?? e.type;
  } catch {
    /* not base64: keep the record's type */
  }
  if (type === 'Meeting') return `/meetings/${encodeURIComponent(target)}`;
  if (type === 'Publication') return `/sharing/publications/${encodeURIComponent(target)}`;
  if (['ExpenseClaim', 'SalesDelivery', 'SalesReturn', 'PurchaseReceipt', 'CustomerReceipt', 'SupplierPayment', 'SalesOrder'].includes(type)) {
    return `/documents/${encodeURIComponent(target)}`;
  }
  return null;
}

/** The records behind one automatic score, loaded when its row is opened (lists stay cheap). */
function EvidenceList({ cardId, line }: { cardId: string; line: Line }) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: ScorecardEvidenceQuery, variables: { id: cardId } });
  const node = result.data?.node?.__typename === 'Scorecard' ? result.data.node : null;
  const evidence: Evidence[] = node?.lines.find((l) => l.indicator?.id === line.indicator?.id)?.evidence ?? [];
  if (result.fetching) return <Spin size="small" />;
  if (evidence.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid="evidence">
      {evidence.map((e) => {
        const href = evidenceHref(e);
        const label = `${e.type} · ${e.met ? t('performance.met') : t('performance.notMet')}`;
        return (
          <Tag key={`${e.type}-${e.id}`} color={e.met ? 'green' : 'orange'}>
            {href ? <Link to={href}>{label}</Link> : label}
          </Tag>
        );
      })}
      {line.counted > evidence.length && <Typography.Text type="secondary">… {line.counted}</Typography.Text>}
    </Space>
  );
}

interface Props {
  card: ScorecardFieldsFragment;
  onChanged: () => void;
}

/** One scorecard: each indicator's formula, value (or no data), points and the records behind it; its assessments. */
export function ScorecardView({ card, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<{ score: number; comment: string }>();
  const [assessing, setAssessing] = useState<Line | null>(null);
  const [{ fetching }, submit] = useMutation(SubmitAssessmentMutation);
  const assessAs = card.viewerCan.assessAs;

  const canAssess = (line: Line) =>
    assessAs != null && line.indicator?.kind === 'MANUAL' && (assessAs !== 'PEER' || line.indicator.rater === 'PEER');

  const send = async () => {
    const values = await form.validateFields();
    if (!assessing?.indicator) return;
    const outcome = await submit({
      input: { scorecardId: card.id, indicatorId: assessing.indicator.id, score: String(values.score), comment: values.comment ?? '' },
    });
    if (feedback(outcome, outcome.data?.submitAssessment, form)?.__typename === 'SubmitAssessmentSuccess') {
      void message.success(t('performance.submitted'));
      setAssessing(null);
      onChanged();
    }
  };

  const columns: TableColumnsType<Line> = [
    {
      title: t('performance.indicator'),
      key: 'indicator',
      render: (_, l) => (
        <Space direction="vertical" size={0}>
          <span>{l.indicator?.name}</span>
          {l.indicator?.formula && (
            <Tooltip title={l.indicator.formula}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="formula">
                {t('performance.formula')}：{l.indicator.formula.slice(0, 40)}
                {l.indicator.formula.length > 40 ? '…' : ''}
              </Typography.Text>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { title: t('performance.weight'), key: 'weight', width: 80, render: (_, l) => `${l.weight}%` },
    {
      title: t('performance.value'),
      key: 'value',
      width: 120,
      render: (_, l) => (l.noData ? <Tag>{t('performance.noData')}</Tag> : `${l.value} ${l.indicator?.unit ?? ''}`),
    },
    { title: t('performance.points'), key: 'score', width: 90, render: (_, l) => l.score ?? '—' },
    { title: t('performance.counted'), key: 'counted', width: 90, render: (_, l) => l.counted },
    {
      title: '',
      key: 'assess',
      width: 90,
      render: (_, l) =>
        canAssess(l) && (
          <Button
            size="small"
            onClick={() => {
              form.resetFields();
              setAssessing(l);
            }}
            data-testid={`assess-${l.indicator?.code ?? ''}`}
          >
            {t('performance.assess')}
          </Button>
        ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="scorecard-view">
      {card.calibrationReason && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('performance.reason')}>{card.calibrationReason}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<Line>
        size="small"
        rowKey={(l) => l.indicator?.id ?? ''}
        pagination={false}
        dataSource={card.lines}
        columns={columns}
        expandable={{ expandedRowRender: (l) => <EvidenceList cardId={card.id} line={l} />, rowExpandable: (l) => l.indicator?.kind === 'AUTOMATIC' }}
      />
      {card.assessments.length > 0 && (
        <List
          size="small"
          header={t('performance.assessments')}
          dataSource={card.assessments}
          renderItem={(a) => (
            <List.Item data-testid="assessment">
              <Space wrap>
                <Tag>{t(`relation.${a.relation}`)}</Tag>
                <span>{a.assessor?.displayName ?? ''}</span>
                <strong>{a.score}</strong>
                <span>{a.comment}</span>
                <Typography.Text type="secondary">{formatDateTime(a.submittedAt)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Modal
        title={t('performance.assessTitle', { indicator: assessing?.indicator?.name ?? '' })}
        open={assessing != null}
        onCancel={() => setAssessing(null)}
        onOk={() => void send().catch(() => undefined)}
        confirmLoading={fetching}
        okButtonProps={{ 'data-testid': 'assess-submit' } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="score" label={t('performance.score')} rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('performance.scoreRequired') }]}>
            <InputNumber min={0} max={100} step={0.5} style={{ width: 160 }} data-testid="assess-score" />
          </Form.Item>
          <Form.Item name="comment" label={t('performance.comment')}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="assess-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
