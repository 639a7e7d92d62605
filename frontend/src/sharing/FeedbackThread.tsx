import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { UserSelect } from '../meetings/UserSelect';
import { CalendarMeetingsQuery } from '../meetings/operations';
import { dayjs } from '../i18n/time';
import type { PublicationQuery } from '../gql/graphql';
import { AddFeedbackMutation, AnswerFeedbackMutation, TurnFeedbackIntoActionItemMutation } from './operations';

type Node = Extract<NonNullable<PublicationQuery['node']>, { __typename: 'Publication' }>;
type Item = Node['feedback'][number];

function AnswerForm({ item, onDone }: { item: Item; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ answer: string }>();
  const feedback = useMutationFeedback();
  const [{ fetching }, answer] = useMutation(AnswerFeedbackMutation);
  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await answer({ input: { feedbackId: item.id, answer: v.answer.trim() } });
    if (feedback(outcome, outcome.data?.answerFeedback, form)?.__typename === 'AnswerFeedbackSuccess') onDone();
  };
  return (
    <Form form={form} layout="inline" style={{ marginTop: 8 }}>
      <Form.Item name="answer" label={t('sharing.answer')} rules={[{ required: true, whitespace: true, message: t('sharing.answerRequired') }]} style={{ flex: 1 }}>
        <Input placeholder={t('sharing.answerPlaceholder')} data-testid="answer-text" />
      </Form.Item>
      <Button type="primary" loading={fetching} onClick={() => void submit().catch(() => undefined)} data-testid="answer-submit">
        {t('sharing.answer')}
      </Button>
    </Form>
  );
}

function ActionItemModal({ item, open, onClose, onDone }: { item: Item; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; meetingId: string; ownerId: string; dueOn: Dayjs }>();
  const feedback = useMutationFeedback();
  const now = dayjs();
  const [meetings] = useQuery({
    query: CalendarMeetingsQuery,
    variables: { startsAfter: now.subtract(60, 'day').toISOString(), startsBefore: now.add(60, 'day').toISOString() },
    pause: !open,
  });
  const [{ fetching }, turn] = useMutation(TurnFeedbackIntoActionItemMutation);
  const options = (meetings.data?.meetings?.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.title} · ${formatDateTime(e.node.startsAt)}` }));
  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await turn({ input: { feedbackId: item.id, meetingId: v.meetingId, ownerId: v.ownerId, dueOn: v.dueOn.format('YYYY-MM-DD'), title: v.title?.trim() || null } });
    if (feedback(outcome, outcome.data?.turnFeedbackIntoActionItem, form)?.__typename === 'TurnFeedbackIntoActionItemSuccess') onDone();
  };
  return (
    <Modal title={t('sharing.toActionItem')} open={open} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} confirmLoading={fetching} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ title: item.text.slice(0, 200) }}>
        <Form.Item name="title" label={t('sharing.actionItemTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="meetingId" label={t('sharing.meeting')} rules={[{ required: true, message: t('sharing.meetingRequired') }]}>
          <Select options={options} loading={meetings.fetching} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="ownerId" label={t('sharing.owner')} rules={[{ required: true, message: t('sharing.ownerRequired') }]}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="dueOn" label={t('sharing.dueOn')} rules={[{ required: true, message: t('sharing.dueOnRequired') }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 反馈与提问: receivers' remarks and questions, the responsible person's answers, a question turned into an action item. */
export function FeedbackThread({ publication, onChange }: { publication: Node; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; question?: boolean }>();
  const feedback = useMutationFeedback();
  const [{ fetching }, add] = useMutation(AddFeedbackMutation);
  const [turning, setTurning] = useState<Item | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await add({ input: { publicationId: publication.id, text: v.text.trim(), question: v.question ?? false } });
    if (feedback(outcome, outcome.data?.addFeedback, form)?.__typename === 'AddFeedbackSuccess') {
      form.resetFields();
      onChange();
    }
  };

  return (
    <Card title={t('sharing.feedbackTitle')} size="small" data-testid="feedback-thread">
      {publication.feedback.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sharing.noFeedback')} />
      ) : (
        <List
          dataSource={publication.feedback}
          renderItem={(f) => (
            <List.Item data-testid="feedback-item">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space>
                  <Typography.Text strong>{f.author?.displayName}</Typography.Text>
                  {f.question && <Tag color="blue">{t('sharing.question')}</Tag>}
                  <Typography.Text type="secondary">{formatDateTime(f.createdAt)}</Typography.Text>
                  {f.actionItemId && <Tag color="purple">{t('sharing.hasActionItem')}</Tag>}
                </Space>
                <Typography.Paragraph style={{ marginBottom: 0 }}>{f.text}</Typography.Paragraph>
                {f.answer && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="feedback-answer">
                    ↳ {f.answeredBy?.displayName}：{f.answer}
                  </Typography.Paragraph>
                )}
                {f.viewerCanAnswer && <AnswerForm item={f} onDone={onChange} />}
                {publication.viewerCan.answer && f.question && !f.actionItemId && (
                  <Button size="small" onClick={() => setTurning(f)} data-testid="to-action-item">
                    {t('sharing.toActionItem')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {publication.viewerCan.addFeedback && (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item name="text" label={t('sharing.feedbackTitle')} rules={[{ required: true, whitespace: true, message: t('sharing.feedbackRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} placeholder={t('sharing.feedbackPlaceholder')} data-testid="feedback-text" />
          </Form.Item>
          <Form.Item name="question" valuePropName="checked">
            <Checkbox>{t('sharing.asQuestion')}</Checkbox>
          </Form.Item>
          <Button type="primary" loading={fetching} onClick={() => void submit().catch(() => undefined)} data-testid="feedback-submit">
            {t('sharing.send')}
          </Button>
        </Form>
      )}
      {turning && (
        <ActionItemModal
          item={turning}
          open
          onClose={() => setTurning(null)}
          onDone={() => {
            setTurning(null);
            void message.success(t('sharing.actionItemCreated'));
            onChange();
          }}
        />
      )}
    </Card>
  );
}
