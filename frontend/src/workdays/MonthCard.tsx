import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { CalendarDay } from './types';
import styles from './workCalendar.module.css';

/** Consecutive marked days of one kind and name: "1–7 国庆节 休". */
interface Run {
  first: string;
  last: string;
  kind: CalendarDay['kind'];
  name: string;
}

function runs(days: CalendarDay[]): Run[] {
  const out: Run[] = [];
  for (const day of days) {
    if (day.kind === 'ORDINARY') continue;
    const previous = out[out.length - 1];
    const date = day.date as string;
    if (previous && previous.kind === day.kind && previous.name === day.name && dayjs(previous.last).add(1, 'day').format('YYYY-MM-DD') === date) {
      previous.last = date;
    } else {
      out.push({ first: date, last: date, kind: day.kind, name: day.name });
    }
  }
  return out;
}

/** One month of the year view: a Monday-first grid, holidays red, make-up working days orange, and their names below. */
export function MonthCard({
  year,
  month,
  byDate,
  today,
  onPick,
}: {
  year: number;
  month: number;
  byDate: Map<string, CalendarDay>;
  today: string;
  onPick?: (date: string) => void;
}) {
  const { t } = useTranslation();
  const first = dayjs(`${year}-${String(month).padStart(2, '0')}-01`);
  const length = first.daysInMonth();
  const offset = (first.day() + 6) % 7;
  const dates = Array.from({ length }, (_, i) => first.add(i, 'day'));
  const marked = dates.flatMap((d) => {
    const day = byDate.get(d.format('YYYY-MM-DD'));
    return day ? [day] : [];
  });
  const weekdays = t('workCalendar.weekdays').split(',');

  return (
    <Card size="small" title={t('workCalendar.month', { month })} data-testid={`wd-month-${month}`}>
      <div className={styles.grid}>
        {weekdays.map((w) => (
          <div key={w} className={styles.weekday}>
            {w}
          </div>
        ))}
        {Array.from({ length: offset }, (_, i) => (
          <div key={`blank-${i}`} />
        ))}
        {dates.map((d) => {
          const iso = d.format('YYYY-MM-DD');
          const day = byDate.get(iso);
          const weekend = d.day() === 0 || d.day() === 6;
          const classes = [styles.day];
          if (weekend) classes.push(styles.weekend);
          if (day?.kind === 'HOLIDAY') classes.push(styles.holiday);
          if (day?.kind === 'WORKDAY') classes.push(styles.workday);
          if (day?.source === 'EDITED') classes.push(styles.edited);
          if (iso === today) classes.push(styles.today);
          const label = day && day.kind !== 'ORDINARY' ? `${iso} ${day.name}` : iso;
          return (
            <button
              type="button"
              key={iso}
              className={classes.join(' ')}
              title={label}
              aria-label={label}
              disabled={!onPick}
              onClick={() => onPick?.(iso)}
              data-testid={`wd-day-${iso}`}
              data-kind={day?.kind ?? 'PLAIN'}
            >
              {d.date()}
              {day?.kind === 'HOLIDAY' && <span className={styles.corner}>{t('workCalendar.holidayTag')}</span>}
              {day?.kind === 'WORKDAY' && <span className={styles.corner}>{t('workCalendar.workdayTag')}</span>}
            </button>
          );
        })}
      </div>
      <ul className={styles.marks} data-testid={`wd-marks-${month}`}>
        {marked.length === 0 && (
          <li>
            <Typography.Text type="secondary">{t('workCalendar.noMarks')}</Typography.Text>
          </li>
        )}
        {runs(marked).map((run) => (
          <li key={run.first}>
            <Typography.Text type={run.kind === 'HOLIDAY' ? 'danger' : 'warning'}>
              {dayjs(run.first).date()}
              {run.last !== run.first ? `–${dayjs(run.last).date()}` : ''} {run.name}{' '}
              {run.kind === 'HOLIDAY' ? t('workCalendar.holidayTag') : t('workCalendar.workdayTag')}
            </Typography.Text>
          </li>
        ))}
        {marked
          .filter((d) => d.kind === 'ORDINARY')
          .map((d) => (
            <li key={d.date as string}>
              <Typography.Text type="secondary">
                {dayjs(d.date as string).date()} {t('workCalendar.cleared')}
              </Typography.Text>
            </li>
          ))}
      </ul>
    </Card>
  );
}
