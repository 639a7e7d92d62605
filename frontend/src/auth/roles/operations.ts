import { graphql } from '../../gql';

export const RoleFieldsFragment = graphql(`
  fragment RoleFields on Role {
    id
    code
    name
    description
    builtin
    permissions
    userCount
    viewerCan {
      update
      delete
    }
  }
`);

export const RolesQuery = graphql(`
  query Roles($first: Int!, $after: String) {
    roles(first: $first, after: $after) {
      ...PagedFields
      edges {
        node {
          ...RoleFields
        }
      }
    }
  }
`);

export const PermissionsQuery = graphql(`
  query Permissions {
    permissions {
      code
      domain
      domainLabel
      name
      description
    }
  }
`);

export const CreateRoleMutation = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      __typename
      ... on CreateRoleSuccess {
        role {
          ...RoleFields
        }
      }
      ... on CreateRoleError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateRoleMutation = graphql(`
  mutation UpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      __typename
      ... on UpdateRoleSuccess {
        role {
          ...RoleFields
        }
      }
      ... on UpdateRoleError {
        code
        field
        message
      }
    }
  }
`);

export const DeleteRoleMutation = graphql(`
  mutation DeleteRole($input: DeleteRoleInput!) {
    deleteRole(input: $input) {
      __typename
      ... on DeleteRoleSuccess {
        deletedId
      }
      ... on DeleteRoleError {
        code
        field
        message
      }
    }
  }
`);
