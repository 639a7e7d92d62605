import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { AddAgendaItemMutation, UpdateAgendaItemMutation } from './operations';
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
  const [editing, setEditing] = useState<Item | null>(null); // null: adding a new topic
  const [{ fetching: adding }, add] = useMutation(AddAgendaItemMutation);
  const [{ fetching: saving }, update] = useMutation(UpdateAgendaItemMutation);
  const fetching = adding || saving;
  const attendees = meeting.attendance.flatMap((a) => (a.user ? [{ id: a.user.id, displayName: a.user.displayName }] : []));
  const presenter = editing?.presenter;
  const known = presenter && !attendees.some((u) => u.id === presenter.id) ? [...attendees, { id: presenter.id, displayName: presenter.displayName }] : attendees;
  const total = meeting.agenda.reduce((sum, a) => sum + (a.timeBoxMinutes ?? 0), 0);

  const submit = async () => {
    const v = await form.validateFields();
    const item = {
      title: v.title.trim(),
      presenterId: v.presenterId ?? null,
      timeBoxMinutes: v.timeBoxMinutes ?? null,
      linkIds: (v.linkIds ?? '').split(/\s+/).filter(Boolean),
    };
    if (editing) {
      const outcome = await update({ input: { id: editing.id, item } });
      if (feedback(outcome, outcome.data?.updateAgendaItem, form)) {
        void message.success(t('meetings.agendaUpdated'));
        setOpen(false);
        reload();
      }
      return;
    }
    const outcome = await add({ input: { meetingId: meeting.id, item } });
    if (feedback(outcome, outcome.data?.addAgendaItem, form)) {
      void message.success(t('meetings.agendaAdded'));
      setOpen(false);
      reload();
    }
  };

  const edit = (a: Item) => {
    setEditing(a);
    form.resetFields();
    form.setFieldsValue({
      title: a.title,
      presenterId: a.presenter?.id,
      timeBoxMinutes: a.timeBoxMinutes ?? undefined,
      linkIds: a.linkIds.join(' '),
    });
    setOpen(true);
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
    ...(meeting.viewerCan.prepare
      ? [
          {
            title: '',
            key: 'edit',
            width: 56,
            render: (_: unknown, a: Item) => (
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('meetings.editAgendaItem')} onClick={() => edit(a)} data-testid="agenda-edit" />
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('meetings.agenda')}
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        meeting.viewerCan.prepare && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => { setEditing(null); form.resetFields(); setOpen(true); }} data-testid="agenda-add">
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
      <FormDrawer title={t(editing ? 'meetings.editAgendaItem' : 'meetings.addAgendaItem')} open={open} onClose={() => setOpen(false)} width={520} creating={!editing} submitting={fetching} onSubmit={submit} submitTestId="agenda-submit">
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
