import { Card, Col, Row, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import ReactECharts from 'echarts-for-react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { LearningFiguresQuery as Result } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { formatDate } from '../i18n/time';
import { LearningFiguresQuery } from './operations';
import { coursePath } from './tags';

type Figures = NonNullable<Result['learningFigures']>;
type Completion = Figures['byCourse'][number] | Figures['byDepartment'][number];
const rowKey = (r: Completion) => ('courseId' in r ? r.courseId : r.departmentId) ?? r.label;

const percent = (value: string | null | undefined) => (value == null ? '—' : `${value}%`);

/** 学习统计: completion rates by course and department, overdue required courses, quiz results, hardest questions. */
export default function LearningFiguresPage() {
  const { t } = useTranslation();
  const [result] = useQuery({ query: LearningFiguresQuery, requestPolicy: 'cache-and-network' });
  const f = result.data?.learningFigures;
  const completion = (course: boolean): TableColumnsType<Completion> => [
    {
      title: course ? t('learning.course') : t('learning.department'),
      key: 'label',
      render: (_, r) => ('courseId' in r && r.courseId ? <Link to={coursePath(r.courseId)}>{r.label}</Link> : r.label),
    },
    { title: t('learning.enrolledCount'), dataIndex: 'enrolled', width: 80 },
    { title: t('learning.completedCount'), dataIndex: 'completed', width: 80 },
    { title: t('learning.requiredCount'), dataIndex: 'required', width: 80 },
    { title: t('learning.overdueCount'), dataIndex: 'overdue', width: 80 },
    { title: t('learning.rate'), key: 'rate', width: 100, render: (_, r) => <span data-testid="completion-rate">{percent(r.rate)}</span> },
  ];
  const chart = f && {
    tooltip: {},
    grid: { left: 100, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', data: f.byDepartment.map((r) => r.label) },
    series: [{ type: 'bar', data: f.byDepartment.map((r) => (r.rate == null ? 0 : Number(r.rate))), name: t('learning.rate') }],
  };
  return (
    <>
      <PageHeader title={t('nav.learningFigures')} subtitle={t('learning.figuresHint')} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('learning.byCourse')} size="small" style={{ marginBottom: 16 }} data-testid="figures-by-course">
            <Table<Completion> rowKey={rowKey} size="small" pagination={false} loading={result.fetching} dataSource={f?.byCourse ?? []} columns={completion(true)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('learning.byDepartment')} size="small" style={{ marginBottom: 16 }} data-testid="figures-by-department">
            {chart && f.byDepartment.length > 0 && <ReactECharts option={chart} style={{ height: 40 + 32 * f.byDepartment.length }} />}
            <Table<Completion> rowKey={rowKey} size="small" pagination={false} loading={result.fetching} dataSource={f?.byDepartment ?? []} columns={completion(false)} />
          </Card>
        </Col>
      </Row>
      <Card title={t('learning.overdueList')} size="small" style={{ marginBottom: 16 }} data-testid="figures-overdue">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={f?.overdue ?? []}
          columns={[
            { title: t('learning.learner'), key: 'user', render: (_, e) => e.user?.displayName ?? '—' },
            { title: t('learning.department'), key: 'dept', render: (_, e) => e.department?.name ?? '—' },
            { title: t('learning.course'), key: 'course', render: (_, e) => e.course?.title ?? '—' },
            { title: t('learning.progress'), key: 'progress', render: (_, e) => `${e.completedLessonCount}/${e.lessonCount}` },
            { title: t('learning.dueOn'), key: 'due', render: (_, e) => formatDate(e.dueOn) },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('learning.quizResults')} size="small" data-testid="figures-quiz">
            <Table
              rowKey="courseId"
              size="small"
              pagination={false}
              dataSource={f?.quizResults ?? []}
              columns={[
                { title: t('learning.course'), dataIndex: 'label' },
                { title: t('learning.attempts'), dataIndex: 'attempts', width: 90 },
                { title: t('learning.passedCount'), dataIndex: 'passed', width: 90 },
                { title: t('learning.averagePercent'), key: 'avg', width: 110, render: (_, r) => percent(r.averagePercent) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('learning.hardestQuestions')} size="small" data-testid="figures-hardest">
            <Table
              rowKey={(r) => `${r.courseTitle}-${r.text}`}
              size="small"
              pagination={false}
              dataSource={f?.hardestQuestions ?? []}
              columns={[
                {
                  title: t('learning.questionText'),
                  key: 'text',
                  render: (_, r) => (
                    <>
                      <div>{r.text}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.courseTitle}
                      </Typography.Text>
                    </>
                  ),
                },
                { title: t('learning.answered'), dataIndex: 'answered', width: 70 },
                { title: t('learning.correctRate'), key: 'rate', width: 90, render: (_, r) => percent(r.correctRate) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
