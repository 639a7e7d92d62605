import { useEffect } from 'react';
import { DatePicker, Form, Input, Switch } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { dayjs, toShanghai } from '../i18n/time';
import { UpdateMeetingMutation } from './operations';
import { shanghaiIso } from './ScheduleMeetingDrawer';
import type { MeetingDetail } from './types';

interface Values {
  title: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  place?: string;
  videoLink?: string;
  confidential?: boolean;
}

/** 编辑会议: move, rename or relocate a meeting that has not closed. */
export function EditMeetingDrawer({ meeting, open, onClose, onSaved }: { meeting: MeetingDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useMutationFeedback();
  const [{ fetching }, update] = useMutation(UpdateMeetingMutation);

  useEffect(() => {
    if (!open) return;
    // The pickers show Beijing wall-clock time as a plain (zone-less) value.
    const wall = (iso: string) => dayjs(toShanghai(iso).format('YYYY-MM-DDTHH:mm:ss'));
    form.setFieldsValue({
      title: meeting.title,
      startsAt: wall(meeting.startsAt),
      endsAt: wall(meeting.endsAt),
      place: meeting.place,
      videoLink: meeting.videoLink,
      confidential: meeting.confidential,
    });
  }, [open, meeting, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await update({
      input: {
        id: meeting.id,
        title: v.title.trim(),
        startsAt: shanghaiIso(v.startsAt),
        endsAt: shanghaiIso(v.endsAt),
        place: v.place?.trim() ?? '',
        videoLink: v.videoLink?.trim() ?? '',
        confidential: v.confidential ?? false,
      },
    });
    if (feedback(outcome, outcome.data?.updateMeeting, form)) onSaved();
  };

  return (
    <FormDrawer title={t('meetings.editTitle')} open={open} onClose={onClose} width={520} creating={false} submitting={fetching} onSubmit={submit} submitTestId="meeting-edit-submit">
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="title" label={t('meetings.title')} rules={[{ required: true, whitespace: true, message: t('meetings.titleRequired') }]}>
          <Input maxLength={200} data-testid="edit-title" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('meetings.startsAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="edit-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('meetings.endsAt')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="edit-ends" />
        </Form.Item>
        <Form.Item name="place" label={t('meetings.place')}>
          <Input maxLength={200} data-testid="edit-place" />
        </Form.Item>
        <Form.Item name="videoLink" label={t('meetings.videoLink')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="confidential" label={t('meetings.confidential')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
