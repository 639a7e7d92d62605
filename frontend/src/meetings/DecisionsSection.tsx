import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { RecordDecisionMutation } from './operations';
import type { MeetingDetail } from './types';

/** 决议: what the meeting decided; one recorded after closing is an amendment and says so. */
export function DecisionsSection({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<{ text: string }>();
  const [adding, setAdding] = useState(false);
  const [{ fetching }, record] = useMutation(RecordDecisionMutation);
  if (!meeting.viewerCan.readMinutes) return null;

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await record({ input: { meetingId: meeting.id, text: v.text.trim() } });
    if (feedback(outcome, outcome.data?.recordDecision, form)) {
      void message.success(t('meetings.decisionAdded'));
      form.resetFields();
      setAdding(false);
      reload();
    }
  };

  return (
    <Card
      title={t('meetings.decisions')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="decisions-card"
      extra={
        meeting.viewerCan.recordMinutes &&
        !adding && (
          <Button size="small" onClick={() => setAdding(true)} data-testid="decision-add">
            {t('meetings.addDecision')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={meeting.decisions}
        locale={{ emptyText: t('meetings.noDecisions') }}
        renderItem={(d, i) => (
          <List.Item data-testid="decision">
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Space>
                <Typography.Text strong>{i + 1}.</Typography.Text>
                <Typography.Text data-testid="decision-text">{d.text}</Typography.Text>
                {d.amendment && (
                  <Tag color="orange" data-testid="decision-amendment">
                    {t('meetings.amendment')}
                  </Tag>
                )}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.author?.displayName ?? '—'} · {formatDateTime(d.createdAt)}
                {d.amendment ? ` · ${t('meetings.amendmentHint')}` : ''}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {adding && (
        <Form form={form} layout="vertical" style={{ marginTop: 12 }}>
          <Form.Item name="text" label={t('meetings.decisionText')} rules={[{ required: true, whitespace: true, message: t('meetings.decisionRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="decision-input" />
          </Form.Item>
          <Space>
            <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={fetching} onClick={() => void submit().catch(() => undefined)} data-testid="decision-submit">
              {t('common.save')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
