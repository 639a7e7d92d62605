import type { PermissionCode } from '../gql/graphql';

/**
 * Permission codes are the schema's `PermissionCode` enum (a string-literal union after
 * codegen): a code the server does not know does not type-check. The server enforces every
 * permission regardless; these helpers only decide what the web app shows.
 */
export type { PermissionCode };

export interface PermissionHolder {
  permissions: readonly PermissionCode[];
}

export function hasPermission(holder: PermissionHolder | null | undefined, code: PermissionCode): boolean {
  return holder ? holder.permissions.includes(code) : false;
}

/** True when the holder has one of `codes`; an empty list means "anyone signed in". */
export function hasAnyPermission(holder: PermissionHolder | null | undefined, codes: readonly PermissionCode[]): boolean {
  return codes.length === 0 || codes.some((code) => hasPermission(holder, code));
}
