import { useEffect } from 'react';
import { App, Button, Descriptions, Form, Input, Modal, Popconfirm, Radio, Space, Typography } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { WorkCalendarDayKind } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { MarkWorkCalendarDayMutation, UnmarkWorkCalendarDayMutation } from './operations';
import type { CalendarDay } from './types';

/** The day the dialog edits, and its mark if it has one. */
export interface DayDialog {
  date: string;
  day: CalendarDay | null;
}

interface DayForm {
  date: string;
  kind: WorkCalendarDayKind;
  name: string;
}

/** Mark a day as a public holiday or a make-up working day, with its name; or return it to the plain week. */
export function DayModal({ dialog, onClose, onDone }: { dialog: DayDialog | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<DayForm>();
  const [{ fetching: saving }, mark] = useMutation(MarkWorkCalendarDayMutation);
  const [{ fetching: clearing }, unmark] = useMutation(UnmarkWorkCalendarDayMutation);
  const weekday = dialog ? dayjs(dialog.date).day() : 1;
  const weekend = weekday === 0 || weekday === 6;
  const marked = dialog?.day && dialog.day.kind !== 'ORDINARY' ? dialog.day : null;

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    form.setFieldsValue({
      date: dialog.date,
      kind: marked?.kind ?? (weekend ? 'WORKDAY' : 'HOLIDAY'),
      name: marked?.name ?? '',
    });
  }, [dialog, form, marked, weekend]);

  const submit = async () => {
    const values = await form.validateFields();
    const outcome = await mark({ input: { date: values.date, kind: values.kind, name: values.name } });
    if (!feedback(outcome, outcome.data?.markWorkCalendarDay, form)) return;
    void message.success(t('workCalendar.saved', { date: values.date }));
    onDone();
  };

  const clear = async () => {
    if (!dialog) return;
    const outcome = await unmark({ input: { date: dialog.date } });
    if (!feedback(outcome, outcome.data?.unmarkWorkCalendarDay, form)) return;
    void message.success(t('workCalendar.unmarked', { date: dialog.date }));
    onDone();
  };

  const weekdayName = t('workCalendar.weekdays').split(',')[(weekday + 6) % 7];
  return (
    <Modal
      open={dialog !== null}
      title={dialog ? t('workCalendar.dayTitle', { date: dialog.date, weekday: weekdayName }) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {marked && (
            <Popconfirm title={t('workCalendar.unmarkConfirm')} onConfirm={() => void clear()} okButtonProps={{ 'data-testid': 'wd-unmark-confirm' } as never}>
              <Button danger loading={clearing} data-testid="wd-unmark">
                {t('workCalendar.unmark')}
              </Button>
            </Popconfirm>
          )}
          <Button type="primary" loading={saving} onClick={() => void submit().catch(() => undefined)} data-testid="wd-save">
            {t('workCalendar.save')}
          </Button>
        </Space>
      }
    >
      {dialog && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('workCalendar.source')}>
            {dialog.day ? (
              <span data-testid="wd-source">
                {dialog.day.source === 'SEEDED' ? t('workCalendar.sourceSeeded') : t('workCalendar.sourceEdited')}
                {dialog.day.kind === 'ORDINARY' ? ` · ${t('workCalendar.cleared')}` : ''}
              </span>
            ) : (
              <Typography.Text type="secondary" data-testid="wd-source">
                {t('workCalendar.plainDay', { what: weekend ? t('workCalendar.plainRest') : t('workCalendar.plainWorking') })}
              </Typography.Text>
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="date" label={t('workCalendar.date')}>
          <Input disabled data-testid="wd-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('workCalendar.kind')} rules={[{ required: true }]}>
          <Radio.Group data-testid="wd-kind">
            <Radio value="HOLIDAY" data-testid="wd-kind-holiday">
              {t('workCalendar.kindHoliday')}
            </Radio>
            <Radio value="WORKDAY" data-testid="wd-kind-workday">
              {t('workCalendar.kindWorkday')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="name" label={t('workCalendar.name')} rules={[{ required: true, whitespace: true, message: t('workCalendar.nameRequired') }]}>
          <Input maxLength={100} placeholder={t('workCalendar.namePlaceholder')} data-testid="wd-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
