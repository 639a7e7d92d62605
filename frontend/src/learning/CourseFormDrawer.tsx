import { useEffect } from 'react';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { DepartmentKind, QuestionKind } from '../gql/graphql';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { MinutesEditor } from '../meetings/MinutesEditor';
import { UserSelect } from '../meetings/UserSelect';
import { CourseDraftQuery, CreateCourseMutation, UpdateCourseMutation } from './operations';

interface OptionValue {
  text: string;
  correct?: boolean;
}

interface Values {
  title: string;
  summary?: string;
  tags?: string[];
  audience?: DepartmentKind[];
  reviewerId?: string;
  passMark: number;
  maxAttempts?: number | null;
  chapters?: { title: string; lessons?: { title: string; body?: string; videoUrl?: string }[] }[];
  questions?: { kind: QuestionKind; text: string; points?: number; options?: OptionValue[] }[];
}

const KINDS: DepartmentKind[] = ['BUSINESS', 'FINANCE', 'SUPPORT', 'EXECUTIVE'];
const QUESTION_KINDS: QuestionKind[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE'];

/** A lesson's rich text in the form: the minutes editor (Tiptap), as a controlled field. */
function RichText({ value, onChange, testId }: { value?: string; onChange?: (html: string) => void; testId: string }) {
  return <MinutesEditor initial={value ?? ''} onChange={onChange} testId={testId} />;
}

/** A question's options, each with whether it is correct: one field, so the server's error on it shows under it. */
function OptionsEditor({ value = [], onChange, testId }: { value?: OptionValue[]; onChange?: (v: OptionValue[]) => void; testId: string }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<OptionValue>) => onChange?.(value.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
      {value.map((o, i) => (
        <Space key={i} style={{ width: '100%' }}>
          <Input value={o.text} placeholder={t('learning.optionText')} onChange={(e) => set(i, { text: e.target.value })} data-testid="option-text" style={{ width: 320 }} />
          <Checkbox checked={!!o.correct} onChange={(e) => set(i, { correct: e.target.checked })} data-testid="option-correct">
            {t('learning.optionCorrect')}
          </Checkbox>
          <Button size="small" icon={<DeleteOutlined />} onClick={() => onChange?.(value.filter((_, j) => j !== i))} aria-label={t('learning.remove')} />
        </Space>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => onChange?.([...value, { text: '', correct: false }])} data-testid="option-add">
        {t('learning.addOption')}
      </Button>
    </Space>
  );
}

/** Write a course: its card, chapters of lessons (rich text, a video link) and its quiz; saved as the draft. */
export function CourseFormDrawer({ courseId, open, onClose, onSaved }: { courseId: string | null; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useMutationFeedback();
  const [draft] = useQuery({ query: CourseDraftQuery, variables: { id: courseId ?? '' }, pause: !open || !courseId, requestPolicy: 'network-only' });
  const [{ fetching: creating }, create] = useMutation(CreateCourseMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateCourseMutation);
  const course = draft.data?.node && 'draft' in draft.data.node ? draft.data.node : null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (course && course.draft) {
      form.setFieldsValue({
        title: course.title,
        summary: course.summary,
        tags: course.tags,
        audience: course.audience,
        reviewerId: course.reviewer?.id,
        passMark: course.passMark,
        maxAttempts: course.maxAttempts,
        chapters: course.draft.chapters.map((c) => ({ title: c.title, lessons: c.lessons.map((l) => ({ ...l })) })),
        questions: course.draft.questions.map((q) => ({ kind: q.kind, text: q.text, points: q.points, options: q.options.map((o) => ({ ...o })) })),
      });
    }
  }, [open, course, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const all = form.getFieldsValue(true) as Values;
    const input = {
      title: v.title,
      summary: all.summary ?? '',
      tags: all.tags ?? [],
      audience: all.audience ?? [],
      reviewerId: all.reviewerId ?? null,
      passMark: all.passMark ?? 60,
      maxAttempts: all.maxAttempts ?? null,
      chapters: (all.chapters ?? []).map((c) => ({
        title: c.title ?? '',
        lessons: (c.lessons ?? []).map((l) => ({ title: l.title ?? '', body: l.body ?? '', videoUrl: l.videoUrl ?? '' })),
      })),
      questions: (all.questions ?? []).map((q) => ({
        kind: q.kind,
        text: q.text ?? '',
        points: q.points ?? 1,
        options: (q.options ?? []).map((o) => ({ text: o.text ?? '', correct: !!o.correct })),
      })),
    };
    if (courseId) {
      const outcome = await update({ input: { id: courseId, course: input } });
      if (feedback(outcome, outcome.data?.updateCourse, form)) onSaved();
    } else {
      const outcome = await create({ input: { course: input } });
      if (feedback(outcome, outcome.data?.createCourse, form)) onSaved();
    }
  };

  const known = course?.reviewer ? [course.reviewer] : [];
  return (
    <FormDrawer
      title={courseId ? t('learning.editCourse') : t('learning.newCourse')}
      open={open}
      onClose={onClose}
      width={820}
      creating={!courseId}
      submitting={creating || updating}
      onSubmit={submit}
      submitTestId="course-submit"
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ passMark: 60, chapters: [{ title: '', lessons: [{ title: '' }] }], questions: [] }}>
        <Form.Item name="title" label={t('learning.title')} rules={[{ required: true, whitespace: true, message: t('learning.titleRequired') }]}>
          <Input maxLength={200} data-testid="course-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('learning.summary')}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="course-summary" />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="tags" label={t('learning.tags')}>
            <Select mode="tags" style={{ width: 240 }} data-testid="course-tags" />
          </Form.Item>
          <Form.Item name="audience" label={t('learning.audience')} tooltip={t('learning.everyone')}>
            <Select mode="multiple" style={{ width: 240 }} options={KINDS.map((k) => ({ value: k, label: t(`departmentKind.${k}`) }))} data-testid="course-audience" />
          </Form.Item>
          <Form.Item name="reviewerId" label={t('learning.reviewer')}>
            <UserSelect known={known} testId="course-reviewer" />
          </Form.Item>
          <Form.Item name="passMark" label={t('learning.passMark')}>
            <InputNumber data-testid="course-pass-mark" />
          </Form.Item>
          <Form.Item name="maxAttempts" label={t('learning.maxAttempts')}>
            <InputNumber placeholder={t('learning.unlimited')} data-testid="course-max-attempts" />
          </Form.Item>
        </Space>
        <Form.List name="chapters">
          {(chapters, { add, remove }) => (
            <>
              {chapters.map((chapter) => (
                <Card
                  key={chapter.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  data-testid="chapter-card"
                  title={
                    <Form.Item name={[chapter.name, 'title']} label={t('learning.chapterTitle')} style={{ margin: 0 }}>
                      <Input data-testid="chapter-title" />
                    </Form.Item>
                  }
                  extra={<Button size="small" icon={<DeleteOutlined />} onClick={() => remove(chapter.name)} aria-label={t('learning.remove')} />}
                >
                  <Form.List name={[chapter.name, 'lessons']}>
                    {(lessons, lessonOps) => (
                      <>
                        {lessons.map((lesson) => (
                          <Card key={lesson.key} size="small" type="inner" style={{ marginBottom: 8 }} extra={<Button size="small" icon={<DeleteOutlined />} onClick={() => lessonOps.remove(lesson.name)} aria-label={t('learning.remove')} />}>
                            <Form.Item name={[lesson.name, 'title']} label={t('learning.lessonTitle')}>
                              <Input data-testid="lesson-title-input" />
                            </Form.Item>
                            <Form.Item name={[lesson.name, 'videoUrl']} label={t('learning.videoUrl')}>
                              <Input placeholder="https://" data-testid="lesson-video-input" />
                            </Form.Item>
                            <Form.Item name={[lesson.name, 'body']} label={t('learning.lessonBody')}>
                              <RichText testId="lesson-body-editor" />
                            </Form.Item>
                          </Card>
                        ))}
                        <Button size="small" icon={<PlusOutlined />} onClick={() => lessonOps.add({ title: '' })} data-testid="lesson-add">
                          {t('learning.addLesson')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ title: '', lessons: [{ title: '' }] })} style={{ marginBottom: 16 }} data-testid="chapter-add">
                {t('learning.addChapter')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.List name="questions">
          {(questions, { add, remove }) => (
            <>
              {questions.map((q, i) => (
                <Card key={q.key} size="small" style={{ marginBottom: 12 }} title={`${t('learning.questions')} ${i + 1}`} data-testid="question-card" extra={<Button size="small" icon={<DeleteOutlined />} onClick={() => remove(q.name)} aria-label={t('learning.remove')} />}>
                  <Space wrap>
                    <Form.Item name={[q.name, 'kind']} label={t('learning.questionKind')}>
                      <Select
                        style={{ width: 140 }}
                        options={QUESTION_KINDS.map((k) => ({ value: k, label: t(`questionKind.${k}`) }))}
                        onChange={(kind: QuestionKind) => {
                          if (kind === 'TRUE_FALSE') form.setFieldValue(['questions', q.name, 'options'], [{ text: '正确' }, { text: '错误' }]);
                        }}
                      />
                    </Form.Item>
                    <Form.Item name={[q.name, 'points']} label={t('learning.points')}>
                      <InputNumber />
                    </Form.Item>
                  </Space>
                  <Form.Item name={[q.name, 'text']} label={t('learning.questionText')}>
                    <Input.TextArea autoSize data-testid="question-text" />
                  </Form.Item>
                  <Form.Item name={[q.name, 'options']} label={t('learning.options')}>
                    <OptionsEditor testId="question-options" />
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'SINGLE_CHOICE', points: 1, text: '', options: [{ text: '' }, { text: '' }] })} data-testid="question-add">
                {t('learning.addQuestion')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
