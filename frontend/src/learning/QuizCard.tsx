import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Radio, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AttemptFieldsFragment } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { StartQuizAttemptMutation, SubmitQuizAttemptMutation } from './operations';

interface Props {
  enrollmentId: string;
  passMark: number;
  maxAttempts: number | null | undefined;
  questionCount: number;
  attempts: AttemptFieldsFragment[];
  canAttempt: boolean;
  onChange: () => void;
}

function optionTexts(q: AttemptFieldsFragment['questions'][number], keys: readonly string[] | null | undefined): string {
  return (keys ?? []).map((k) => q.options.find((o) => o.key === k)?.text ?? k).join('、') || '—';
}

/** The result of a handed-in attempt: the score, passed or not, and each question with the correct answer. */
function AttemptResult({ attempt }: { attempt: AttemptFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <div data-testid="quiz-result">
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('learning.attempt', { number: attempt.number })}</Typography.Text>
        <Typography.Text data-testid="quiz-score">{t('learning.score', { score: attempt.score, max: attempt.maxScore, percent: attempt.percent })}</Typography.Text>
        {attempt.passed ? (
          <Tag color="green" data-testid="quiz-passed">
            {t('learning.passed')}
          </Tag>
        ) : (
          <Tag color="red" data-testid="quiz-failed">
            {t('learning.failed')}
          </Tag>
        )}
      </Space>
      {attempt.questions.map((q, i) => (
        <Descriptions
          key={q.id}
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 8 }}
          title={
            <Space>
              {q.correct ? <CheckCircleOutlined style={{ color: '#52c41a' }} /> : <CloseCircleOutlined style={{ color: '#ff4d4f' }} />}
              <span data-testid="result-question">{`${i + 1}. ${q.text}`}</span>
            </Space>
          }
          items={[
            { key: 'yours', label: t('learning.yourAnswer'), children: optionTexts(q, q.chosenKeys) },
            { key: 'correct', label: t('learning.correctAnswer'), children: <span data-testid="result-correct">{optionTexts(q, q.correctKeys)}</span> },
          ]}
        />
      ))}
    </div>
  );
}

/** The course quiz: start an attempt (its options shuffled by the server), answer, hand in, see the result. */
export function QuizCard({ enrollmentId, passMark, maxAttempts, questionCount, attempts, canAttempt, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [{ fetching: starting }, start] = useMutation(StartQuizAttemptMutation);
  const [{ fetching: submitting }, submit] = useMutation(SubmitQuizAttemptMutation);
  const open = attempts.find((a) => !a.submittedAt);
  const done = attempts.filter((a) => a.submittedAt);
  const last = done[done.length - 1];
  const left = maxAttempts == null ? null : Math.max(0, maxAttempts - attempts.length);
  const passedOnce = done.some((a) => a.passed);

  const doStart = async () => {
    const outcome = await start({ input: { enrollmentId } });
    if (feedback(outcome, outcome.data?.startQuizAttempt)) {
      setAnswers({});
      onChange();
    }
  };
  const doSubmit = async () => {
    if (!open) return;
    const outcome = await submit({
      input: { attemptId: open.id, answers: open.questions.map((q) => ({ questionId: q.id, optionKeys: answers[q.id] ?? [] })) },
    });
    const ok = feedback(outcome, outcome.data?.submitQuizAttempt);
    if (ok) {
      void message.info(ok.attempt.passed ? t('learning.passed') : t('learning.failed'));
      onChange();
    }
  };

  return (
    <Card title={t('learning.quiz')} data-testid="quiz-card" extra={left != null && <Typography.Text type="secondary">{t('learning.attemptsLeft', { count: left })}</Typography.Text>}>
      <Typography.Paragraph type="secondary">{t('learning.quizHint', { count: questionCount, passMark })}</Typography.Paragraph>
      {open ? (
        <div data-testid="quiz-form">
          {open.questions.map((q, i) => (
            <div key={q.id} style={{ marginBottom: 16 }} data-testid="quiz-question">
              <Typography.Text strong>
                {`${i + 1}. ${q.text}`} <Tag>{t(`questionKind.${q.kind}`)}</Tag>
              </Typography.Text>
              <div style={{ marginTop: 8 }}>
                {q.kind === 'MULTIPLE_CHOICE' ? (
                  <Checkbox.Group
                    value={answers[q.id] ?? []}
                    onChange={(v) => setAnswers({ ...answers, [q.id]: v as string[] })}
                    options={q.options.map((o) => ({ value: o.key, label: <span data-testid="quiz-option">{o.text}</span> }))}
                  />
                ) : (
                  <Radio.Group
                    value={answers[q.id]?.[0]}
                    onChange={(e) => setAnswers({ ...answers, [q.id]: [e.target.value as string] })}
                    options={q.options.map((o) => ({ value: o.key, label: <span data-testid="quiz-option">{o.text}</span> }))}
                  />
                )}
              </div>
            </div>
          ))}
          <Button type="primary" loading={submitting} onClick={() => void doSubmit()} data-testid="quiz-submit">
            {t('learning.submitQuiz')}
          </Button>
        </div>
      ) : (
        <>
          {last && <AttemptResult attempt={last} />}
          {canAttempt && !passedOnce && (left == null || left > 0) && (
            <Button type="primary" loading={starting} onClick={() => void doStart()} data-testid="quiz-start">
              {last ? t('learning.retryQuiz') : t('learning.startQuiz')}
            </Button>
          )}
          {!canAttempt && !last && <Alert type="info" showIcon message={t('learning.enrollFirst')} />}
        </>
      )}
    </Card>
  );
}
