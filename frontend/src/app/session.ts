import { graphql } from '../gql';

export const ViewerFieldsFragment = graphql(`
  fragment ViewerFields on Viewer {
    id
    username
    displayName
    roles
    permissions
    department {
      id
      code
      name
    }
    user {
      id
      email
      lastLoginAt
      roles {
        id
        code
        name
      }
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      ...ViewerFields
    }
  }
`);

export const AuthConfigQuery = graphql(`
  query AuthConfig {
    authConfig {
      oidcEnabled
      oidcLoginUrl
      demo
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      __typename
      ... on LoginSuccess {
        viewer {
          ...ViewerFields
        }
      }
      ... on LoginError {
        code
        field
        message
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      __typename
      ... on LogoutSuccess {
        ok
      }
      ... on LogoutError {
        code
        field
        message
      }
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      __typename
      ... on ChangePasswordSuccess {
        ok
      }
      ... on ChangePasswordError {
        code
        field
        message
      }
    }
  }
`);
