import { graphql } from '../gql';

export const MeetingCardFields = graphql(`
  fragment MeetingCardFields on Meeting {
    id
    title
    startsAt
    endsAt
    place
    state
    confidential
    series {
      id
      title
    }
  }
`);

/** The meetings of a calendar month or week (at most 100: a month of daily meetings fits). */
export const CalendarMeetingsQuery = graphql(`
  query CalendarMeetings($startsAfter: DateTime!, $startsBefore: DateTime!, $seriesId: ID) {
    meetings(first: 100, startsAfter: $startsAfter, startsBefore: $startsBefore, seriesId: $seriesId) {
      ...PagedFields
      edges {
        node {
          ...MeetingCardFields
        }
      }
    }
  }
`);

export const MeetingSeriesListQuery = graphql(`
  query MeetingSeriesList($first: Int!, $after: String) {
    meetingSeries(first: $first, after: $after) {
      ...PagedFields
      edges {
        node {
          id
          title
          focus
          projectCode
          recurrence
          startsAt
          durationMinutes
          place
          confidential
          department {
            id
            name
          }
          organizer {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const MeetingSeriesQuery = graphql(`
  query MeetingSeries($id: ID!, $from: DateTime!, $to: DateTime!) {
    node(id: $id) {
      __typename
      id
      ... on MeetingSeries {
        title
        goal
        projectCode
        focus
        recurrence
        startsAt
        durationMinutes
        place
        videoLink
        confidential
        readerRoles
        defaultRoles
        defaultDepartments {
          id
          name
        }
        organizer {
          id
          displayName
        }
        department {
          id
          name
        }
        occurrences(from: $from, to: $to, first: 6)
        uncoveredYears(from: $from, to: $to)
        meetings(first: 100) {
          ...PagedFields
          edges {
            node {
              ...MeetingCardFields
            }
          }
        }
        icsUrl
        viewerCan {
          schedule
          edit
        }
      }
    }
  }
`);

export const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Meeting {
        title
        startsAt
        endsAt
        place
        videoLink
        confidential
        state
        closedAt
        series {
          id
          title
          focus
        }
        organizer {
          id
          displayName
        }
        department {
          id
          name
        }
        agenda {
          id
          position
          title
          timeBoxMinutes
          linkIds
          presenter {
            id
            displayName
          }
        }
        attendance {
          status
          reason
          recordedAt
          user {
            id
            username
            displayName
            department {
              id
              name
            }
          }
        }
        minutes {
          id
          content
          version
          locked
          approvedAt
          updatedAt
          approvedBy {
            id
            displayName
          }
          history {
            version
            content
            amendment
            note
            savedAt
            author {
              id
              displayName
            }
          }
        }
        decisions {
          id
          position
          text
          amendment
          createdAt
          author {
            id
            displayName
          }
        }
        actionItems {
          ...ActionItemFields
        }
        minutesPdfUrl
        icsUrl
        viewerCan {
          readMinutes
          prepare
          recordMinutes
          approveMinutes
          cancel
          assignActionItems
        }
      }
    }
  }
`);

export const ActionItemFields = graphql(`
  fragment ActionItemFields on ActionItem {
    id
    title
    dueOn
    status
    note
    overdue
    completedAt
    owner {
      id
      displayName
    }
    department {
      id
      name
    }
    meeting {
      id
      title
      startsAt
    }
    viewerCan {
      change
    }
  }
`);

export const ActionItemsQuery = graphql(`
  query ActionItems(
    $first: Int!
    $after: String
    $mine: Boolean!
    $overdue: Boolean!
    $departmentId: ID
    $status: ActionItemStatus
  ) {
    actionItems(first: $first, after: $after, mine: $mine, overdue: $overdue, departmentId: $departmentId, status: $status) {
      ...PagedFields
      edges {
        node {
          ...ActionItemFields
        }
      }
    }
  }
`);

/** People to pick as attendees, presenters and owners. */
export const MeetingUserOptionsQuery = graphql(`
  query MeetingUserOptions($search: String) {
    users(first: 20, search: $search, active: true) {
      edges {
        node {
          id
          username
          displayName
        }
      }
    }
  }
`);

export const MeetingRoleOptionsQuery = graphql(`
  query MeetingRoleOptions {
    roles(first: 100) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
  }
`);

export const UpdateMeetingSeriesMutation = graphql(`
  mutation UpdateMeetingSeries($input: UpdateMeetingSeriesInput!) {
    updateMeetingSeries(input: $input) {
      __typename
      ... on UpdateMeetingSeriesSuccess {
        series {
          id
          title
        }
      }
      ... on UpdateMeetingSeriesError {
        code
        field
        message
      }
    }
  }
`);

export const CreateMeetingSeriesMutation = graphql(`
  mutation CreateMeetingSeries($input: CreateMeetingSeriesInput!) {
    createMeetingSeries(input: $input) {
      __typename
      ... on CreateMeetingSeriesSuccess {
        series {
          id
          title
        }
      }
      ... on CreateMeetingSeriesError {
        code
        field
        message
      }
    }
  }
`);

export const ScheduleMeetingMutation = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      __typename
      ... on ScheduleMeetingSuccess {
        meeting {
          id
          title
        }
      }
      ... on ScheduleMeetingError {
        code
        field
        message
      }
    }
  }
`);

export const AddAgendaItemMutation = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      __typename
      ... on AddAgendaItemSuccess {
        agendaItem {
          id
        }
      }
      ... on AddAgendaItemError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateAgendaItemMutation = graphql(`
  mutation UpdateAgendaItem($input: UpdateAgendaItemInput!) {
    updateAgendaItem(input: $input) {
      __typename
      ... on UpdateAgendaItemSuccess {
        agendaItem {
          id
        }
      }
      ... on UpdateAgendaItemError {
        code
        field
        message
      }
    }
  }
`);

export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      __typename
      ... on RecordAttendanceSuccess {
        meeting {
          id
        }
      }
      ... on RecordAttendanceError {
        code
        field
        message
      }
    }
  }
`);

export const RecordMinutesMutation = graphql(`
  mutation RecordMinutes($input: RecordMinutesInput!) {
    recordMinutes(input: $input) {
      __typename
      ... on RecordMinutesSuccess {
        minutes {
          id
          version
        }
      }
      ... on RecordMinutesError {
        code
        field
        message
      }
    }
  }
`);

export const RecordDecisionMutation = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      __typename
      ... on RecordDecisionSuccess {
        decision {
          id
        }
      }
      ... on RecordDecisionError {
        code
        field
        message
      }
    }
  }
`);

export const ApproveMinutesMutation = graphql(`
  mutation ApproveMinutes($input: ApproveMinutesInput!) {
    approveMinutes(input: $input) {
      __typename
      ... on ApproveMinutesSuccess {
        meeting {
          id
          state
        }
      }
      ... on ApproveMinutesError {
        code
        field
        message
      }
    }
  }
`);

export const CloseMeetingMutation = graphql(`
  mutation CloseMeeting($input: CloseMeetingInput!) {
    closeMeeting(input: $input) {
      __typename
      ... on CloseMeetingSuccess {
        meeting {
          id
          state
        }
      }
      ... on CloseMeetingError {
        code
        field
        message
      }
    }
  }
`);

export const CreateActionItemMutation = graphql(`
  mutation CreateActionItem($input: CreateActionItemInput!) {
    createActionItem(input: $input) {
      __typename
      ... on CreateActionItemSuccess {
        actionItem {
          id
        }
      }
      ... on CreateActionItemError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateActionItemMutation = graphql(`
  mutation UpdateActionItem($input: UpdateActionItemInput!) {
    updateActionItem(input: $input) {
      __typename
      ... on UpdateActionItemSuccess {
        actionItem {
          ...ActionItemFields
        }
      }
      ... on UpdateActionItemError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateMeetingMutation = graphql(`
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      __typename
      ... on UpdateMeetingSuccess {
        meeting {
          id
          title
          startsAt
          endsAt
          place
          videoLink
          confidential
        }
      }
      ... on UpdateMeetingError {
        code
        field
        message
      }
    }
  }
`);
