import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, InputNumber, Modal, Space, Spin, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { LeftOutlined, RightOutlined, SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useMutationFeedback } from '../graphql/errors';
import { nowInShanghai } from '../i18n/time';
import { ReseedWorkCalendarYearMutation, WorkCalendarQuery } from './operations';
import { DayModal, type DayDialog } from './DayModal';
import { MonthCard } from './MonthCard';
import type { CalendarDay } from './types';
import styles from './workCalendar.module.css';

const FIRST_YEAR = 1990;
const LAST_YEAR = 2100;

function ReseedModal({ year, open, onClose, onDone }: { year: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [discardEdits, setDiscardEdits] = useState(false);
  const [{ fetching }, reseed] = useMutation(ReseedWorkCalendarYearMutation);

  const submit = async () => {
    const outcome = await reseed({ input: { year, discardEdits } });
    const done = feedback(outcome, outcome.data?.reseedWorkCalendarYear);
    if (!done || done.__typename !== 'ReseedWorkCalendarYearSuccess') return;
    void message.success(
      t('workCalendar.reseeded', { created: done.created, updated: done.updated, removed: done.removed, kept: done.keptEdits }),
    );
    setDiscardEdits(false);
    onDone();
  };

  return (
    <Modal
      open={open}
      title={t('workCalendar.reseedTitle', { year })}
      okText={t('workCalendar.reseedConfirm')}
      okButtonProps={{ danger: discardEdits, 'data-testid': 'wd-reseed-confirm' } as ButtonProps}
      confirmLoading={fetching}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('workCalendar.reseedContent', { year })}</Typography.Paragraph>
      <Checkbox checked={discardEdits} onChange={(e) => setDiscardEdits(e.target.checked)} data-testid="wd-discard-edits">
        {t('workCalendar.discardEdits')}
      </Checkbox>
    </Modal>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Space size={16} wrap style={{ fontSize: 12 }}>
      <span>
        <span className={`${styles.legend} ${styles.holiday}`} />
        {t('workCalendar.legendHoliday')}
      </span>
      <span>
        <span className={`${styles.legend} ${styles.workday}`} />
        {t('workCalendar.legendWorkday')}
      </span>
      <span>
        <span className={`${styles.legend} ${styles.weekendSwatch}`} />
        <span className={styles.weekend}>{t('workCalendar.legendWeekend')}</span>
      </span>
      <span>
        <span className={`${styles.legend} ${styles.edited}`} />
        {t('workCalendar.legendEdited')}
      </span>
    </Space>
  );
}

/** 工作日历: a year's public holidays and make-up working days, month by month; admins click a day to mark it. */
export default function WorkCalendarPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = nowInShanghai().format('YYYY-MM-DD');
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= LAST_YEAR ? asked : nowInShanghai().year();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WorkCalendarQuery, variables: { year }, requestPolicy: 'cache-and-network' });
  const [dialog, setDialog] = useState<DayDialog | null>(null);
  const [reseedOpen, setReseedOpen] = useState(false);
  const calendar = data?.workCalendar?.year === year ? data.workCalendar : null;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const byDate = useMemo(() => {
    const map = new Map<string, CalendarDay>();
    for (const day of calendar?.days ?? []) map.set(day.date as string, day);
    return map;
  }, [calendar]);

  const setYear = (value: number | null) => {
    if (value === null || !Number.isInteger(value) || value < FIRST_YEAR || value > LAST_YEAR) return;
    setParams({ year: String(value) });
  };
  const manage = calendar?.viewerCan.manage ?? false;

  return (
    <>
      <PageHeader
        title={t('workCalendar.title')}
        subtitle={t('workCalendar.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('workCalendar.previousYear')} data-testid="wd-year-prev" />
            <InputNumber
              value={year}
              min={FIRST_YEAR}
              max={LAST_YEAR}
              precision={0}
              onChange={(v) => setYear(v)}
              addonAfter={t('workCalendar.year')}
              style={{ width: 130 }}
              data-testid="wd-year"
            />
            <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('workCalendar.nextYear')} data-testid="wd-year-next" />
            {manage && calendar?.builtIn && (
              <Button icon={<SyncOutlined />} onClick={() => setReseedOpen(true)} data-testid="wd-reseed">
                {t('workCalendar.reseed')}
              </Button>
            )}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon message={error.graphQLErrors[0]?.message ?? error.message} style={{ marginBottom: 12 }} />}
      {calendar && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Space size={12} wrap>
            <Typography.Text strong data-testid="wd-working-days">
              {t('workCalendar.workingDays', { count: calendar.workingDayCount })}
            </Typography.Text>
            {calendar.builtIn && <Tag color="blue">{t('workCalendar.builtIn')}</Tag>}
            <Legend />
          </Space>
          {!calendar.covered && <Alert type="warning" showIcon message={t('workCalendar.notCovered', { year })} data-testid="wd-not-covered" />}
          {!manage && <Alert type="info" showIcon message={t('workCalendar.readOnly')} />}
          <div className={styles.months} data-testid="wd-months">
            {Array.from({ length: 12 }, (_, i) => (
              <MonthCard
                key={i}
                year={year}
                month={i + 1}
                byDate={byDate}
                today={today}
                onPick={manage ? (date) => setDialog({ date, day: byDate.get(date) ?? null }) : undefined}
              />
            ))}
          </div>
        </Space>
      )}
      {!calendar && fetching && (
        <Card>
          <Spin />
        </Card>
      )}
      <DayModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          reload();
        }}
      />
      <ReseedModal
        year={year}
        open={reseedOpen}
        onClose={() => setReseedOpen(false)}
        onDone={() => {
          setReseedOpen(false);
          reload();
        }}
      />
    </>
  );
}
