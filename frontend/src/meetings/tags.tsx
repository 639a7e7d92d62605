import { Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ActionItemStatus, AttendanceStatus, MeetingState } from '../gql/graphql';
import { dayjs, toShanghai } from '../i18n/time';

const STATE_COLOR: Record<MeetingState, string> = { SCHEDULED: 'processing', CLOSED: 'success', CANCELLED: 'default' };
const ATTENDANCE_COLOR: Record<AttendanceStatus, string> = { INVITED: 'default', PRESENT: 'success', ABSENT: 'error', EXCUSED: 'warning' };
const ACTION_COLOR: Record<ActionItemStatus, string> = { OPEN: 'default', IN_PROGRESS: 'processing', DONE: 'success', CANCELLED: 'default' };

export function MeetingStateTag({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="meeting-state">
      {t(`meetingState.${state}`)}
    </Tag>
  );
}

export function ConfidentialTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<LockOutlined />} data-testid="meeting-confidential">
      {t('meetings.confidential')}
    </Tag>
  );
}

export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  const { t } = useTranslation();
  return <Tag color={ATTENDANCE_COLOR[status]}>{t(`attendanceStatus.${status}`)}</Tag>;
}

export function ActionStatusTag({ status }: { status: ActionItemStatus }) {
  const { t } = useTranslation();
  return <Tag color={ACTION_COLOR[status]}>{t(`actionItemStatus.${status}`)}</Tag>;
}

export const ACTION_STATUSES: ActionItemStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

export function meetingPath(id: string): string {
  return `/meetings/${encodeURIComponent(id)}`;
}

export function seriesPath(id: string): string {
  return `/meeting-series/${encodeURIComponent(id)}`;
}

/** 2026-05-08 09:30–11:00, in Beijing time. */
export function formatMeetingTime(startsAt: string, endsAt: string): string {
  const start = toShanghai(startsAt);
  const end = toShanghai(endsAt);
  return start.isSame(end, 'day')
    ? `${start.format('YYYY-MM-DD HH:mm')}–${end.format('HH:mm')}`
    : `${start.format('YYYY-MM-DD HH:mm')} – ${end.format('YYYY-MM-DD HH:mm')}`;
}

export { dayjs };
