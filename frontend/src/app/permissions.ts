/** Permission codes the web shell knows about; the server's catalogue may hold more. */
export const PERMISSIONS = {
  orgRead: 'ORG_READ',
  orgManageUsers: 'ORG_MANAGE_USERS',
  orgManageDepartments: 'ORG_MANAGE_DEPARTMENTS',
  authManageRoles: 'AUTH_MANAGE_ROLES',
  authUseApiTokens: 'AUTH_USE_API_TOKENS',
  auditRead: 'AUDIT_READ',
  operationsRead: 'OPERATIONS_READ',
  operationsMasterData: 'OPERATIONS_MANAGE_MASTER_DATA',
  operationsCreate: 'OPERATIONS_CREATE_DOCUMENTS',
  operationsAllDepartments: 'OPERATIONS_ALL_DEPARTMENTS',
  operationsRecordCash: 'OPERATIONS_RECORD_CASH',
  operationsClaimExpenses: 'OPERATIONS_CLAIM_EXPENSES',
  operationsApproveClaims: 'OPERATIONS_APPROVE_CLAIMS',
  operationsPayClaims: 'OPERATIONS_PAY_CLAIMS',
  ledgerRead: 'LEDGER_READ',
  ledgerManageAccounts: 'LEDGER_MANAGE_ACCOUNTS',
  ledgerManagePeriods: 'LEDGER_MANAGE_PERIODS',
  ledgerPrepare: 'LEDGER_PREPARE_VOUCHERS',
  postingRead: 'POSTING_READ',
  postingManage: 'POSTING_MANAGE_RULES',
} as const;

export type KnownPermission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

export interface PermissionHolder {
  permissions: readonly string[];
}

export function hasPermission(holder: PermissionHolder | null | undefined, code: string): boolean {
  return holder ? holder.permissions.includes(code) : false;
}

export function hasAnyPermission(holder: PermissionHolder | null | undefined, codes: readonly string[]): boolean {
  return codes.length === 0 || codes.some((code) => hasPermission(holder, code));
}
