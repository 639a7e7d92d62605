import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { CreateActionItemMutation } from './operations';
import { ActionItemsTable } from './ActionItemsTable';
import { UserSelect } from './UserSelect';
import type { MeetingDetail } from './types';

interface Values {
  title: string;
  ownerId: string;
  dueOn: Dayjs;
  note?: string;
  decisionId?: string;
}

/** 待办事项 of the meeting, and assigning a new one to someone with a due date. */
export function ActionItemsSection({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [{ fetching }, create] = useMutation(CreateActionItemMutation);
  const known = meeting.attendance.flatMap((a) => (a.user ? [{ id: a.user.id, displayName: a.user.displayName }] : []));

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await create({
      input: { meetingId: meeting.id, title: v.title.trim(), ownerId: v.ownerId, dueOn: v.dueOn.format('YYYY-MM-DD'), note: v.note?.trim() || null },
    });
    if (feedback(outcome, outcome.data?.createActionItem, form)) {
      void message.success(t('meetings.actionItemAdded'));
      setOpen(false);
      reload();
    }
  };

  return (
    <Card
      title={t('meetings.actionItems')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="action-items-card"
      extra={
        meeting.viewerCan.assignActionItems && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }} data-testid="action-add">
            {t('meetings.addActionItem')}
          </Button>
        )
      }
    >
      <ActionItemsTable items={meeting.actionItems} onChanged={reload} />
      <FormDrawer title={t('meetings.addActionItem')} open={open} onClose={() => setOpen(false)} width={520} creating submitting={fetching} onSubmit={submit} submitTestId="action-submit">
        <Form form={form} layout="vertical" requiredMark="optional">
          <Form.Item name="title" label={t('meetings.actionTitle')} rules={[{ required: true, whitespace: true, message: t('meetings.actionTitleRequired') }]}>
            <Input maxLength={200} data-testid="action-input-title" />
          </Form.Item>
          <Form.Item name="ownerId" label={t('meetings.owner')} rules={[{ required: true, message: t('meetings.ownerRequired') }]}>
            <UserSelect known={known} testId="action-owner" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('meetings.dueOn')} rules={[{ required: true, message: t('meetings.dueOnRequired') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="action-due" />
          </Form.Item>
          <Form.Item name="note" label={t('meetings.note')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </Card>
  );
}
