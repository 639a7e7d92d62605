import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Select, Switch, TreeSelect } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { toShanghai } from '../i18n/time';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { useDepartmentOptions } from '../common/departments';
import { CreateMeetingSeriesMutation, MeetingRoleOptionsQuery, UpdateMeetingSeriesMutation } from './operations';
import { RecurrencePicker } from './RecurrencePicker';
import { shanghaiIso } from './ScheduleMeetingDrawer';
import { toRRule } from './recurrence';

interface Values {
  title: string;
  goal?: string;
  projectCode?: string;
  focus?: string;
  recurrence: string;
  startsAt: Dayjs;
  durationMinutes: number;
  place?: string;
  videoLink?: string;
  confidential?: boolean;
  readerRoles?: string[];
  defaultDepartmentIds?: string[];
  defaultRoles?: string[];
  departmentId?: string;
}

/** A series as the form shows it when editing (the series page's query has these fields). */
export interface SeriesFormValues {
  id: string;
  title: string;
  goal: string;
  projectCode?: string | null;
  focus: string;
  recurrence: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  videoLink: string;
  confidential: boolean;
  readerRoles: string[];
  defaultRoles: string[];
  defaultDepartments: { id: string }[];
  department?: { id: string } | null;
}

function prefilled(series: SeriesFormValues): Values {
  return {
    title: series.title,
    goal: series.goal,
    projectCode: series.projectCode ?? undefined,
    focus: series.focus,
    recurrence: series.recurrence,
    startsAt: toShanghai(series.startsAt),
    durationMinutes: series.durationMinutes,
    place: series.place,
    videoLink: series.videoLink,
    confidential: series.confidential,
    readerRoles: series.readerRoles,
    defaultDepartmentIds: series.defaultDepartments.map((d) => d.id),
    defaultRoles: series.defaultRoles,
    departmentId: series.department?.id,
  };
}

/**
 * 新建例会 / 编辑例会: its goal, focus, recurrence (picked or typed as an RRULE) and default attendees.
 * With `series` the same form opens prefilled and saves with updateMeetingSeries; meetings already
 * scheduled keep their time (the form says so).
 */
export function SeriesFormDrawer({
  open,
  onClose,
  onCreated,
  series,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
  series?: SeriesFormValues;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useMutationFeedback();
  const departments = useDepartmentOptions();
  const [roles] = useQuery({ query: MeetingRoleOptionsQuery, pause: !open });
  const [{ fetching: creating }, create] = useMutation(CreateMeetingSeriesMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateMeetingSeriesMutation);
  const confidential = Form.useWatch('confidential', form);
  const roleOptions = (roles.data?.roles?.edges ?? []).map((e) => ({ value: e.node.code, label: e.node.name }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (series) form.setFieldsValue(prefilled(series));
  }, [open, form, series]);

  const submit = async () => {
    const v = await form.validateFields();
    const input = {
        title: v.title.trim(),
        goal: v.goal?.trim() ?? '',
        projectCode: v.projectCode?.trim() || null,
        focus: v.focus?.trim() ?? '',
        recurrence: v.recurrence.trim(),
        startsAt: shanghaiIso(v.startsAt) ?? '',
        durationMinutes: v.durationMinutes,
        place: v.place?.trim() ?? '',
        videoLink: v.videoLink?.trim() ?? '',
        confidential: v.confidential ?? false,
        readerRoles: v.confidential ? (v.readerRoles ?? []) : [],
        defaultDepartmentIds: v.defaultDepartmentIds ?? [],
        defaultRoles: v.defaultRoles ?? [],
        departmentId: v.departmentId ?? null,
    };
    if (series) {
      const outcome = await update({ input: { ...input, id: series.id } });
      const ok = feedback(outcome, outcome.data?.updateMeetingSeries, form);
      if (ok?.__typename === 'UpdateMeetingSeriesSuccess') onCreated(ok.series.id);
      return;
    }
    const outcome = await create({ input });
    const ok = feedback(outcome, outcome.data?.createMeetingSeries, form);
    if (ok?.__typename === 'CreateMeetingSeriesSuccess') onCreated(ok.series.id);
  };

  return (
    <FormDrawer
      title={series ? t('series.editTitle') : t('series.new')}
      open={open}
      onClose={onClose}
      width={640}
      creating={!series}
      submitting={creating || updating}
      onSubmit={submit}
      submitTestId="series-submit"
    >
      {series && <Alert type="info" showIcon message={t('series.keepsMeetings')} style={{ marginBottom: 16 }} data-testid="series-keeps-meetings" />}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ durationMinutes: 60, recurrence: toRRule({ kind: 'weekly', weekday: 'MO', interval: 1 }) }}
      >
        <Form.Item name="title" label={t('series.title')} rules={[{ required: true, whitespace: true, message: t('series.titleRequired') }]}>
          <Input maxLength={200} data-testid="series-title" />
        </Form.Item>
        <Form.Item name="goal" label={t('series.goal')}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="projectCode" label={t('series.projectCode')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="focus" label={t('series.focus')}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="series-focus" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('series.startsAt')} rules={[{ required: true, message: t('series.startsAtRequired') }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="series-starts" />
        </Form.Item>
        <Form.Item name="recurrence" label={t('series.recurrence')} rules={[{ required: true, whitespace: true, message: t('series.recurrenceRequired') }]}>
          <RecurrencePicker />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('series.duration')}>
          <InputNumber min={5} max={1440} step={15} />
        </Form.Item>
        <Form.Item name="place" label={t('series.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="videoLink" label={t('series.videoLink')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="departmentId" label={t('series.department')}>
          <TreeSelect allowClear treeDefaultExpandAll loading={departments.loading} treeData={departments.options} />
        </Form.Item>
        <Form.Item name="defaultDepartmentIds" label={t('series.defaultDepartments')}>
          <TreeSelect multiple allowClear treeDefaultExpandAll loading={departments.loading} treeData={departments.options} />
        </Form.Item>
        <Form.Item name="defaultRoles" label={t('series.defaultRoles')} extra={t('series.defaultRolesHint')}>
          <Select mode="multiple" allowClear options={roleOptions} />
        </Form.Item>
        <Form.Item name="confidential" label={t('series.confidential')} valuePropName="checked" extra={t('series.confidentialHint')}>
          <Switch />
        </Form.Item>
        {confidential && (
          <Form.Item name="readerRoles" label={t('series.readerRoles')}>
            <Select mode="multiple" allowClear options={roleOptions} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
