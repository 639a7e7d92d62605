import { graphql } from '../gql';

export const PostingRulesQuery = graphql(`
  query PostingRules($first: Int!, $after: String) {
    postingRules(first: $first, after: $after) {
      ...PagedFields
      edges {
        node {
          id
          code
          name
          eventType
          active
          currentVersion {
            id
            version
            note
            publishedAt
          }
        }
      }
    }
  }
`);

export const PostingRuleQuery = graphql(`
  query PostingRule($id: ID!) {
    node(id: $id) {
      ... on PostingRule {
        id
        code
        name
        eventType
        active
        currentVersion {
          id
          version
          definition
        }
        versions {
          id
          version
          definition
          note
          publishedAt
          publishedBy {
            id
            displayName
          }
        }
      }
    }
  }
`);

export const PreviewPostingQuery = graphql(`
  query PreviewPosting($documentId: ID!, $ruleId: ID, $definition: JSON) {
    previewPosting(documentId: $documentId, ruleId: $ruleId, definition: $definition) {
      summary
      version
      landsAsPosted
      rule {
        id
        code
        name
      }
      lines {
        side
        amount
        summary
        dimensions
        sourceLine {
          id
          lineNo
        }
        account {
          id
          code
          name
        }
      }
    }
  }
`);

export const ReplayPostingRuleQuery = graphql(`
  query ReplayPostingRule($ruleVersionId: ID!, $period: String!) {
    replayPostingRule(ruleVersionId: $ruleVersionId, period: $period) {
      number
      status
      source {
        ...DocumentSourceFields
      }
      posted {
        accountCode
        side
        amount
      }
      replayed {
        accountCode
        side
        amount
      }
    }
  }
`);

export const PublishPostingRuleVersionMutation = graphql(`
  mutation PublishPostingRuleVersion($input: PublishPostingRuleVersionInput!) {
    publishPostingRuleVersion(input: $input) {
      __typename
      ... on PublishPostingRuleVersionSuccess {
        version {
          id
          version
        }
      }
      ... on PublishPostingRuleVersionError {
        code
        field
        message
      }
    }
  }
`);

export const SetPostingRuleActiveMutation = graphql(`
  mutation SetPostingRuleActive($input: SetPostingRuleActiveInput!) {
    setPostingRuleActive(input: $input) {
      __typename
      ... on SetPostingRuleActiveSuccess {
        postingRule {
          id
          active
        }
      }
      ... on SetPostingRuleActiveError {
        code
        field
        message
      }
    }
  }
`);

export const ReconciliationQuery = graphql(`
  query Reconciliation($period: String!) {
    reconciliation(period: $period) {
      period
      passed
      checks {
        code
        name
        passed
        exceptions {
          message
          expected
          actual
          documents {
            ...DocumentSourceFields
          }
          vouchers {
            id
            displayNumber
          }
        }
      }
    }
  }
`);

/** The documents a rule can be previewed on: the first page of the type its event comes from. */
export const PreviewDocumentsQuery = graphql(`
  query PreviewDocuments(
    $first: Int!
    $salesDeliveries: Boolean! = false
    $salesReturns: Boolean! = false
    $purchaseReceipts: Boolean! = false
    $customerReceipts: Boolean! = false
    $supplierPayments: Boolean! = false
    $expenseClaims: Boolean! = false
  ) {
    salesDeliveries(first: $first) @include(if: $salesDeliveries) {
      edges {
        node {
          id
          number
        }
      }
    }
    salesReturns(first: $first) @include(if: $salesReturns) {
      edges {
        node {
          id
          number
        }
      }
    }
    purchaseReceipts(first: $first) @include(if: $purchaseReceipts) {
      edges {
        node {
          id
          number
        }
      }
    }
    customerReceipts(first: $first) @include(if: $customerReceipts) {
      edges {
        node {
          id
          number
        }
      }
    }
    supplierPayments(first: $first) @include(if: $supplierPayments) {
      edges {
        node {
          id
          number
        }
      }
    }
    expenseClaims(first: $first) @include(if: $expenseClaims) {
      edges {
        node {
          id
          number
        }
      }
    }
  }
`);
