import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { RecordMinutesMutation } from './operations';
import { MinutesEditor } from './MinutesEditor';
import type { MeetingDetail } from './types';

type Version = NonNullable<MeetingDetail['minutes']>['history'][number];

/**
 * 会议纪要: the rich-text editor while the viewer may write them, its history of saved versions, and
 * after approval the lock notice; a save then is an amendment (修订) with its reason.
 */
export function MinutesSection({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<{ content: string; note?: string }>();
  const [{ fetching }, save] = useMutation(RecordMinutesMutation);
  const [viewing, setViewing] = useState<Version | null>(null);
  const minutes = meeting.minutes;
  const initial = minutes?.content ?? '';
  const [content, setContent] = useState<string | null>(null);
  const locked = minutes?.locked ?? false;
  const writable = meeting.viewerCan.recordMinutes;

  if (!meeting.viewerCan.readMinutes) {
    return (
      <Card title={t('meetings.minutes')} size="small" style={{ marginBottom: 16 }}>
        <Alert type="warning" showIcon message={t('meetings.minutesHidden')} data-testid="minutes-hidden" />
      </Card>
    );
  }

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await save({
      input: {
        meetingId: meeting.id,
        content: content ?? initial,
        baseVersion: minutes?.version ?? 0,
        note: locked ? v.note?.trim() : null,
      },
    });
    const ok = feedback(outcome, outcome.data?.recordMinutes, form);
    if (ok?.__typename === 'RecordMinutesSuccess') {
      void message.success(t('meetings.minutesSaved', { version: ok.minutes.version }));
      setContent(null);
      form.resetFields();
      reload();
    }
  };

  const columns: TableColumnsType<Version> = [
    { title: '#', dataIndex: 'version', width: 60 },
    {
      title: '',
      key: 'kind',
      width: 80,
      render: (_, v) => (v.amendment ? <Tag color="orange" data-testid="history-amendment">{t('meetings.amendment')}</Tag> : null),
    },
    { title: t('meetings.amendmentNote'), dataIndex: 'note' },
    { title: t('meetings.author'), key: 'author', width: 120, render: (_, v) => v.author?.displayName ?? '—' },
    { title: t('meetings.savedAt'), key: 'at', width: 170, render: (_, v) => formatDateTime(v.savedAt) },
    {
      title: t('common.actions'),
      key: 'view',
      width: 80,
      render: (_, v) => (
        <Button type="link" size="small" onClick={() => setViewing(v)}>
          {t('meetings.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={
        <Space>
          {t('meetings.minutes')}
          {minutes && minutes.version > 0 && <Tag>{t('meetings.version', { version: minutes.version })}</Tag>}
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="minutes-card"
    >
      {locked && minutes && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="minutes-locked"
          message={t('meetings.lockedHint', { time: formatDateTime(minutes.approvedAt), name: minutes.approvedBy?.displayName ?? '—' })}
        />
      )}
      {writable ? (
        <Form form={form} layout="vertical">
          <Form.Item name="content" label={t('meetings.minutes')}>
            <MinutesEditor initial={initial} onChange={setContent} />
          </Form.Item>
          {locked && (
            <Form.Item name="note" label={t('meetings.amendmentNote')} rules={[{ required: true, whitespace: true, message: t('meetings.amendmentNoteRequired') }]}>
              <Input maxLength={500} data-testid="minutes-note" />
            </Form.Item>
          )}
          <Button type="primary" loading={fetching} disabled={content === null} onClick={() => void submit().catch(() => undefined)} data-testid="minutes-save">
            {locked ? t('meetings.saveAmendment') : t('meetings.saveMinutes')}
          </Button>
        </Form>
      ) : initial ? (
        <MinutesEditor initial={initial} editable={false} testId="minutes-view" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.noMinutes')} />
      )}
      {minutes && minutes.history.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('meetings.history')}
          </Typography.Title>
          <Table<Version> rowKey="version" size="small" pagination={false} columns={columns} dataSource={minutes.history} data-testid="minutes-history" />
        </>
      )}
      <Modal
        open={viewing !== null}
        onCancel={() => setViewing(null)}
        footer={null}
        width={760}
        title={viewing ? `${t('meetings.version', { version: viewing.version })}${viewing.amendment ? ` · ${t('meetings.amendment')}` : ''}` : ''}
        destroyOnHidden
      >
        {viewing && <MinutesEditor initial={viewing.content} editable={false} testId="history-view" />}
      </Modal>
    </Card>
  );
}
