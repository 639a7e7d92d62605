/**
 * The series form's recurrence picker writes an iCalendar RRULE (RFC 5545) for the common cases;
 * anything else is typed as text ("advanced"). The server parses and validates it either way.
 * Working-day rules carry the portal's extension part X-YECAI-DAYS=WORKING: they count the work
 * calendar's working days (public holidays skipped, make-up working days counted).
 */
export const WORKING_DAYS = 'X-YECAI-DAYS=WORKING';
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type RecurrenceChoice =
  | { kind: 'weekly'; weekday: Weekday; interval: number }
  | { kind: 'monthlyDay'; day: number }
  | { kind: 'monthlyWorkday'; n: number }
  | { kind: 'everyWorkday' }
  | { kind: 'advanced'; rrule: string };

export function toRRule(choice: RecurrenceChoice): string {
  switch (choice.kind) {
    case 'weekly':
      return choice.interval > 1
        ? `FREQ=WEEKLY;INTERVAL=${choice.interval};BYDAY=${choice.weekday}`
        : `FREQ=WEEKLY;BYDAY=${choice.weekday}`;
    case 'monthlyDay':
      return `FREQ=MONTHLY;BYMONTHDAY=${choice.day}`;
    case 'monthlyWorkday':
      // The Nth working day of the month, on the work calendar.
      return `FREQ=MONTHLY;BYSETPOS=${choice.n};${WORKING_DAYS}`;
    case 'everyWorkday':
      return `FREQ=DAILY;${WORKING_DAYS}`;
    case 'advanced':
      return choice.rrule.trim().replace(/^RRULE:/i, '');
  }
}

/** Reads an RRULE back into the picker's terms, or 'advanced' when it is not one of the common cases. */
export function fromRRule(rrule: string): RecurrenceChoice {
  const parts = new Map(
    rrule
      .replace(/^RRULE:/i, '')
      .split(';')
      .filter(Boolean)
      .map((p) => {
        const [k = '', v = ''] = p.split('=');
        return [k.toUpperCase(), v.toUpperCase()] as const;
      }),
  );
  const keys = [...parts.keys()].sort().join(',');
  const freq = parts.get('FREQ');
  const byday = parts.get('BYDAY') ?? '';
  if (freq === 'WEEKLY' && (WEEKDAYS as readonly string[]).includes(byday) && (keys === 'BYDAY,FREQ' || keys === 'BYDAY,FREQ,INTERVAL')) {
    return { kind: 'weekly', weekday: byday as Weekday, interval: Number(parts.get('INTERVAL') ?? '1') || 1 };
  }
  if (freq === 'MONTHLY' && keys === 'BYMONTHDAY,FREQ' && /^\d+$/.test(parts.get('BYMONTHDAY') ?? '')) {
    return { kind: 'monthlyDay', day: Number(parts.get('BYMONTHDAY')) };
  }
  const working = parts.get('X-YECAI-DAYS') === 'WORKING';
  if (working && freq === 'MONTHLY' && keys === 'BYSETPOS,FREQ,X-YECAI-DAYS' && /^\d+$/.test(parts.get('BYSETPOS') ?? '')) {
    return { kind: 'monthlyWorkday', n: Number(parts.get('BYSETPOS')) };
  }
  if (working && freq === 'DAILY' && keys === 'FREQ,X-YECAI-DAYS') {
    return { kind: 'everyWorkday' };
  }
  return { kind: 'advanced', rrule };
}
