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
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
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
