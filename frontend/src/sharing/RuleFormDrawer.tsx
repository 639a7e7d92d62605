import { useEffect } from 'react';
import { DatePicker, Form, Input, InputNumber, Select, Switch, TreeSelect } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { useDepartmentOptions } from '../common/departments';
import { toShanghai } from '../i18n/time';
import { shanghaiIso } from '../meetings/ScheduleMeetingDrawer';
import { UserSelect } from '../meetings/UserSelect';
import type { SharingRuleFieldsFragment, SnapshotKind } from '../gql/graphql';
import { CreateSharingRuleMutation, SharingRoleOptionsQuery, UpdateSharingRuleMutation } from './operations';

interface Values {
  title: string;
  description?: string;
  departmentId?: string;
  responsibleId: string;
  deputyId?: string;
  audienceDepartmentIds?: string[];
  audienceRoles?: string[];
  audienceUserIds?: string[];
  recurrence: string;
  startsAt: Dayjs;
  workingDays?: boolean;
  deadlineMinutes: number;
  email?: boolean;
  requiresAcknowledgement?: boolean;
  requiresAnswer?: boolean;
  snapshotKind?: SnapshotKind;
}

const SNAPSHOTS: SnapshotKind[] = ['RECEIVABLES_BY_CUSTOMER' as SnapshotKind, 'STOCK_BY_WAREHOUSE' as SnapshotKind, 'TRIAL_BALANCE' as SnapshotKind];

/** 新建/修改共享规则: content, responsible person and deputy, audience, time nodes and deadline; server errors on the field. */
export function RuleFormDrawer({ open, rule, onClose, onSaved }: { open: boolean; rule: SharingRuleFieldsFragment | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useMutationFeedback();
  const departments = useDepartmentOptions();
  const [roles] = useQuery({ query: SharingRoleOptionsQuery, pause: !open });
  const [{ fetching: creating }, create] = useMutation(CreateSharingRuleMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateSharingRuleMutation);
  const roleOptions = (roles.data?.roles?.edges ?? []).map((e) => ({ value: e.node.code, label: e.node.name }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (rule) {
      form.setFieldsValue({
        title: rule.title,
        description: rule.description,
        departmentId: rule.department?.id,
        responsibleId: rule.responsible?.id,
        deputyId: rule.deputy?.id,
        audienceDepartmentIds: rule.audienceDepartments.map((d) => d.id),
        audienceRoles: rule.audienceRoles,
        audienceUserIds: rule.audienceUsers.map((u) => u.id),
        recurrence: rule.recurrence,
        startsAt: toShanghai(rule.startsAt),
        workingDays: rule.workingDays,
        deadlineMinutes: rule.deadlineMinutes,
        email: rule.email,
        requiresAcknowledgement: rule.requiresAcknowledgement,
        requiresAnswer: rule.requiresAnswer,
        snapshotKind: rule.snapshotKind ?? undefined,
      });
    }
  }, [open, rule, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const input = {
      title: v.title.trim(),
      description: v.description?.trim() ?? '',
      departmentId: v.departmentId ?? null,
      responsibleId: v.responsibleId,
      deputyId: v.deputyId ?? null,
      audienceDepartmentIds: v.audienceDepartmentIds ?? [],
      audienceRoles: v.audienceRoles ?? [],
      audienceUserIds: v.audienceUserIds ?? [],
      recurrence: v.recurrence.trim(),
      startsAt: shanghaiIso(v.startsAt) ?? '',
      workingDays: v.workingDays ?? false,
      deadlineMinutes: v.deadlineMinutes,
      email: v.email ?? false,
      requiresAcknowledgement: v.requiresAcknowledgement ?? true,
      requiresAnswer: v.requiresAnswer ?? false,
      snapshotKind: v.snapshotKind ?? null,
    };
    if (rule) {
      const outcome = await update({ input: { id: rule.id, rule: input } });
      const ok = feedback(outcome, outcome.data?.updateSharingRule, form);
      if (ok?.__typename === 'UpdateSharingRuleSuccess') onSaved();
    } else {
      const outcome = await create({ input: { rule: input } });
      const ok = feedback(outcome, outcome.data?.createSharingRule, form);
      if (ok?.__typename === 'CreateSharingRuleSuccess') onSaved();
    }
  };

  const known = rule ? [rule.responsible, rule.deputy, ...rule.audienceUsers].filter((u): u is { id: string; displayName: string } => !!u) : [];
  return (
    <FormDrawer
      title={rule ? t('sharing.editRule') : t('sharing.newRule')}
      open={open}
      onClose={onClose}
      width={640}
      creating={!rule}
      submitting={creating || updating}
      onSubmit={submit}
      submitTestId="rule-submit"
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ deadlineMinutes: 60, recurrence: 'FREQ=DAILY', workingDays: true, requiresAcknowledgement: true }}>
        <Form.Item name="title" label={t('sharing.title')} rules={[{ required: true, whitespace: true, message: t('sharing.titleRequired') }]}>
          <Input maxLength={200} data-testid="rule-title" />
        </Form.Item>
        <Form.Item name="description" label={t('sharing.description')}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="departmentId" label={t('sharing.department')}>
          <TreeSelect allowClear treeDefaultExpandAll loading={departments.loading} treeData={departments.options} />
        </Form.Item>
        <Form.Item name="responsibleId" label={t('sharing.responsible')} rules={[{ required: true, message: t('sharing.responsibleRequired') }]}>
          <UserSelect known={known} testId="rule-responsible" />
        </Form.Item>
        <Form.Item name="deputyId" label={t('sharing.deputy')}>
          <UserSelect known={known} testId="rule-deputy" />
        </Form.Item>
        <Form.Item name="audienceDepartmentIds" label={t('sharing.audienceDepartments')}>
          <TreeSelect multiple allowClear treeDefaultExpandAll loading={departments.loading} treeData={departments.options} data-testid="rule-audience-departments" />
        </Form.Item>
        <Form.Item name="audienceRoles" label={t('sharing.audienceRoles')}>
          <Select mode="multiple" allowClear options={roleOptions} />
        </Form.Item>
        <Form.Item name="audienceUserIds" label={t('sharing.audienceUsers')}>
          <UserSelect multiple known={known} testId="rule-audience-users" />
        </Form.Item>
        <Form.Item name="audience" label={t('sharing.audience')} hidden>
          <Input />
        </Form.Item>
        <Form.Item name="startsAt" label={t('sharing.startsAt')} rules={[{ required: true, message: t('sharing.startsAtRequired') }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="rule-starts" />
        </Form.Item>
        <Form.Item name="recurrence" label={t('sharing.recurrence')} extra={t('sharing.recurrenceHint')} rules={[{ required: true, whitespace: true, message: t('sharing.recurrenceRequired') }]}>
          <Input data-testid="rule-recurrence" />
        </Form.Item>
        <Form.Item name="workingDays" label={t('sharing.workingDays')} valuePropName="checked" extra={t('sharing.workingDaysHint')}>
          <Switch />
        </Form.Item>
        <Form.Item name="deadlineMinutes" label={t('sharing.deadlineMinutes')} rules={[{ required: true, message: t('sharing.deadlineRequired') }]}>
          <InputNumber step={30} data-testid="rule-deadline" />
        </Form.Item>
        <Form.Item name="snapshotKind" label={t('sharing.snapshotKind')}>
          <Select allowClear options={SNAPSHOTS.map((k) => ({ value: k, label: t(`snapshotKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="requiresAcknowledgement" label={t('sharing.requiresAcknowledgement')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="requiresAnswer" label={t('sharing.requiresAnswer')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="email" label={t('sharing.email')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
