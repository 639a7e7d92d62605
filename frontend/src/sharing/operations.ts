import { graphql } from '../gql';

export const SharingRuleFields = graphql(`
  fragment SharingRuleFields on SharingRule {
    id
    title
    description
    recurrence
    startsAt
    workingDays
    deadlineMinutes
    email
    requiresAcknowledgement
    requiresAnswer
    snapshotKind
    active
    nextNodeAt
    department {
      id
      name
    }
    responsible {
      id
      displayName
    }
    deputy {
      id
      displayName
    }
    audienceDepartments {
      id
      name
    }
    audienceRoles
    audienceUsers {
      id
      displayName
    }
    viewerCan {
      update
      archive
    }
  }
`);

export const SharingRulesQuery = graphql(`
  query SharingRules($first: Int!, $after: String, $active: Boolean) {
    sharingRules(first: $first, after: $after, active: $active) {
      ...PagedFields
      edges {
        node {
          ...SharingRuleFields
        }
      }
    }
  }
`);

export const SharingRoleOptionsQuery = graphql(`
  query SharingRoleOptions {
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

export const CreateSharingRuleMutation = graphql(`
  mutation CreateSharingRule($input: CreateSharingRuleInput!) {
    createSharingRule(input: $input) {
      __typename
      ... on CreateSharingRuleSuccess {
        rule {
          ...SharingRuleFields
        }
      }
      ... on CreateSharingRuleError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateSharingRuleMutation = graphql(`
  mutation UpdateSharingRule($input: UpdateSharingRuleInput!) {
    updateSharingRule(input: $input) {
      __typename
      ... on UpdateSharingRuleSuccess {
        rule {
          ...SharingRuleFields
        }
      }
      ... on UpdateSharingRuleError {
        code
        field
        message
      }
    }
  }
`);

export const ArchiveSharingRuleMutation = graphql(`
  mutation ArchiveSharingRule($input: ArchiveSharingRuleInput!) {
    archiveSharingRule(input: $input) {
      __typename
      ... on ArchiveSharingRuleSuccess {
        rule {
          id
          active
        }
      }
      ... on ArchiveSharingRuleError {
        code
        field
        message
      }
    }
  }
`);

export const PublicationCardFields = graphql(`
  fragment PublicationCardFields on Publication {
    id
    title
    timeNode
    deadline
    state
    timeliness
    publishedAt
    receiverCount
    acknowledgedCount
    responsible {
      id
      displayName
    }
    department {
      id
      name
    }
    viewerReceipt {
      acknowledgedAt
    }
  }
`);

export const PublicationsQuery = graphql(`
  query Publications($first: Int!, $after: String, $toPublish: Boolean, $received: Boolean, $unacknowledged: Boolean) {
    publications(first: $first, after: $after, toPublish: $toPublish, received: $received, unacknowledged: $unacknowledged) {
      ...PagedFields
      edges {
        node {
          ...PublicationCardFields
        }
      }
    }
  }
`);

export const PublicationQuery = graphql(`
  query Publication($id: ID!) {
    node(id: $id) {
      __typename
      ... on Publication {
        ...PublicationCardFields
        text
        snapshotKind
        snapshot
        missedAt
        publishedBy {
          id
          displayName
        }
        rule {
          id
          title
          snapshotKind
          requiresAcknowledgement
        }
        receipts {
          acknowledgedAt
          user {
            id
            displayName
          }
        }
        feedback {
          id
          text
          question
          answer
          answeredAt
          createdAt
          actionItemId
          viewerCanAnswer
          author {
            id
            displayName
          }
          answeredBy {
            id
            displayName
          }
        }
        attachments {
          ...AttachmentFields
        }
        viewerCanAttach
        viewerCan {
          publish
          acknowledge
          addFeedback
          answer
        }
      }
    }
  }
`);

export const PublishMutation = graphql(`
  mutation Publish($input: PublishInput!) {
    publish(input: $input) {
      __typename
      ... on PublishSuccess {
        publication {
          id
          state
          timeliness
        }
      }
      ... on PublishError {
        code
        field
        message
      }
    }
  }
`);

export const AcknowledgePublicationMutation = graphql(`
  mutation AcknowledgePublication($input: AcknowledgePublicationInput!) {
    acknowledgePublication(input: $input) {
      __typename
      ... on AcknowledgePublicationSuccess {
        publication {
          id
          acknowledgedCount
          viewerReceipt {
            acknowledgedAt
          }
        }
      }
      ... on AcknowledgePublicationError {
        code
        field
        message
      }
    }
  }
`);

export const AddFeedbackMutation = graphql(`
  mutation AddFeedback($input: AddFeedbackInput!) {
    addFeedback(input: $input) {
      __typename
      ... on AddFeedbackSuccess {
        feedback {
          id
        }
      }
      ... on AddFeedbackError {
        code
        field
        message
      }
    }
  }
`);

export const AnswerFeedbackMutation = graphql(`
  mutation AnswerFeedback($input: AnswerFeedbackInput!) {
    answerFeedback(input: $input) {
      __typename
      ... on AnswerFeedbackSuccess {
        feedback {
          id
          answer
        }
      }
      ... on AnswerFeedbackError {
        code
        field
        message
      }
    }
  }
`);

export const TurnFeedbackIntoActionItemMutation = graphql(`
  mutation TurnFeedbackIntoActionItem($input: TurnFeedbackIntoActionItemInput!) {
    turnFeedbackIntoActionItem(input: $input) {
      __typename
      ... on TurnFeedbackIntoActionItemSuccess {
        actionItem {
          id
        }
      }
      ... on TurnFeedbackIntoActionItemError {
        code
        field
        message
      }
    }
  }
`);

export const SharingFigureFields = graphql(`
  fragment SharingFigureFields on SharingFigureRow {
    due
    onTime
    late
    missed
    pending
    onTimeRate
    receipts
    acknowledged
    acknowledgementRate
    acknowledgementHours
    feedback
    openFeedback
    answerHours
  }
`);

export const SharingFiguresQuery = graphql(`
  query SharingFigures($from: Date!, $to: Date!) {
    sharingFigures(from: $from, to: $to) {
      total {
        ...SharingFigureFields
      }
      byRule {
        label
        ruleId
        figures {
          ...SharingFigureFields
        }
      }
      byDepartment {
        label
        departmentId
        figures {
          ...SharingFigureFields
        }
      }
      byPerson {
        label
        userId
        figures {
          ...SharingFigureFields
        }
      }
    }
  }
`);

export const SharingMonthlyReportQuery = graphql(`
  query SharingMonthlyReport($month: String!, $departmentId: ID!) {
    sharingMonthlyReport(month: $month, departmentId: $departmentId) {
      total {
        ...SharingFigureFields
      }
      byRule {
        label
        ruleId
        figures {
          ...SharingFigureFields
        }
      }
      byPerson {
        label
        userId
        figures {
          ...SharingFigureFields
        }
      }
    }
  }
`);
