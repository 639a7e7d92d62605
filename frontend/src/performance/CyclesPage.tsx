import { useState } from 'react';
import { App, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { EvaluationCycleFieldsFragment } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionTable } from '../common/ConnectionTable';
import { CreateButton } from '../common/actions';
import { FormDrawer } from '../common/FormDrawer';
import { useConnectionQuery } from '../graphql/pagination';
import { useMutationFeedback } from '../graphql/errors';
import { useCan } from '../app/viewer';
import { formatDate, nowInShanghai } from '../i18n/time';
import { CreateEvaluationCycleMutation, EvaluationCyclesQuery } from './operations';
import { CycleActions } from './CycleActions';

interface Values {
  name: string;
  kind: 'QUARTERLY' | 'YEARLY';
  period: [Dayjs, Dayjs];
  selfAssessmentDue: Dayjs;
  managerAssessmentDue: Dayjs;
  calibrationDue: Dayjs;
}

function defaults(): Partial<Values> {
  const now = nowInShanghai();
  const quarterStart = now.month(Math.floor(now.month() / 3) * 3).date(1).startOf('day');
  const end = quarterStart.add(3, 'month').subtract(1, 'day');
  return {
    kind: 'QUARTERLY',
    period: [quarterStart, end],
    selfAssessmentDue: end.add(7, 'day'),
    managerAssessmentDue: end.add(14, 'day'),
    calibrationDue: end.add(21, 'day'),
  };
}

function CycleFormDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, create] = useMutation(CreateEvaluationCycleMutation);
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await create({
      input: {
        cycle: {
          name: v.name,
          kind: v.kind,
          periodStart: day(v.period[0]),
          periodEnd: day(v.period[1]),
          selfAssessmentDue: day(v.selfAssessmentDue),
          managerAssessmentDue: day(v.managerAssessmentDue),
          calibrationDue: day(v.calibrationDue),
        },
      },
    });
    const result = feedback(outcome, outcome.data?.createEvaluationCycle, form);
    if (result?.__typename === 'CreateEvaluationCycleSuccess') onSaved();
  };

  return (
    <FormDrawer title={t('performance.newCycle')} open={open} onClose={onClose} width={520} creating submitting={fetching} onSubmit={submit} submitTestId="cycle-submit">
      <Form form={form} layout="vertical" initialValues={defaults()}>
        <Form.Item name="name" label={t('performance.name')} rules={[{ required: true, whitespace: true, message: t('performance.nameRequired') }]}>
          <Input maxLength={200} data-testid="cycle-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('performance.kind')}>
          <Select options={(['QUARTERLY', 'YEARLY'] as const).map((k) => ({ value: k, label: t(`cycleKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('performance.period')} rules={[{ required: true, message: t('performance.periodRequired') }]}>
          <DatePicker.RangePicker allowClear={false} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="selfAssessmentDue" label={t('performance.selfAssessmentDue')} rules={[{ required: true, message: t('performance.dueRequired') }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="managerAssessmentDue" label={t('performance.managerAssessmentDue')} rules={[{ required: true, message: t('performance.dueRequired') }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="calibrationDue" label={t('performance.calibrationDue')} rules={[{ required: true, message: t('performance.dueRequired') }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
        </Space>
      </Form>
    </FormDrawer>
  );
}

/** 考核周期: HR creates cycles and moves them from draft to closed; everyone opens the cycles past draft. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const list = useConnectionQuery({ query: EvaluationCyclesQuery, variables: { first: 20 }, connectionOf: (d) => d.evaluationCycles });

  const columns: TableColumnsType<EvaluationCycleFieldsFragment> = [
    {
      title: t('performance.name'),
      key: 'name',
      render: (_, c) => (
        <Link to={`/performance/cycles/${encodeURIComponent(c.id)}`} data-testid="cycle-link">
          {c.name}
        </Link>
      ),
    },
    { title: t('performance.kind'), key: 'kind', width: 80, render: (_, c) => t(`cycleKind.${c.kind}`) },
    { title: t('performance.period'), key: 'period', width: 200, render: (_, c) => `${formatDate(c.periodStart)} ~ ${formatDate(c.periodEnd)}` },
    { title: t('performance.state'), key: 'state', width: 110, render: (_, c) => <Tag data-testid="cycle-state">{t(`cycleState.${c.state}`)}</Tag> },
    { title: t('performance.selfAssessmentDue'), key: 'self', width: 110, render: (_, c) => formatDate(c.selfAssessmentDue) },
    { title: t('performance.managerAssessmentDue'), key: 'mgr', width: 120, render: (_, c) => formatDate(c.managerAssessmentDue) },
    { title: '', key: 'actions', width: 260, render: (_, c) => <CycleActions cycle={c} onChanged={list.reload} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.evaluationCycles')}
        subtitle={t('performance.cyclesHint')}
        extra={can('PERFORMANCE_MANAGE') && <CreateButton label={t('performance.newCycle')} testId="cycle-new" onClick={() => setCreating(true)} />}
      />
      <ConnectionTable<EvaluationCycleFieldsFragment> {...list.table} columns={columns} />
      <CycleFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void message.success(t('performance.saved'));
          list.reload();
        }}
      />
    </>
  );
}

