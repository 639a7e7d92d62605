import { useEffect } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Switch, TreeSelect } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { useDepartmentOptions } from '../common/departments';
import { CreateMeetingSeriesMutation, MeetingRoleOptionsQuery } from './operations';
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

/** 新建例会: its goal, focus, recurrence (picked or typed as an RRULE) and default attendees. */
export function SeriesFormDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useMutationFeedback();
  const departments = useDepartmentOptions();
  const [roles] = useQuery({ query: MeetingRoleOptionsQuery, pause: !open });
  const [{ fetching }, create] = useMutation(CreateMeetingSeriesMutation);
  const confidential = Form.useWatch('confidential', form);
  const roleOptions = (roles.data?.roles?.edges ?? []).map((e) => ({ value: e.node.code, label: e.node.name }));

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await create({
      input: {
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
      },
    });
    const ok = feedback(outcome, outcome.data?.createMeetingSeries, form);
    if (ok?.__typename === 'CreateMeetingSeriesSuccess') onCreated(ok.series.id);
  };

  return (
    <FormDrawer title={t('series.new')} open={open} onClose={onClose} width={640} creating submitting={fetching} onSubmit={submit} submitTestId="series-submit">
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
