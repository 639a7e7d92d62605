import { useMemo, useState } from 'react';
import { Badge, Button, Calendar, Card, Col, Empty, Flex, Row, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { MeetingCardFieldsFragment } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { CreateButton } from '../common/actions';
import { useCan } from '../app/viewer';
import { nowInShanghai, toShanghai, shanghaiDayStartUtc, shanghaiDayEndUtc } from '../i18n/time';
import { CalendarMeetingsQuery } from './operations';
import { ConfidentialTag, formatMeetingTime, meetingPath, MeetingStateTag, seriesPath } from './tags';
import { ScheduleMeetingDrawer } from './ScheduleMeetingDrawer';
import styles from './meetings.module.css';

type View = 'month' | 'week' | 'list';
type Meeting = MeetingCardFieldsFragment;

const BADGE: Record<Meeting['state'], 'processing' | 'success' | 'default'> = { SCHEDULED: 'processing', CLOSED: 'success', CANCELLED: 'default' };

/** 会议日历: the month (or a week, or a list) of joint meetings in Beijing time. */
export default function MeetingCalendarPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState<Dayjs>(() => nowInShanghai());
  const [scheduling, setScheduling] = useState<{ day?: Dayjs } | null>(null);

  // The month grid shows the weeks around the month too.
  const [from, to] = useMemo(() => {
    if (view === 'week') return [anchor.startOf('week'), anchor.endOf('week')];
    return [anchor.startOf('month').subtract(7, 'day'), anchor.endOf('month').add(14, 'day')];
  }, [anchor, view]);
  const [result] = useQuery({
    query: CalendarMeetingsQuery,
    variables: { startsAfter: shanghaiDayStartUtc(from), startsBefore: shanghaiDayEndUtc(to) },
    requestPolicy: 'cache-and-network',
  });
  const meetings = useMemo(() => result.data?.meetings?.edges.map((e) => e.node) ?? [], [result.data]);
  const byDay = useMemo(() => {
    const map = new Map<string, Meeting[]>();
    for (const m of meetings) {
      const key = toShanghai(m.startsAt).format('YYYY-MM-DD');
      map.set(key, [...(map.get(key) ?? []), m]);
    }
    return map;
  }, [meetings]);

  const item = (m: Meeting) => (
    <Link key={m.id} to={meetingPath(m.id)} className={styles.calendarItem} data-testid="calendar-meeting" onClick={(e) => e.stopPropagation()}>
      <Badge status={BADGE[m.state]} text={`${toShanghai(m.startsAt).format('HH:mm')} ${m.title}`} />
    </Link>
  );

  const columns: TableColumnsType<Meeting> = [
    { title: t('meetings.time'), key: 'time', width: 220, render: (_, m) => formatMeetingTime(m.startsAt, m.endsAt) },
    {
      title: t('meetings.title'),
      key: 'title',
      render: (_, m) => (
        <Space size={4}>
          <Link to={meetingPath(m.id)} data-testid="list-meeting">
            {m.title}
          </Link>
          {m.confidential && <ConfidentialTag />}
        </Space>
      ),
    },
    { title: t('meetings.series'), key: 'series', render: (_, m) => (m.series ? <Link to={seriesPath(m.series.id)}>{m.series.title}</Link> : '—') },
    { title: t('meetings.place'), dataIndex: 'place' },
    { title: t('common.status'), key: 'state', width: 100, render: (_, m) => <MeetingStateTag state={m.state} /> },
  ];

  const weekDays = Array.from({ length: 7 }, (_, i) => anchor.startOf('week').add(i, 'day'));
  return (
    <>
      <PageHeader
        title={t('nav.meetingCalendar')}
        subtitle={t('meetings.calendarHint')}
        extra={
          <Space>
            <Segmented<View>
              value={view}
              onChange={setView}
              data-testid="calendar-view"
              options={[
                { value: 'month', label: t('meetings.viewMonth') },
                { value: 'week', label: t('meetings.viewWeek') },
                { value: 'list', label: t('meetings.viewList') },
              ]}
            />
            {can('MEETINGS_MANAGE') && <CreateButton label={t('meetings.schedule')} testId="meeting-schedule" onClick={() => setScheduling({})} />}
          </Space>
        }
      />
      <Card>
        {view === 'month' && (
          <Calendar
            value={anchor}
            onPanelChange={(d) => setAnchor(d)}
            onSelect={(d, info) => {
              if (info.source === 'date') setAnchor(d);
            }}
            cellRender={(d, info) => {
              if (info.type !== 'date') return info.originNode;
              const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
              return <div data-testid={`calendar-day-${d.format('YYYY-MM-DD')}`}>{list.map(item)}</div>;
            }}
          />
        )}
        {view === 'week' && (
          <>
            <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
              <Space>
                <Button icon={<LeftOutlined />} onClick={() => setAnchor(anchor.subtract(1, 'week'))} aria-label={t('meetings.prevWeek')} />
                <Button onClick={() => setAnchor(nowInShanghai())}>{t('meetings.thisWeek')}</Button>
                <Button icon={<RightOutlined />} onClick={() => setAnchor(anchor.add(1, 'week'))} aria-label={t('meetings.nextWeek')} />
              </Space>
              <Typography.Text strong>
                {weekDays[0]?.format('YYYY-MM-DD')} – {weekDays[6]?.format('YYYY-MM-DD')}
              </Typography.Text>
            </Flex>
            <Row gutter={8} wrap={false}>
              {weekDays.map((d) => (
                <Col key={d.format('YYYY-MM-DD')} flex="1 1 0" style={{ minWidth: 0 }}>
                  <Card size="small" title={d.format('ddd MM-DD')} className={styles.weekDay} onClick={() => can('MEETINGS_MANAGE') && setScheduling({ day: d })}>
                    {(byDay.get(d.format('YYYY-MM-DD')) ?? []).map((m) => (
                      <div key={m.id} style={{ marginBottom: 8 }}>
                        {item(m)}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {m.place}
                        </Typography.Text>
                      </div>
                    ))}
                  </Card>
                </Col>
              ))}
            </Row>
          </>
        )}
        {view === 'list' && (
          <>
            <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
              <Space>
                <Button icon={<LeftOutlined />} onClick={() => setAnchor(anchor.subtract(1, 'month'))} />
                <Typography.Text strong>{anchor.format('YYYY-MM')}</Typography.Text>
                <Button icon={<RightOutlined />} onClick={() => setAnchor(anchor.add(1, 'month'))} />
              </Space>
            </Flex>
            <Table<Meeting>
              rowKey="id"
              size="middle"
              loading={result.fetching}
              columns={columns}
              pagination={false}
              dataSource={meetings.filter((m) => toShanghai(m.startsAt).isSame(anchor, 'month'))}
              locale={{ emptyText: <Empty description={t('meetings.noMeetings')} /> }}
              onRow={(m) => ({ onDoubleClick: () => navigate(meetingPath(m.id)) })}
            />
          </>
        )}
      </Card>
      <ScheduleMeetingDrawer
        open={scheduling !== null}
        day={scheduling?.day}
        onClose={() => setScheduling(null)}
        onScheduled={(id) => navigate(meetingPath(id))}
      />
    </>
  );
}
