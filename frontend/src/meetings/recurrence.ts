/**
 * The series form's recurrence picker writes an iCalendar RRULE (RFC 5545) for the common cases;
 * anything else is typed as text ("advanced"). The server parses and validates it either way.
 */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type RecurrenceChoice =
  | { kind: 'weekly'; weekday: Weekday; interval: number }
  | { kind: 'monthlyDay'; day: number }
  | { kind: 'monthlyWorkday'; n: number }
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
      // The Nth of the month's Monday-to-Friday days.
      return `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=${choice.n}`;
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
  if (freq === 'MONTHLY' && keys === 'BYDAY,BYSETPOS,FREQ' && byday === 'MO,TU,WE,TH,FR' && /^\d+$/.test(parts.get('BYSETPOS') ?? '')) {
    return { kind: 'monthlyWorkday', n: Number(parts.get('BYSETPOS')) };
  }
  return { kind: 'advanced', rrule };
}
