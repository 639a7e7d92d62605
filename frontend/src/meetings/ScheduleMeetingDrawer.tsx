import { useEffect } from 'react';
import { DatePicker, Form, Input, Select, Switch, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { DISPLAY_TIME_ZONE, dayjs } from '../i18n/time';
import { MeetingSeriesListQuery, ScheduleMeetingMutation } from './operations';
import { UserSelect } from './UserSelect';

interface Values {
  seriesId?: string;
  title?: string;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  place?: string;
  videoLink?: string;
  confidential?: boolean;
  attendeeIds?: string[];
}

interface Props {
  open: boolean;
  onClose: () => void;
  onScheduled: (id: string) => void;
  /** Opened from a series page: the series is chosen already. */
  seriesId?: string;
  /** Opened from a calendar day: the day is chosen already (09:00–10:00). */
  day?: Dayjs;
}

/** A picked wall-clock time is Beijing time whatever the browser's zone. */
export function shanghaiIso(value: Dayjs | undefined | null): string | null {
  return value ? dayjs.tz(value.format('YYYY-MM-DDTHH:mm:00'), DISPLAY_TIME_ZONE).toISOString() : null;
}

/** 安排会议: of a series (what is left empty comes from it) or on its own. */
export function ScheduleMeetingDrawer({ open, onClose, onScheduled, seriesId, day }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useMutationFeedback();
  const [{ fetching }, schedule] = useMutation(ScheduleMeetingMutation);
  const [series] = useQuery({ query: MeetingSeriesListQuery, variables: { first: 100 }, pause: !open });
  const chosenSeries = Form.useWatch('seriesId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      seriesId,
      startsAt: day ? day.hour(9).minute(0) : undefined,
      endsAt: day ? day.hour(10).minute(0) : undefined,
    });
  }, [open, seriesId, day, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await schedule({
      input: {
        seriesId: v.seriesId ?? null,
        title: v.title?.trim() || null,
        startsAt: shanghaiIso(v.startsAt),
        endsAt: shanghaiIso(v.endsAt),
        place: v.place?.trim() || null,
        videoLink: v.videoLink?.trim() || null,
        confidential: v.confidential ?? null,
        attendeeIds: v.attendeeIds ?? [],
      },
    });
    const ok = feedback(outcome, outcome.data?.scheduleMeeting, form);
    if (ok?.__typename === 'ScheduleMeetingSuccess') onScheduled(ok.meeting.id);
  };

  return (
    <FormDrawer
      title={t('meetings.scheduleTitle')}
      open={open}
      onClose={onClose}
      width={560}
      creating
      submitting={fetching}
      onSubmit={submit}
      submitTestId="schedule-submit"
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="seriesId" label={t('meetings.series')} extra={t('meetings.seriesHint')}>
          <Select
            allowClear
            data-testid="schedule-series"
            options={(series.data?.meetingSeries?.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.title }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('meetings.title')}
          rules={chosenSeries ? [] : [{ required: true, whitespace: true, message: t('meetings.titleRequired') }]}
        >
          <Input maxLength={200} data-testid="schedule-title" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('meetings.startsAt')}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="schedule-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('meetings.endsAt')}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="schedule-ends" />
        </Form.Item>
        <Form.Item name="place" label={t('meetings.place')}>
          <Input maxLength={200} data-testid="schedule-place" />
        </Form.Item>
        <Form.Item name="videoLink" label={t('meetings.videoLink')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="confidential" label={t('meetings.confidential')} valuePropName="checked">
          <Switch data-testid="schedule-confidential" />
        </Form.Item>
        <Form.Item name="attendeeIds" label={t('meetings.attendees')}>
          <UserSelect multiple testId="schedule-attendees" />
        </Form.Item>
        <Typography.Text type="secondary">{t('meetings.calendarHint')}</Typography.Text>
      </Form>
    </FormDrawer>
  );
}
