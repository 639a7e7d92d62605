import { graphql } from '../gql';

export const DepartmentFieldsFragment = graphql(`
  fragment DepartmentFields on Department {
    id
    code
    name
    kind
    active
    memberCount
    sortOrder
    parent {
      id
    }
    viewerCan {
      update
      delete
    }
  }
`);

export const DepartmentsQuery = graphql(`
  query Departments($first: Int!, $after: String) {
    departments(first: $first, after: $after) {
      ...PagedFields
      edges {
        node {
          ...DepartmentFields
        }
      }
    }
  }
`);

export const UserRowFragment = graphql(`
  fragment UserRow on User {
    id
    username
    displayName
    email
    active
    lastLoginAt
    createdAt
    department {
      id
      name
    }
    roles {
      id
      code
      name
    }
    viewerCan {
      update
      deactivate
      resetPassword
      assignRoles
    }
  }
`);

export const UsersQuery = graphql(`
  query Users($first: Int!, $after: String, $search: String, $departmentId: ID, $active: Boolean) {
    users(first: $first, after: $after, search: $search, departmentId: $departmentId, active: $active) {
      ...PagedFields
      edges {
        cursor
        node {
          ...UserRow
        }
      }
    }
  }
`);

/** The roles a user can be given (assigning them needs AUTH_MANAGE_ROLES). */
export const RoleOptionsQuery = graphql(`
  query RoleOptions {
    roles(first: 100) {
      edges {
        node {
          id
          code
          name
          builtin
        }
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on CreateUserSuccess {
        user {
          ...UserRow
        }
      }
      ... on CreateUserError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      __typename
      ... on UpdateUserSuccess {
        user {
          ...UserRow
        }
      }
      ... on UpdateUserError {
        code
        field
        message
      }
    }
  }
`);

export const SetUserActiveMutation = graphql(`
  mutation SetUserActive($input: SetUserActiveInput!) {
    setUserActive(input: $input) {
      __typename
      ... on SetUserActiveSuccess {
        user {
          ...UserRow
        }
      }
      ... on SetUserActiveError {
        code
        field
        message
      }
    }
  }
`);

export const AssignRolesMutation = graphql(`
  mutation AssignRoles($input: AssignRolesInput!) {
    assignRoles(input: $input) {
      __typename
      ... on AssignRolesSuccess {
        user {
          ...UserRow
        }
      }
      ... on AssignRolesError {
        code
        field
        message
      }
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on ResetPasswordSuccess {
        user {
          id
        }
      }
      ... on ResetPasswordError {
        code
        field
        message
      }
    }
  }
`);

export const CreateDepartmentMutation = graphql(`
  mutation CreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) {
      __typename
      ... on CreateDepartmentSuccess {
        department {
          ...DepartmentFields
        }
      }
      ... on CreateDepartmentError {
        code
        field
        message
      }
    }
  }
`);

export const UpdateDepartmentMutation = graphql(`
  mutation UpdateDepartment($input: UpdateDepartmentInput!) {
    updateDepartment(input: $input) {
      __typename
      ... on UpdateDepartmentSuccess {
        department {
          ...DepartmentFields
        }
      }
      ... on UpdateDepartmentError {
        code
        field
        message
      }
    }
  }
`);

export const DeleteDepartmentMutation = graphql(`
  mutation DeleteDepartment($input: DeleteDepartmentInput!) {
    deleteDepartment(input: $input) {
      __typename
      ... on DeleteDepartmentSuccess {
        deletedId
      }
      ... on DeleteDepartmentError {
        code
        field
        message
      }
    }
  }
`);
