import { graphql } from '../gql';

export const AuditEventsQuery = graphql(`
  query AuditEvents(
    $first: Int!
    $after: String
    $action: String
    $actorId: ID
    $subjectType: String
    $subjectId: String
    $since: DateTime
    $until: DateTime
  ) {
    auditEvents(
      first: $first
      after: $after
      action: $action
      actorId: $actorId
      subjectType: $subjectType
      subjectId: $subjectId
      since: $since
      until: $until
    ) {
      ...PagedFields
      edges {
        node {
          id
          seq
          occurredAt
          actor {
            id
            username
            displayName
          }
          actorUsername
          action
          subjectType
          subjectId
          before
          after
          requestId
          clientAddress
          hash
        }
      }
    }
  }
`);

/** People to filter the trail by (needs ORG_READ; without it the filter stays empty). */
export const UserOptionsQuery = graphql(`
  query UserOptions($search: String) {
    users(first: 20, search: $search) {
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
