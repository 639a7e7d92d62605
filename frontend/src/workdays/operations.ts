import { graphql } from '../gql';

export const WorkCalendarDayFields = graphql(`
  fragment WorkCalendarDayFields on WorkCalendarDay {
    date
    kind
    name
    source
    updatedAt
  }
`);

/** A year of the work calendar: its marked days, whether its holidays are known, what the viewer may do. */
export const WorkCalendarQuery = graphql(`
  query WorkCalendar($year: Int!) {
    workCalendar(year: $year) {
      year
      covered
      builtIn
      workingDayCount
      days {
        ...WorkCalendarDayFields
      }
      viewerCan {
        manage
      }
    }
  }
`);

export const MarkWorkCalendarDayMutation = graphql(`
  mutation MarkWorkCalendarDay($input: MarkWorkCalendarDayInput!) {
    markWorkCalendarDay(input: $input) {
      __typename
      ... on MarkWorkCalendarDaySuccess {
        day {
          ...WorkCalendarDayFields
        }
      }
      ... on MarkWorkCalendarDayError {
        code
        field
        message
      }
    }
  }
`);

export const UnmarkWorkCalendarDayMutation = graphql(`
  mutation UnmarkWorkCalendarDay($input: UnmarkWorkCalendarDayInput!) {
    unmarkWorkCalendarDay(input: $input) {
      __typename
      ... on UnmarkWorkCalendarDaySuccess {
        date
      }
      ... on UnmarkWorkCalendarDayError {
        code
        field
        message
      }
    }
  }
`);

export const ReseedWorkCalendarYearMutation = graphql(`
  mutation ReseedWorkCalendarYear($input: ReseedWorkCalendarYearInput!) {
    reseedWorkCalendarYear(input: $input) {
      __typename
      ... on ReseedWorkCalendarYearSuccess {
        created
        updated
        removed
        keptEdits
      }
      ... on ReseedWorkCalendarYearError {
        code
        field
        message
      }
    }
  }
`);
