import { useState } from 'react';
import { Card, Col, DatePicker, Row, Statistic, Table, Tabs, TreeSelect } from 'antd';
import type { TableColumnsType } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { PageHeader } from '../layout/PageHeader';
import { useDepartmentOptions } from '../common/departments';
import { dayjs, nowInShanghai } from '../i18n/time';
import type { SharingFigureFieldsFragment } from '../gql/graphql';
import { SharingFiguresQuery, SharingMonthlyReportQuery } from './operations';

interface Group {
  label: string;
  figures: SharingFigureFieldsFragment;
}

const percent = (v: string | null | undefined) => (v == null ? '—' : `${(Number(v) * 100).toFixed(1)}%`);

function FigureTable({ rows }: { rows: Group[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Group> = [
    { title: '', dataIndex: 'label', key: 'label' },
    { title: t('sharing.due'), key: 'due', render: (_, g) => g.figures.due },
    { title: t('sharing.onTimeRate'), key: 'rate', render: (_, g) => percent(g.figures.onTimeRate) },
    { title: t('sharing.late'), key: 'late', render: (_, g) => g.figures.late },
    { title: t('sharing.missed'), key: 'missed', render: (_, g) => g.figures.missed },
    { title: t('sharing.ackRate'), key: 'ack', render: (_, g) => percent(g.figures.acknowledgementRate) },
    { title: t('sharing.ackHours'), key: 'ackh', render: (_, g) => g.figures.acknowledgementHours ?? '—' },
    { title: t('sharing.openFeedback'), key: 'open', render: (_, g) => g.figures.openFeedback },
    { title: t('sharing.answerHours'), key: 'ans', render: (_, g) => g.figures.answerHours ?? '—' },
  ];
  return <Table<Group> size="small" rowKey="label" pagination={false} dataSource={rows} columns={columns} />;
}

function Chart({ rows }: { rows: Group[] }) {
  const { t } = useTranslation();
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('sharing.onTime'), t('sharing.late'), t('sharing.missed'), t('sharing.ackRate')] },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { name: t('sharing.onTime'), type: 'bar', stack: 'n', data: rows.map((r) => r.figures.onTime), itemStyle: { color: '#52c41a' } },
      { name: t('sharing.late'), type: 'bar', stack: 'n', data: rows.map((r) => r.figures.late), itemStyle: { color: '#faad14' } },
      { name: t('sharing.missed'), type: 'bar', stack: 'n', data: rows.map((r) => r.figures.missed), itemStyle: { color: '#ff4d4f' } },
      {
        name: t('sharing.ackRate'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => (r.figures.acknowledgementRate == null ? null : Number(r.figures.acknowledgementRate) * 100)),
      },
    ],
  };
  return <ReactECharts option={option} style={{ height: 300 }} notMerge />;
}

function MonthlyReport() {
  const { t } = useTranslation();
  const departments = useDepartmentOptions();
  const [month, setMonth] = useState<Dayjs>(nowInShanghai().startOf('month'));
  const [departmentId, setDepartmentId] = useState<string | undefined>(undefined);
  const [result] = useQuery({
    query: SharingMonthlyReportQuery,
    variables: { month: month.format('YYYY-MM'), departmentId: departmentId ?? '' },
    pause: !departmentId,
  });
  const report = result.data?.sharingMonthlyReport;
  return (
    <Card size="small" title={t('sharing.monthlyReport')}>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col>
          <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
        </Col>
        <Col flex="280px">
          <TreeSelect
            style={{ width: '100%' }}
            placeholder={t('sharing.reportDepartment')}
            treeDefaultExpandAll
            treeData={departments.options}
            value={departmentId}
            onChange={setDepartmentId}
            data-testid="report-department"
          />
        </Col>
      </Row>
      {report && (
        <>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col span={6}>
              <Statistic title={t('sharing.onTimeRate')} value={percent(report.total.onTimeRate)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('sharing.missed')} value={report.total.missed} />
            </Col>
            <Col span={6}>
              <Statistic title={t('sharing.ackRate')} value={percent(report.total.acknowledgementRate)} />
            </Col>
            <Col span={6}>
              <Statistic title={t('sharing.openFeedback')} value={report.total.openFeedback} />
            </Col>
          </Row>
          <FigureTable rows={report.byRule} />
        </>
      )}
    </Card>
  );
}

/** 共享考评: on-time rate, missed, acknowledgements and feedback per rule, department and person, with charts. */
export default function SharingFiguresPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([nowInShanghai().subtract(29, 'day'), nowInShanghai()]);
  const [result] = useQuery({
    query: SharingFiguresQuery,
    variables: { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') },
  });
  const figures = result.data?.sharingFigures;
  return (
    <>
      <PageHeader
        title={t('nav.sharingFigures')}
        subtitle={t('sharing.figuresHint')}
        extra={
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v && v[0] && v[1] && setRange([dayjs(v[0]), dayjs(v[1])])}
          />
        }
      />
      {figures && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card size="small">
              <Row gutter={16}>
                <Col span={4}>
                  <Statistic title={t('sharing.due')} value={figures.total.due} />
                </Col>
                <Col span={4}>
                  <Statistic title={t('sharing.onTimeRate')} value={percent(figures.total.onTimeRate)} data-testid="figures-on-time" />
                </Col>
                <Col span={4}>
                  <Statistic title={t('sharing.missed')} value={figures.total.missed} />
                </Col>
                <Col span={4}>
                  <Statistic title={t('sharing.ackRate')} value={percent(figures.total.acknowledgementRate)} />
                </Col>
                <Col span={4}>
                  <Statistic title={t('sharing.openFeedback')} value={figures.total.openFeedback} />
                </Col>
                <Col span={4}>
                  <Statistic title={t('sharing.answerHours')} value={figures.total.answerHours ?? '—'} />
                </Col>
              </Row>
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small">
              <Tabs
                items={[
                  { key: 'rule', label: t('sharing.byRule'), children: <><Chart rows={figures.byRule} /><FigureTable rows={figures.byRule} /></> },
                  { key: 'dept', label: t('sharing.byDepartment'), children: <><Chart rows={figures.byDepartment} /><FigureTable rows={figures.byDepartment} /></> },
                  { key: 'person', label: t('sharing.byPerson'), children: <><Chart rows={figures.byPerson} /><FigureTable rows={figures.byPerson} /></> },
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <MonthlyReport />
          </Col>
        </Row>
      )}
    </>
  );
}
