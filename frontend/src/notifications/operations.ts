import { graphql } from '../gql';

export const NotificationFields = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    title
    body
    url
    read
    createdAt
  }
`);

/** The viewer's notifications, newest first, with the unread count (the bell and the page). */
export const NotificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String, $unread: Boolean) {
    notifications(first: $first, after: $after, unread: $unread) {
      totalCount
      unreadCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

/** The viewer's new notifications, live. */
export const NotificationsSubscription = graphql(`
  subscription NotificationsLive {
    notifications {
      ...NotificationFields
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      __typename
      ... on MarkNotificationsReadSuccess {
        marked
        unreadCount
      }
      ... on MarkNotificationsReadError {
        code
        field
        message
      }
    }
  }
`);

export const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    notificationSettings {
      emailAvailable
      kinds {
        kind
        label
        description
        portal
        email
      }
    }
  }
`);

export const UpdateNotificationSettingsMutation = graphql(`
  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      __typename
      ... on UpdateNotificationSettingsSuccess {
        settings {
          emailAvailable
          kinds {
            kind
            label
            description
            portal
            email
          }
        }
      }
      ... on UpdateNotificationSettingsError {
        code
        field
        message
      }
    }
  }
`);
