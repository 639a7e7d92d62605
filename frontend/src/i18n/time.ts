import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(localizedFormat);

// The server stores and sends UTC; people read Beijing time.
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

export function toShanghai(value: string | Dayjs): Dayjs {
  return dayjs.utc(value).tz(DISPLAY_TIME_ZONE);
}

export function formatDateTime(value: string | null | undefined, fallback = '—'): string {
  return value ? toShanghai(value).format('YYYY-MM-DD HH:mm:ss') : fallback;
}

export function formatDate(value: string | null | undefined, fallback = '—'): string {
  return value ? toShanghai(value).format('YYYY-MM-DD') : fallback;
}

export function nowInShanghai(): Dayjs {
  return dayjs().tz(DISPLAY_TIME_ZONE);
}

/** Start of the given calendar day in Beijing time, as a UTC ISO string. */
export function shanghaiDayStartUtc(day: Dayjs): string {
  return dayjs.tz(day.format('YYYY-MM-DD'), DISPLAY_TIME_ZONE).startOf('day').utc().toISOString();
}

/** End of the given calendar day in Beijing time (exclusive bound), as a UTC ISO string. */
export function shanghaiDayEndUtc(day: Dayjs): string {
  return dayjs.tz(day.format('YYYY-MM-DD'), DISPLAY_TIME_ZONE).add(1, 'day').startOf('day').utc().toISOString();
}

export { dayjs };
