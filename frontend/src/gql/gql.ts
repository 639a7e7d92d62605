// GENERATED FILE - DO NOT EDIT. Produced by GraphQL Code Generator from ../schema/schema.graphql
// and the graphql() operations in src/; regenerate with `npm run codegen`.
/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditEvents(\n    $first: Int!\n    $after: String\n    $action: String\n    $actorId: ID\n    $subjectType: String\n    $subjectId: String\n    $since: DateTime\n    $until: DateTime\n  ) {\n    auditEvents(\n      first: $first\n      after: $after\n      action: $action\n      actorId: $actorId\n      subjectType: $subjectType\n      subjectId: $subjectId\n      since: $since\n      until: $until\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          seq\n          occurredAt\n          actor {\n            id\n            username\n            displayName\n          }\n          actorUsername\n          action\n          subjectType\n          subjectId\n          before\n          after\n          requestId\n          clientAddress\n          hash\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  fragment ViewerFields on Viewer {\n    id\n    username\n    displayName\n    roles\n    permissions\n    department {\n      id\n      code\n      name\n    }\n    user {\n      id\n      email\n      lastLoginAt\n      roles {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query AuthConfig {\n    authConfig {\n      oidcEnabled\n      oidcLoginUrl\n      demo\n    }\n  }\n": typeof types.AuthConfigDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ... on LoginError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      __typename\n      ... on LogoutSuccess {\n        ok\n      }\n      ... on LogoutError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      __typename\n      ... on ChangePasswordSuccess {\n        ok\n      }\n      ... on ChangePasswordError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    kind\n    active\n    memberCount\n    sortOrder\n    parent {\n      id\n    }\n    viewerCan {\n      update\n      delete\n    }\n  }\n": typeof types.DepartmentFieldsFragmentDoc,
    "\n  query Departments($first: Int!, $after: String) {\n    departments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DepartmentFields\n        }\n      }\n    }\n  }\n": typeof types.DepartmentsDocument,
    "\n  fragment UserRow on User {\n    id\n    username\n    displayName\n    email\n    active\n    lastLoginAt\n    createdAt\n    department {\n      id\n      name\n    }\n    roles {\n      id\n      code\n      name\n    }\n    viewerCan {\n      update\n      deactivate\n      resetPassword\n      assignRoles\n    }\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  query Users($first: Int!, $after: String, $search: String, $departmentId: ID, $active: Boolean) {\n    users(first: $first, after: $after, search: $search, departmentId: $departmentId, active: $active) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query UserOptions($search: String) {\n    users(first: 20, search: $search) {\n      edges {\n        node {\n          id\n          username\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.UserOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on CreateUserError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      __typename\n      ... on UpdateUserSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on UpdateUserError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      __typename\n      ... on SetUserActiveSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on SetUserActiveError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.SetUserActiveDocument,
    "\n  mutation AssignRoles($input: AssignRolesInput!) {\n    assignRoles(input: $input) {\n      __typename\n      ... on AssignRolesSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on AssignRolesError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.AssignRolesDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on ResetPasswordSuccess {\n        user {\n          id\n        }\n      }\n      ... on ResetPasswordError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) {\n      __typename\n      ... on CreateDepartmentSuccess {\n        department {\n          ...DepartmentFields\n        }\n      }\n      ... on CreateDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($input: UpdateDepartmentInput!) {\n    updateDepartment(input: $input) {\n      __typename\n      ... on UpdateDepartmentSuccess {\n        department {\n          ...DepartmentFields\n        }\n      }\n      ... on UpdateDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateDepartmentDocument,
    "\n  mutation DeleteDepartment($input: DeleteDepartmentInput!) {\n    deleteDepartment(input: $input) {\n      __typename\n      ... on DeleteDepartmentSuccess {\n        deletedId\n      }\n      ... on DeleteDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.DeleteDepartmentDocument,
    "\n  fragment RoleFields on Role {\n    id\n    code\n    name\n    description\n    builtin\n    permissions\n    userCount\n    viewerCan {\n      update\n      delete\n    }\n  }\n": typeof types.RoleFieldsFragmentDoc,
    "\n  query Roles {\n    roles(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...RoleFields\n        }\n      }\n    }\n  }\n": typeof types.RolesDocument,
    "\n  query RoleOptions {\n    roles(first: 100) {\n      edges {\n        node {\n          id\n          code\n          name\n          builtin\n        }\n      }\n    }\n  }\n": typeof types.RoleOptionsDocument,
    "\n  query Permissions {\n    permissions {\n      code\n      domain\n      name\n      description\n    }\n  }\n": typeof types.PermissionsDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      __typename\n      ... on CreateRoleSuccess {\n        role {\n          ...RoleFields\n        }\n      }\n      ... on CreateRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      __typename\n      ... on UpdateRoleSuccess {\n        role {\n          ...RoleFields\n        }\n      }\n      ... on UpdateRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateRoleDocument,
    "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      __typename\n      ... on DeleteRoleSuccess {\n        deletedId\n      }\n      ... on DeleteRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.DeleteRoleDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    active\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens($first: Int!, $after: String) {\n    apiTokens(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ApiTokenFields\n        }\n      }\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        secret\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ... on CreateApiTokenError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      __typename\n      ... on RevokeApiTokenSuccess {\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ... on RevokeApiTokenError {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
};
const documents: Documents = {
    "\n  query AuditEvents(\n    $first: Int!\n    $after: String\n    $action: String\n    $actorId: ID\n    $subjectType: String\n    $subjectId: String\n    $since: DateTime\n    $until: DateTime\n  ) {\n    auditEvents(\n      first: $first\n      after: $after\n      action: $action\n      actorId: $actorId\n      subjectType: $subjectType\n      subjectId: $subjectId\n      since: $since\n      until: $until\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          seq\n          occurredAt\n          actor {\n            id\n            username\n            displayName\n          }\n          actorUsername\n          action\n          subjectType\n          subjectId\n          before\n          after\n          requestId\n          clientAddress\n          hash\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  fragment ViewerFields on Viewer {\n    id\n    username\n    displayName\n    roles\n    permissions\n    department {\n      id\n      code\n      name\n    }\n    user {\n      id\n      email\n      lastLoginAt\n      roles {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n": types.ViewerDocument,
    "\n  query AuthConfig {\n    authConfig {\n      oidcEnabled\n      oidcLoginUrl\n      demo\n    }\n  }\n": types.AuthConfigDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ... on LoginError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout {\n      __typename\n      ... on LogoutSuccess {\n        ok\n      }\n      ... on LogoutError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      __typename\n      ... on ChangePasswordSuccess {\n        ok\n      }\n      ... on ChangePasswordError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    kind\n    active\n    memberCount\n    sortOrder\n    parent {\n      id\n    }\n    viewerCan {\n      update\n      delete\n    }\n  }\n": types.DepartmentFieldsFragmentDoc,
    "\n  query Departments($first: Int!, $after: String) {\n    departments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DepartmentFields\n        }\n      }\n    }\n  }\n": types.DepartmentsDocument,
    "\n  fragment UserRow on User {\n    id\n    username\n    displayName\n    email\n    active\n    lastLoginAt\n    createdAt\n    department {\n      id\n      name\n    }\n    roles {\n      id\n      code\n      name\n    }\n    viewerCan {\n      update\n      deactivate\n      resetPassword\n      assignRoles\n    }\n  }\n": types.UserRowFragmentDoc,
    "\n  query Users($first: Int!, $after: String, $search: String, $departmentId: ID, $active: Boolean) {\n    users(first: $first, after: $after, search: $search, departmentId: $departmentId, active: $active) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query UserOptions($search: String) {\n    users(first: 20, search: $search) {\n      edges {\n        node {\n          id\n          username\n          displayName\n        }\n      }\n    }\n  }\n": types.UserOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on CreateUserError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      __typename\n      ... on UpdateUserSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on UpdateUserError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      __typename\n      ... on SetUserActiveSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on SetUserActiveError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.SetUserActiveDocument,
    "\n  mutation AssignRoles($input: AssignRolesInput!) {\n    assignRoles(input: $input) {\n      __typename\n      ... on AssignRolesSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on AssignRolesError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.AssignRolesDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on ResetPasswordSuccess {\n        user {\n          id\n        }\n      }\n      ... on ResetPasswordError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) {\n      __typename\n      ... on CreateDepartmentSuccess {\n        department {\n          ...DepartmentFields\n        }\n      }\n      ... on CreateDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($input: UpdateDepartmentInput!) {\n    updateDepartment(input: $input) {\n      __typename\n      ... on UpdateDepartmentSuccess {\n        department {\n          ...DepartmentFields\n        }\n      }\n      ... on UpdateDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateDepartmentDocument,
    "\n  mutation DeleteDepartment($input: DeleteDepartmentInput!) {\n    deleteDepartment(input: $input) {\n      __typename\n      ... on DeleteDepartmentSuccess {\n        deletedId\n      }\n      ... on DeleteDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.DeleteDepartmentDocument,
    "\n  fragment RoleFields on Role {\n    id\n    code\n    name\n    description\n    builtin\n    permissions\n    userCount\n    viewerCan {\n      update\n      delete\n    }\n  }\n": types.RoleFieldsFragmentDoc,
    "\n  query Roles {\n    roles(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...RoleFields\n        }\n      }\n    }\n  }\n": types.RolesDocument,
    "\n  query RoleOptions {\n    roles(first: 100) {\n      edges {\n        node {\n          id\n          code\n          name\n          builtin\n        }\n      }\n    }\n  }\n": types.RoleOptionsDocument,
    "\n  query Permissions {\n    permissions {\n      code\n      domain\n      name\n      description\n    }\n  }\n": types.PermissionsDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      __typename\n      ... on CreateRoleSuccess {\n        role {\n          ...RoleFields\n        }\n      }\n      ... on CreateRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      __typename\n      ... on UpdateRoleSuccess {\n        role {\n          ...RoleFields\n        }\n      }\n      ... on UpdateRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateRoleDocument,
    "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      __typename\n      ... on DeleteRoleSuccess {\n        deletedId\n      }\n      ... on DeleteRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.DeleteRoleDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    active\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens($first: Int!, $after: String) {\n    apiTokens(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ApiTokenFields\n        }\n      }\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        secret\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ... on CreateApiTokenError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      __typename\n      ... on RevokeApiTokenSuccess {\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ... on RevokeApiTokenError {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RevokeApiTokenDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents(\n    $first: Int!\n    $after: String\n    $action: String\n    $actorId: ID\n    $subjectType: String\n    $subjectId: String\n    $since: DateTime\n    $until: DateTime\n  ) {\n    auditEvents(\n      first: $first\n      after: $after\n      action: $action\n      actorId: $actorId\n      subjectType: $subjectType\n      subjectId: $subjectId\n      since: $since\n      until: $until\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          seq\n          occurredAt\n          actor {\n            id\n            username\n            displayName\n          }\n          actorUsername\n          action\n          subjectType\n          subjectId\n          before\n          after\n          requestId\n          clientAddress\n          hash\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents(\n    $first: Int!\n    $after: String\n    $action: String\n    $actorId: ID\n    $subjectType: String\n    $subjectId: String\n    $since: DateTime\n    $until: DateTime\n  ) {\n    auditEvents(\n      first: $first\n      after: $after\n      action: $action\n      actorId: $actorId\n      subjectType: $subjectType\n      subjectId: $subjectId\n      since: $since\n      until: $until\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          seq\n          occurredAt\n          actor {\n            id\n            username\n            displayName\n          }\n          actorUsername\n          action\n          subjectType\n          subjectId\n          before\n          after\n          requestId\n          clientAddress\n          hash\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    id\n    username\n    displayName\n    roles\n    permissions\n    department {\n      id\n      code\n      name\n    }\n    user {\n      id\n      email\n      lastLoginAt\n      roles {\n        id\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    id\n    username\n    displayName\n    roles\n    permissions\n    department {\n      id\n      code\n      name\n    }\n    user {\n      id\n      email\n      lastLoginAt\n      roles {\n        id\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthConfig {\n    authConfig {\n      oidcEnabled\n      oidcLoginUrl\n      demo\n    }\n  }\n"): (typeof documents)["\n  query AuthConfig {\n    authConfig {\n      oidcEnabled\n      oidcLoginUrl\n      demo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ... on LoginError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      __typename\n      ... on LoginSuccess {\n        viewer {\n          ...ViewerFields\n        }\n      }\n      ... on LoginError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout {\n      __typename\n      ... on LogoutSuccess {\n        ok\n      }\n      ... on LogoutError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout {\n      __typename\n      ... on LogoutSuccess {\n        ok\n      }\n      ... on LogoutError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      __typename\n      ... on ChangePasswordSuccess {\n        ok\n      }\n      ... on ChangePasswordError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      __typename\n      ... on ChangePasswordSuccess {\n        ok\n      }\n      ... on ChangePasswordError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    kind\n    active\n    memberCount\n    sortOrder\n    parent {\n      id\n    }\n    viewerCan {\n      update\n      delete\n    }\n  }\n"): (typeof documents)["\n  fragment DepartmentFields on Department {\n    id\n    code\n    name\n    kind\n    active\n    memberCount\n    sortOrder\n    parent {\n      id\n    }\n    viewerCan {\n      update\n      delete\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Departments($first: Int!, $after: String) {\n    departments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DepartmentFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Departments($first: Int!, $after: String) {\n    departments(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...DepartmentFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    username\n    displayName\n    email\n    active\n    lastLoginAt\n    createdAt\n    department {\n      id\n      name\n    }\n    roles {\n      id\n      code\n      name\n    }\n    viewerCan {\n      update\n      deactivate\n      resetPassword\n      assignRoles\n    }\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    username\n    displayName\n    email\n    active\n    lastLoginAt\n    createdAt\n    department {\n      id\n      name\n    }\n    roles {\n      id\n      code\n      name\n    }\n    viewerCan {\n      update\n      deactivate\n      resetPassword\n      assignRoles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int!, $after: String, $search: String, $departmentId: ID, $active: Boolean) {\n    users(first: $first, after: $after, search: $search, departmentId: $departmentId, active: $active) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int!, $after: String, $search: String, $departmentId: ID, $active: Boolean) {\n    users(first: $first, after: $after, search: $search, departmentId: $departmentId, active: $active) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserOptions($search: String) {\n    users(first: 20, search: $search) {\n      edges {\n        node {\n          id\n          username\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserOptions($search: String) {\n    users(first: 20, search: $search) {\n      edges {\n        node {\n          id\n          username\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on CreateUserError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on CreateUserSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on CreateUserError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      __typename\n      ... on UpdateUserSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on UpdateUserError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) {\n      __typename\n      ... on UpdateUserSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on UpdateUserError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      __typename\n      ... on SetUserActiveSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on SetUserActiveError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      __typename\n      ... on SetUserActiveSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on SetUserActiveError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignRoles($input: AssignRolesInput!) {\n    assignRoles(input: $input) {\n      __typename\n      ... on AssignRolesSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on AssignRolesError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignRoles($input: AssignRolesInput!) {\n    assignRoles(input: $input) {\n      __typename\n      ... on AssignRolesSuccess {\n        user {\n          ...UserRow\n        }\n      }\n      ... on AssignRolesError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on ResetPasswordSuccess {\n        user {\n          id\n        }\n      }\n      ... on ResetPasswordError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      __typename\n      ... on ResetPasswordSuccess {\n        user {\n          id\n        }\n      }\n      ... on ResetPasswordError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) {\n      __typename\n      ... on CreateDepartmentSuccess {\n        department {\n          ...DepartmentFields\n        }\n      }\n      ... on CreateDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) {\n      __typename\n      ... on CreateDepartmentSuccess {\n        department {\n          ...DepartmentFields\n        }\n      }\n      ... on CreateDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDepartment($input: UpdateDepartmentInput!) {\n    updateDepartment(input: $input) {\n      __typename\n      ... on UpdateDepartmentSuccess {\n        department {\n          ...DepartmentFields\n        }\n      }\n      ... on UpdateDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDepartment($input: UpdateDepartmentInput!) {\n    updateDepartment(input: $input) {\n      __typename\n      ... on UpdateDepartmentSuccess {\n        department {\n          ...DepartmentFields\n        }\n      }\n      ... on UpdateDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDepartment($input: DeleteDepartmentInput!) {\n    deleteDepartment(input: $input) {\n      __typename\n      ... on DeleteDepartmentSuccess {\n        deletedId\n      }\n      ... on DeleteDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteDepartment($input: DeleteDepartmentInput!) {\n    deleteDepartment(input: $input) {\n      __typename\n      ... on DeleteDepartmentSuccess {\n        deletedId\n      }\n      ... on DeleteDepartmentError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleFields on Role {\n    id\n    code\n    name\n    description\n    builtin\n    permissions\n    userCount\n    viewerCan {\n      update\n      delete\n    }\n  }\n"): (typeof documents)["\n  fragment RoleFields on Role {\n    id\n    code\n    name\n    description\n    builtin\n    permissions\n    userCount\n    viewerCan {\n      update\n      delete\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...RoleFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...RoleFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleOptions {\n    roles(first: 100) {\n      edges {\n        node {\n          id\n          code\n          name\n          builtin\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoleOptions {\n    roles(first: 100) {\n      edges {\n        node {\n          id\n          code\n          name\n          builtin\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Permissions {\n    permissions {\n      code\n      domain\n      name\n      description\n    }\n  }\n"): (typeof documents)["\n  query Permissions {\n    permissions {\n      code\n      domain\n      name\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      __typename\n      ... on CreateRoleSuccess {\n        role {\n          ...RoleFields\n        }\n      }\n      ... on CreateRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      __typename\n      ... on CreateRoleSuccess {\n        role {\n          ...RoleFields\n        }\n      }\n      ... on CreateRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      __typename\n      ... on UpdateRoleSuccess {\n        role {\n          ...RoleFields\n        }\n      }\n      ... on UpdateRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      __typename\n      ... on UpdateRoleSuccess {\n        role {\n          ...RoleFields\n        }\n      }\n      ... on UpdateRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      __typename\n      ... on DeleteRoleSuccess {\n        deletedId\n      }\n      ... on DeleteRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      __typename\n      ... on DeleteRoleSuccess {\n        deletedId\n      }\n      ... on DeleteRoleError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    active\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    prefix\n    createdAt\n    expiresAt\n    lastUsedAt\n    revokedAt\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens($first: Int!, $after: String) {\n    apiTokens(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ApiTokenFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens($first: Int!, $after: String) {\n    apiTokens(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ApiTokenFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        secret\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ... on CreateApiTokenError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      __typename\n      ... on CreateApiTokenSuccess {\n        secret\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ... on CreateApiTokenError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      __typename\n      ... on RevokeApiTokenSuccess {\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ... on RevokeApiTokenError {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) {\n      __typename\n      ... on RevokeApiTokenSuccess {\n        apiToken {\n          ...ApiTokenFields\n        }\n      }\n      ... on RevokeApiTokenError {\n        code\n        field\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;