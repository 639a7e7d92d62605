/** Permission codes the web shell knows about; the server's catalogue may hold more. */
export const PERMISSIONS = {
  orgRead: 'org.read',
  orgManageUsers: 'org.manage_users',
  orgManageDepartments: 'org.manage_departments',
  authManageRoles: 'auth.manage_roles',
  authUseApiTokens: 'auth.use_api_tokens',
  auditRead: 'audit.read',
  operationsRead: 'operations.read',
  operationsMasterData: 'operations.manage_master_data',
  operationsCreate: 'operations.create_documents',
  operationsAllDepartments: 'operations.all_departments',
  operationsRecordCash: 'operations.record_cash',
  operationsClaimExpenses: 'operations.claim_expenses',
  operationsApproveClaims: 'operations.approve_claims',
  operationsPayClaims: 'operations.pay_claims',
  ledgerRead: 'ledger.read',
  ledgerManageAccounts: 'ledger.manage_accounts',
  ledgerManagePeriods: 'ledger.manage_periods',
  ledgerPrepare: 'ledger.prepare_vouchers',
  postingRead: 'posting.read',
  postingManage: 'posting.manage_rules',
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
