import { useState } from 'react';
import { App, Button, Card, Empty, List, Space, Steps, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { CoursesQuery as CoursesResult, EnrollmentRowFieldsFragment } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionTable } from '../common/ConnectionTable';
import { useConnectionQuery } from '../graphql/pagination';
import { useMutationFeedback } from '../graphql/errors';
import { formatDate, formatDateTime } from '../i18n/time';
import { CoursesQuery, EnrollInCourseMutation, LearningPathsQuery, MyEnrollmentsQuery } from './operations';
import { CourseStateTag, EnrollmentStateTag, LessonProgress, coursePath } from './tags';

type Tab = 'required' | 'inProgress' | 'completed' | 'catalogue' | 'paths';

const VARIABLES: Record<'required' | 'inProgress' | 'completed', { state?: 'IN_PROGRESS' | 'COMPLETED'; required?: boolean }> = {
  required: { state: 'IN_PROGRESS', required: true },
  inProgress: { state: 'IN_PROGRESS' },
  completed: { state: 'COMPLETED' },
};

type CatalogueCourse = NonNullable<CoursesResult['courses']>['edges'][number]['node'];

function Enrollments({ tab }: { tab: keyof typeof VARIABLES }) {
  const { t } = useTranslation();
  const list = useConnectionQuery({
    query: MyEnrollmentsQuery,
    variables: { first: 20, ...VARIABLES[tab] },
    connectionOf: (d) => d.enrollments,
    requestPolicy: 'cache-and-network',
  });
  const columns: TableColumnsType<EnrollmentRowFieldsFragment> = [
    {
      title: t('learning.course'),
      key: 'course',
      render: (_, e) => (
        <Space size={4} wrap>
          <Link to={coursePath(e.course?.id ?? '')} data-testid="enrollment-link">
            {e.course?.title}
          </Link>
          {e.required && <Tag color="purple">{t('learning.required')}</Tag>}
        </Space>
      ),
    },
    { title: t('learning.progress'), key: 'progress', width: 200, render: (_, e) => <LessonProgress done={e.completedLessonCount} total={e.lessonCount} /> },
    { title: t('learning.dueOn'), key: 'due', width: 120, render: (_, e) => formatDate(e.dueOn) },
    { title: t('learning.state'), key: 'state', width: 100, render: (_, e) => <EnrollmentStateTag state={e.state} overdue={e.overdue} /> },
    { title: t('learning.completedAt'), key: 'done', width: 150, render: (_, e) => formatDateTime(e.completedAt) },
  ];
  return <ConnectionTable<EnrollmentRowFieldsFragment> {...list.table} columns={columns} data-testid={`enrollments-${tab}`} />;
}

function Catalogue() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const feedback = useMutationFeedback();
  const list = useConnectionQuery({ query: CoursesQuery, variables: { first: 20, state: 'PUBLISHED' }, connectionOf: (d) => d.courses });
  const [{ fetching }, enroll] = useMutation(EnrollInCourseMutation);
  const doEnroll = async (c: CatalogueCourse) => {
    const outcome = await enroll({ input: { courseId: c.id } });
    if (feedback(outcome, outcome.data?.enrollInCourse)) {
      void message.success(t('learning.enrolled'));
      void navigate(coursePath(c.id));
    }
  };
  const columns: TableColumnsType<CatalogueCourse> = [
    {
      title: t('learning.course'),
      key: 'title',
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <Link to={coursePath(c.id)} data-testid="catalogue-course">
            {c.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.summary}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('learning.tags'), key: 'tags', width: 200, render: (_, c) => c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
    {
      title: t('learning.audience'),
      key: 'aud',
      width: 140,
      render: (_, c) => (c.audience.length ? c.audience.map((k) => t(`departmentKind.${k}`)).join('、') : t('learning.everyone')),
    },
    { title: t('learning.lessons'), key: 'lessons', width: 80, render: (_, c) => c.currentVersion?.lessonCount ?? 0 },
    {
      title: '',
      key: 'act',
      width: 120,
      render: (_, c) =>
        c.viewerEnrollment ? (
          <EnrollmentStateTag state={c.viewerEnrollment.state} />
        ) : c.viewerCan.enroll ? (
          <Button size="small" type="primary" loading={fetching} onClick={() => void doEnroll(c)} data-testid="catalogue-enroll">
            {t('learning.enroll')}
          </Button>
        ) : (
          <CourseStateTag state={c.state} />
        ),
    },
  ];
  return <ConnectionTable<CatalogueCourse> {...list.table} columns={columns} />;
}

function Paths() {
  const { t } = useTranslation();
  const [paths] = useQuery({ query: LearningPathsQuery, requestPolicy: 'cache-and-network' });
  const nodes = paths.data?.learningPaths?.edges.map((e) => e.node) ?? [];
  if (!paths.fetching && nodes.length === 0) return <Empty description={t('learning.nothing')} />;
  return (
    <List
      loading={paths.fetching}
      dataSource={nodes}
      renderItem={(path) => (
        <Card key={path.id} title={path.title} size="small" style={{ marginBottom: 12 }} data-testid="learning-path">
          <Typography.Paragraph type="secondary">{path.description}</Typography.Paragraph>
          <Steps
            size="small"
            items={path.steps.map((s) => ({
              title: <Link to={coursePath(s.course.id)}>{s.course.title}</Link>,
              status: s.viewerEnrollment?.state === 'COMPLETED' ? 'finish' : s.viewerEnrollment ? 'process' : 'wait',
              description: s.viewerEnrollment ? t(`enrollmentState.${s.viewerEnrollment.state}`) : '',
            }))}
          />
        </Card>
      )}
    />
  );
}

/** 我的学习: required courses, those in progress and done, the catalogue that suits the viewer, learning paths. */
export default function MyLearningPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('required');
  return (
    <>
      <PageHeader title={t('nav.myLearning')} subtitle={t('learning.myHint')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        destroyOnHidden
        items={[
          { key: 'required', label: <span data-testid="tab-required">{t('learning.tabRequired')}</span>, children: <Enrollments tab="required" /> },
          { key: 'inProgress', label: <span data-testid="tab-in-progress">{t('learning.tabInProgress')}</span>, children: <Enrollments tab="inProgress" /> },
          { key: 'completed', label: <span data-testid="tab-completed">{t('learning.tabCompleted')}</span>, children: <Enrollments tab="completed" /> },
          { key: 'catalogue', label: <span data-testid="tab-catalogue">{t('learning.tabCatalogue')}</span>, children: <Catalogue /> },
          { key: 'paths', label: <span data-testid="tab-paths">{t('learning.tabPaths')}</span>, children: <Paths /> },
        ]}
      />
    </>
  );
}
