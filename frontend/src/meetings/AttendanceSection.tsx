import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { RecordAttendanceMutation } from './operations';
import { AttendanceTag } from './tags';
import { UserSelect } from './UserSelect';
import type { MeetingDetail } from './types';

interface Row {
  userId: string;
  name: string;
  department: string;
  status: AttendanceStatus;
  reason: string;
  recordedAt: string | null;
}

const STATUSES: AttendanceStatus[] = ['PRESENT', 'ABSENT', 'EXCUSED', 'INVITED'];

/** 出席: present, absent or excused (with a reason), recorded for everyone at once. */
export function AttendanceSection({ meeting, reload }: { meeting: MeetingDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [{ fetching }, record] = useMutation(RecordAttendanceMutation);
  const fromServer = useMemo<Row[]>(
    () =>
      meeting.attendance.map((a) => ({
        userId: a.user?.id ?? '',
        name: a.user?.displayName ?? '—',
        department: a.user?.department?.name ?? '',
        status: a.status,
        reason: a.reason,
        recordedAt: a.recordedAt,
      })),
    [meeting.attendance],
  );
  const [rows, setRows] = useState<Row[]>(fromServer);
  const [errors, setErrors] = useState<Record<number, string>>({});
  useEffect(() => setRows(fromServer), [fromServer]);
  const editable = meeting.viewerCan.prepare;
  const change = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...patch } : r)));

  const save = async () => {
    setErrors({});
    const outcome = await record({
      input: {
        meetingId: meeting.id,
        entries: rows.map((r) => ({ userId: r.userId, status: r.status, reason: r.reason || null })),
      },
    });
    const result = outcome.data?.recordAttendance;
    if (result?.__typename === 'RecordAttendanceError' && result.field) {
      const row = /entries\[(\d+)\]/.exec(result.field);
      if (row) setErrors({ [Number(row[1])]: result.message });
    }
    if (feedback(outcome, result)) {
      void message.success(t('meetings.attendanceSaved'));
      reload();
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: t('meetings.attendee'), dataIndex: 'name', render: (v: string, r) => <span data-testid={`attendee-${r.userId}`}>{v}</span> },
    { title: t('meetings.department'), dataIndex: 'department', width: 120 },
    {
      title: t('meetings.status'),
      key: 'status',
      width: 140,
      render: (_, r, i) =>
        editable ? (
          <Select<AttendanceStatus>
            size="small"
            style={{ width: 110 }}
            value={r.status}
            onChange={(status) => change(i, { status })}
            options={STATUSES.map((s) => ({ value: s, label: t(`attendanceStatus.${s}`) }))}
            data-testid="attendance-status"
          />
        ) : (
          <AttendanceTag status={r.status} />
        ),
    },
    {
      title: t('meetings.reason'),
      key: 'reason',
      render: (_, r, i) =>
        editable ? (
          <Input
            size="small"
            value={r.reason}
            status={errors[i] ? 'error' : undefined}
            placeholder={errors[i] ?? (r.status === 'EXCUSED' ? t('meetings.reason') : undefined)}
            onChange={(e) => change(i, { reason: e.target.value })}
            aria-label={t('meetings.reason')}
            data-testid="attendance-reason"
          />
        ) : (
          r.reason
        ),
    },
    { title: t('meetings.recordedAt'), key: 'at', width: 170, render: (_, r) => formatDateTime(r.recordedAt) },
  ];

  return (
    <Card
      title={t('meetings.attendance')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="attendance-card"
      extra={
        editable && (
          <Space>
            <div style={{ width: 220 }}>
              <UserSelect
                placeholder={t('meetings.addAttendee')}
                testId="attendance-add"
                value={undefined}
                onPick={(u) => {
                  if (rows.some((r) => r.userId === u.id)) return;
                  setRows((rs) => [...rs, { userId: u.id, name: u.displayName, department: '', status: 'PRESENT', reason: '', recordedAt: null }]);
                }}
              />
            </div>
            <Button size="small" type="primary" loading={fetching} onClick={() => void save()} data-testid="attendance-save">
              {t('meetings.saveAttendance')}
            </Button>
          </Space>
        )
      }
    >
      <Table<Row> rowKey="userId" size="small" pagination={false} columns={columns} dataSource={rows} />
    </Card>
  );
}
