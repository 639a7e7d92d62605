import { useState } from 'react';
import { App, Card, Col, Form, Input, InputNumber, Modal, Row, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ScorecardFieldsFragment } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionTable } from '../common/ConnectionTable';
import { NodeFallback } from '../common/NodeFallback';
import { useConnectionQuery } from '../graphql/pagination';
import { useMutationFeedback } from '../graphql/errors';
import { formatDate } from '../i18n/time';
import { CalibrateScoreMutation, EvaluationCycleQuery, ScorecardsQuery } from './operations';
import { CycleActions } from './CycleActions';
import { ScorecardView } from './ScorecardView';

function GradeChart({ a, b, c, d, none }: { a: number; b: number; c: number; d: number; none: number }) {
  const { t } = useTranslation();
  const option = {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: ['A', 'B', 'C', 'D', t('performance.noGrade')] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: [a, b, c, d, none], itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top' } }],
  };
  return <ReactECharts option={option} style={{ height: 220 }} notMerge />;
}

/** A cycle: its stage and HR's buttons, the grade distribution, and the scorecards the viewer may see (the
 * calibration table for HR, their people's for managers), each with the evidence behind its automatic scores. */
export default function CyclePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<{ score: number; reason: string }>();
  const [calibrating, setCalibrating] = useState<ScorecardFieldsFragment | null>(null);
  const [cycleResult, reloadCycle] = useQuery({ query: EvaluationCycleQuery, variables: { id } });
  const list = useConnectionQuery({ query: ScorecardsQuery, variables: { first: 20, cycleId: id }, connectionOf: (d) => d.scorecards });
  const [{ fetching }, calibrate] = useMutation(CalibrateScoreMutation);
  const cycle = cycleResult.data?.node?.__typename === 'EvaluationCycle' ? cycleResult.data.node : null;
  const reload = () => {
    reloadCycle({ requestPolicy: 'network-only' });
    list.reload();
  };
  if (!cycle) return <NodeFallback result={cycleResult} title={t('performance.nothing')} />;

  const send = async () => {
    const v = await form.validateFields();
    if (!calibrating) return;
    const outcome = await calibrate({ input: { scorecardId: calibrating.id, score: String(v.score), reason: v.reason } });
    if (feedback(outcome, outcome.data?.calibrateScore, form)?.__typename === 'CalibrateScoreSuccess') {
      void message.success(t('performance.calibrated'));
      setCalibrating(null);
      reload();
    }
  };

  const columns: TableColumnsType<ScorecardFieldsFragment> = [
    {
      title: t('performance.person'),
      key: 'person',
      render: (_, c) => <span data-testid="scorecard-person">{c.user?.displayName ?? c.department?.name}</span>,
    },
    { title: t('performance.department'), key: 'dept', render: (_, c) => c.department?.name ?? '—' },
    { title: t('performance.template'), key: 'template', render: (_, c) => c.template?.name ?? '—' },
    { title: t('performance.computedScore'), key: 'computed', width: 100, render: (_, c) => c.computedScore ?? '—' },
    { title: t('performance.calibratedScore'), key: 'calibrated', width: 100, render: (_, c) => c.calibratedScore ?? '—' },
    {
      title: t('performance.grade'),
      key: 'grade',
      width: 80,
      render: (_, c) => (c.grade ? <Tag color="blue" data-testid="scorecard-grade">{c.grade}</Tag> : '—'),
    },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_, c) =>
        c.viewerCan.calibrate && (
          <Typography.Link
            data-testid="scorecard-calibrate"
            onClick={() => {
              form.setFieldsValue({ score: c.finalScore ? Number(c.finalScore) : undefined, reason: '' });
              setCalibrating(c);
            }}
          >
            {t('performance.calibrate')}
          </Typography.Link>
        ),
    },
  ];

  const dist = cycle.gradeDistribution;
  return (
    <>
      <PageHeader
        title={cycle.name}
        subtitle={`${formatDate(cycle.periodStart)} ~ ${formatDate(cycle.periodEnd)}`}
        extra={
          <Space>
            <Tag color="processing" data-testid="cycle-state">
              {t(`cycleState.${cycle.state}`)}
            </Tag>
            <CycleActions cycle={cycle} onChanged={reload} />
          </Space>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('performance.distribution')}>
            <GradeChart {...dist} />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('performance.calibrationTable')}>
            <ConnectionTable<ScorecardFieldsFragment>
              {...list.table}
              size="small"
              columns={columns}
              onRow={() => ({ 'data-testid': 'scorecard-row' }) as React.HTMLAttributes<HTMLElement>}
              expandable={{ expandedRowRender: (c) => <ScorecardView card={c} onChanged={reload} /> }}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        title={t('performance.calibrateTitle')}
        open={calibrating != null}
        onCancel={() => setCalibrating(null)}
        onOk={() => void send().catch(() => undefined)}
        confirmLoading={fetching}
        okButtonProps={{ 'data-testid': 'calibrate-submit' } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="score" label={t('performance.score')} rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('performance.scoreRequired') }]}>
            <InputNumber min={0} max={100} step={0.5} style={{ width: 160 }} data-testid="calibrate-score" />
          </Form.Item>
          <Form.Item name="reason" label={t('performance.reason')} rules={[{ required: true, whitespace: true, message: t('performance.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="calibrate-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
