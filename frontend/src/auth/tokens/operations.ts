import { graphql } from '../../gql';

export const ApiTokenFieldsFragment = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    prefix
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
    active
  }
`);

export const ApiTokensQuery = graphql(`
  query ApiTokens($first: Int!, $after: String) {
    apiTokens(first: $first, after: $after) {
      ...PagedFields
      edges {
        node {
          ...ApiTokenFields
        }
      }
    }
  }
`);

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ... on CreateApiTokenSuccess {
        secret
        apiToken {
          ...ApiTokenFields
        }
      }
      ... on CreateApiTokenError {
        code
        field
        message
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      __typename
      ... on RevokeApiTokenSuccess {
        apiToken {
          ...ApiTokenFields
        }
      }
      ... on RevokeApiTokenError {
        code
        field
        message
      }
    }
  }
`);
