import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Steps, Typography } from 'antd';
import { CalendarOutlined, EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { NodeFallback } from '../common/NodeFallback';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { ApproveMinutesMutation, CloseMeetingMutation, MeetingQuery } from './operations';
import { ConfidentialTag, formatMeetingTime, MeetingStateTag, seriesPath } from './tags';
import { AgendaSection } from './AgendaSection';
import { AttendanceSection } from './AttendanceSection';
import { MinutesSection } from './MinutesSection';
import { DecisionsSection } from './DecisionsSection';
import { ActionItemsSection } from './ActionItemsSection';
import { EditMeetingDrawer } from './EditMeetingDrawer';
import type { MeetingDetail } from './types';

/** One meeting from agenda to approved minutes: attendance, minutes with history, decisions, action items. */
export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [result, refetch] = useQuery({ query: MeetingQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [{ fetching: approving }, approve] = useMutation(ApproveMinutesMutation);
  const [{ fetching: cancelling }, close] = useMutation(CloseMeetingMutation);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [cancelForm] = Form.useForm<{ cancelReason: string }>();
  const node = result.data?.node;
  const meeting = node?.__typename === 'Meeting' ? (node as MeetingDetail) : null;
  if (!meeting) return <NodeFallback result={result} title={t('meetings.notFound')} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const can = meeting.viewerCan;

  const doApprove = async () => {
    const outcome = await approve({ input: { meetingId: meeting.id } });
    if (feedback(outcome, outcome.data?.approveMinutes)) {
      void message.success(t('meetings.approved'));
      reload();
    }
  };
  const doCancel = async () => {
    const v = await cancelForm.validateFields();
    const outcome = await close({ input: { id: meeting.id, cancelReason: v.cancelReason.trim() } });
    if (feedback(outcome, outcome.data?.closeMeeting, cancelForm)) {
      void message.success(t('meetings.cancelled'));
      setCancelOpen(false);
      reload();
    }
  };

  const hasMinutes = (meeting.minutes?.version ?? 0) > 0;
  const step = meeting.state === 'CLOSED' ? 2 : hasMinutes ? 1 : 0;
  return (
    <>
      <PageHeader
        title={meeting.title}
        subtitle={formatMeetingTime(meeting.startsAt, meeting.endsAt)}
        extra={
          <Space wrap>
            <MeetingStateTag state={meeting.state} />
            {meeting.confidential && <ConfidentialTag />}
            {can.readMinutes && hasMinutes && (
              <Button icon={<FilePdfOutlined />} href={meeting.minutesPdfUrl} download data-testid="meeting-pdf">
                {t('meetings.downloadPdf')}
              </Button>
            )}
            <Button icon={<CalendarOutlined />} href={meeting.icsUrl} download data-testid="meeting-ics">
              {t('meetings.exportIcs')}
            </Button>
            {can.prepare && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="meeting-edit">
                {t('common.edit')}
              </Button>
            )}
            {can.approveMinutes && (
              <Popconfirm title={t('meetings.approveConfirm')} onConfirm={() => void doApprove()}>
                <Button type="primary" loading={approving} disabled={!hasMinutes} data-testid="meeting-approve">
                  {t('meetings.approve')}
                </Button>
              </Popconfirm>
            )}
            {can.cancel && (
              <Button danger onClick={() => { cancelForm.resetFields(); setCancelOpen(true); }} data-testid="meeting-cancel">
                {t('meetings.cancel')}
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={meeting.state === 'CANCELLED' ? 1 : step}
          status={meeting.state === 'CANCELLED' ? 'error' : meeting.state === 'CLOSED' ? 'finish' : 'process'}
          data-testid="meeting-steps"
          items={
            meeting.state === 'CANCELLED'
              ? [{ title: t('meetings.stepScheduled') }, { title: t('meetings.stepCancelled') }]
              : [{ title: t('meetings.stepScheduled') }, { title: t('meetings.stepMinutes') }, { title: t('meetings.stepClosed') }]
          }
        />
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('meetings.time')}>{formatMeetingTime(meeting.startsAt, meeting.endsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.place')}>{meeting.place || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.videoLink')}>
            {meeting.videoLink ? (
              <Typography.Link href={meeting.videoLink} target="_blank" rel="noreferrer">
                {meeting.videoLink}
              </Typography.Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.series')}>
            {meeting.series ? <Link to={seriesPath(meeting.series.id)}>{meeting.series.title}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.organizer')}>{meeting.organizer?.displayName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.department')}>{meeting.department?.name ?? '—'}</Descriptions.Item>
          {meeting.series?.focus && <Descriptions.Item label={t('series.focus')}>{meeting.series.focus}</Descriptions.Item>}
          {meeting.closedAt && <Descriptions.Item label={t('meetings.closedAt')}>{formatDateTime(meeting.closedAt)}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <AgendaSection meeting={meeting} reload={reload} />
      <AttendanceSection meeting={meeting} reload={reload} />
      <MinutesSection key={`${meeting.id}:${meeting.minutes?.version ?? 0}`} meeting={meeting} reload={reload} />
      <DecisionsSection meeting={meeting} reload={reload} />
      <ActionItemsSection meeting={meeting} reload={reload} />
      <EditMeetingDrawer
        meeting={meeting}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          void message.success(t('common.saved'));
          setEditing(false);
          reload();
        }}
      />
      <Modal
        open={cancelOpen}
        title={t('meetings.cancelTitle')}
        onCancel={() => setCancelOpen(false)}
        onOk={() => void doCancel().catch(() => undefined)}
        confirmLoading={cancelling}
        destroyOnHidden
      >
        <Form form={cancelForm} layout="vertical">
          <Form.Item name="cancelReason" label={t('meetings.cancelReason')} rules={[{ required: true, whitespace: true, message: t('meetings.cancelReasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
