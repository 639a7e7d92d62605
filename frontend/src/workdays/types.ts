import type { WorkCalendarDayFieldsFragment } from '../gql/graphql';

/** A marked day of the work calendar as the page shows it. */
export type CalendarDay = WorkCalendarDayFieldsFragment;
