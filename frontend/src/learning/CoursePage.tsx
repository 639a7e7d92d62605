import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Menu, Result, Row, Space, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, PlayCircleOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AttachmentsCard } from '../attachments/AttachmentsCard';
import type { AttachmentFieldsFragment, AttemptFieldsFragment, CourseCardFieldsFragment, CourseQuery as Result_ } from '../gql/graphql';
import { NodeFallback } from '../common/NodeFallback';
import { PageHeader } from '../layout/PageHeader';
import { useMutationFeedback } from '../graphql/errors';
import { formatDate } from '../i18n/time';
import { CompleteLessonMutation, CourseQuery, EnrollInCourseMutation } from './operations';
import { CourseStateTag, EnrollmentStateTag, LessonProgress } from './tags';
import { QuizCard } from './QuizCard';

type CourseNode = Extract<NonNullable<Result_['node']>, { __typename: 'Course' }>;

/** The course reader: its chapters and lessons, each marked done, the quiz, the materials; 报名 for who has not. */
export default function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, refetch] = useQuery({ query: CourseQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const node = result.data?.node?.__typename === 'Course' ? (result.data.node as CourseNode) : null;
  if (!node) return <NodeFallback result={result} title={t('learning.nothing')} />;
  return <CourseView node={node} reload={() => refetch({ requestPolicy: 'network-only' })} />;
}

function CourseView({ node, reload }: { node: CourseNode; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const card: CourseCardFieldsFragment = node;
  const enrollment = node.viewerEnrollment;
  const lessons = (enrollment?.version.chapters ?? []).flatMap((c) => c.lessons);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const lesson = lessons.find((l) => l.id === selected) ?? lessons[0];
  const done = new Set(enrollment?.completedLessonIds ?? []);
  const [{ fetching: enrolling }, enroll] = useMutation(EnrollInCourseMutation);
  const [{ fetching: completing }, complete] = useMutation(CompleteLessonMutation);
  const attempts: AttemptFieldsFragment[] = enrollment?.attempts ?? [];

  const doEnroll = async () => {
    const outcome = await enroll({ input: { courseId: card.id } });
    if (feedback(outcome, outcome.data?.enrollInCourse)) {
      void message.success(t('learning.enrolled'));
      reload();
    }
  };
  const doComplete = async () => {
    if (!enrollment || !lesson) return;
    const outcome = await complete({ input: { enrollmentId: enrollment.id, lessonId: lesson.id } });
    const ok = feedback(outcome, outcome.data?.completeLesson);
    if (ok) {
      void message.success(t('learning.lessonCompleted'));
      const next = lessons.find((l) => !done.has(l.id) && l.id !== lesson.id);
      if (next) setSelected(next.id);
      reload();
    }
  };

  return (
    <>
      <PageHeader
        title={card.title}
        subtitle={card.summary}
        extra={
          <Space>
            <CourseStateTag state={card.state} />
            {enrollment && <EnrollmentStateTag state={enrollment.state} overdue={enrollment.overdue} />}
            {!enrollment && card.viewerCan.enroll && (
              <Button type="primary" loading={enrolling} onClick={() => void doEnroll()} data-testid="course-enroll">
                {t('learning.enroll')}
              </Button>
            )}
          </Space>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'tags', label: t('learning.tags'), children: card.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          { key: 'aud', label: t('learning.audience'), children: card.audience.length ? card.audience.map((k) => t(`departmentKind.${k}`)).join('、') : t('learning.everyone') },
          { key: 'author', label: t('learning.author'), children: [card.author?.displayName, card.reviewer?.displayName].filter(Boolean).join(' / ') },
          { key: 'version', label: t('learning.version'), children: enrollment ? enrollment.version.number : (card.currentVersion?.number ?? '—') },
          ...(enrollment?.dueOn ? [{ key: 'due', label: t('learning.dueOn'), children: formatDate(enrollment.dueOn) }] : []),
        ]}
      />
      {enrollment?.state === 'COMPLETED' && (
        <div data-testid="course-completed">
          <Result status="success" title={t('learning.courseCompleted')} style={{ padding: 16 }} />
        </div>
      )}
      {enrollment ? (
        <Row gutter={16}>
          <Col xs={24} md={7}>
            <Card size="small" title={<LessonProgress done={enrollment.completedLessonCount} total={enrollment.lessonCount} />}>
              <Menu
                mode="inline"
                selectedKeys={lesson ? [lesson.id] : []}
                onClick={(e) => setSelected(e.key)}
                items={enrollment.version.chapters.map((c, ci) => ({
                  key: `chapter-${ci}`,
                  type: 'group' as const,
                  label: c.title,
                  children: c.lessons.map((l) => ({
                    key: l.id,
                    label: (
                      <span data-testid="lesson-item">
                        {done.has(l.id) && <CheckCircleTwoTone twoToneColor="#52c41a" style={{ marginRight: 6 }} />}
                        {l.title}
                      </span>
                    ),
                  })),
                }))}
              />
            </Card>
          </Col>
          <Col xs={24} md={17}>
            {lesson ? (
              <Card
                title={<span data-testid="lesson-title">{lesson.title}</span>}
                extra={
                  done.has(lesson.id) ? (
                    <Tag color="green" data-testid="lesson-done">
                      {t('learning.lessonDone')}
                    </Tag>
                  ) : (
                    enrollment.viewerCan.learn && (
                      <Button type="primary" loading={completing} onClick={() => void doComplete()} data-testid="lesson-complete">
                        {t('learning.completeLesson')}
                      </Button>
                    )
                  )
                }
                style={{ marginBottom: 16 }}
              >
                {lesson.videoUrl && (
                  <Typography.Paragraph>
                    <a href={lesson.videoUrl} target="_blank" rel="noopener noreferrer">
                      <PlayCircleOutlined /> {t('learning.video')}
                    </a>
                  </Typography.Paragraph>
                )}
                {/* The server keeps lessons as sanitized HTML (nh3): no scripts, styles or unsafe links. */}
                <div className="lesson-body" data-testid="lesson-body" dangerouslySetInnerHTML={{ __html: lesson.body }} />
              </Card>
            ) : (
              <Empty />
            )}
            {enrollment.version.questionCount > 0 && (
              <QuizCard
                enrollmentId={enrollment.id}
                passMark={enrollment.version.passMark}
                maxAttempts={enrollment.version.maxAttempts}
                questionCount={enrollment.version.questionCount}
                attempts={attempts}
                canAttempt={enrollment.viewerCan.attempt}
                onChange={reload}
              />
            )}
          </Col>
        </Row>
      ) : (
        <Card title={t('learning.chapters')} size="small" style={{ marginBottom: 16 }}>
          {card.viewerCan.enroll && <Alert type="info" showIcon message={t('learning.enrollFirst')} style={{ marginBottom: 12 }} />}
          {(node.currentVersion?.chapters ?? []).map((c) => (
            <div key={c.title} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{c.title}</Typography.Text>
              <ul>
                {c.lessons.map((l) => (
                  <li key={l.id}>{l.title}</li>
                ))}
              </ul>
            </div>
          ))}
        </Card>
      )}
      <div style={{ marginTop: 16 }}>
        <Typography.Title level={5}>{t('learning.materials')}</Typography.Title>
        <AttachmentsCard ownerId={card.id} attachments={node.attachments as AttachmentFieldsFragment[]} canAttach={node.viewerCanAttach} onChange={reload} />
      </div>
    </>
  );
}
