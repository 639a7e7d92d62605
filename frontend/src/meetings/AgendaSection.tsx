import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { AddAgendaItemMutation } from './operations';
import { UserSelect } from './UserSelect';
import type { MeetingDetail } from './types';

type Item = MeetingDetail['agenda'][number];

interface Values {
  title: string;
  presenterId?: string;
  timeBoxMinutes?: number;
  linkIds?: string;
}

/** 议程: topics in order, who presents each, its time box and the objects it is about. */
export function AgendaSection({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [{ fetching }, add] = useMutation(AddAgendaItemMutation);
  const known = meeting.attendance.flatMap((a) => (a.user ? [{ id: a.user.id, displayName: a.user.displayName }] : []));
  const total = meeting.agenda.reduce((sum, a) => sum + (a.timeBoxMinutes ?? 0), 0);

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await add({
      input: {
        meetingId: meeting.id,
        item: {
          title: v.title.trim(),
          presenterId: v.presenterId ?? null,
          timeBoxMinutes: v.timeBoxMinutes ?? null,
          linkIds: (v.linkIds ?? '').split(/\s+/).filter(Boolean),
        },
      },
    });
    if (feedback(outcome, outcome.data?.addAgendaItem, form)) {
      void message.success(t('meetings.agendaAdded'));
      setOpen(false);
      reload();
    }
  };

  const columns: TableColumnsType<Item> = [
    { title: '#', dataIndex: 'position', width: 48, render: (_, __, i) => i + 1 },
    { title: t('meetings.agendaTitle'), dataIndex: 'title', render: (v: string) => <span data-testid="agenda-title">{v}</span> },
    { title: t('meetings.presenter'), key: 'presenter', width: 140, render: (_, a) => a.presenter?.displayName ?? '—' },
    { title: t('meetings.timeBox'), dataIndex: 'timeBoxMinutes', width: 120, align: 'right', render: (v: number | null) => v ?? '—' },
    {
      title: t('meetings.links'),
      key: 'links',
      render: (_, a) => a.linkIds.map((l) => <Tag key={l}>{l}</Tag>),
    },
  ];

  return (
    <Card
      title={t('meetings.agenda')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        meeting.viewerCan.prepare && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => { form.resetFields(); setOpen(true); }} data-testid="agenda-add">
            {t('meetings.addAgendaItem')}
          </Button>
        )
      }
      data-testid="agenda-card"
    >
      <Table<Item> rowKey="id" size="small" pagination={false} columns={columns} dataSource={meeting.agenda} locale={{ emptyText: t('meetings.noAgenda') }} />
      {total > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          Σ {total}′
        </Typography.Text>
      )}
      <FormDrawer title={t('meetings.addAgendaItem')} open={open} onClose={() => setOpen(false)} width={520} creating submitting={fetching} onSubmit={submit} submitTestId="agenda-submit">
        <Form form={form} layout="vertical" requiredMark="optional">
          <Form.Item name="title" label={t('meetings.agendaTitle')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} data-testid="agenda-input-title" />
          </Form.Item>
          <Form.Item name="presenterId" label={t('meetings.presenter')}>
            <UserSelect known={known} testId="agenda-presenter" />
          </Form.Item>
          <Form.Item name="timeBoxMinutes" label={t('meetings.timeBox')}>
            <InputNumber min={1} max={480} data-testid="agenda-timebox" />
          </Form.Item>
          <Form.Item name="linkIds" label={t('meetings.links')} extra={t('meetings.linksHint')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </Card>
  );
}
