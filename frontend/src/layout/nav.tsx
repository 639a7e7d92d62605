import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CarOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FundOutlined,
  LineChartOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  NodeIndexOutlined,
  SafetyOutlined,
  ShoppingCartOutlined,
  TableOutlined,
  TeamOutlined,
  WalletOutlined,
  ReconciliationOutlined,
} from '@ant-design/icons';
import type { Messages } from '../i18n/zh-CN';
import type { PermissionCode } from '../app/permissions';

export type NavKey =
  | 'home'
  | 'salesOrders'
  | 'deliveries'
  | 'purchaseReceipts'
  | 'cash'
  | 'expenseClaims'
  | 'masterData'
  | 'vouchers'
  | 'trialBalance'
  | 'accountLedger'
  | 'incomeStatement'
  | 'balanceSheet'
  | 'accounts'
  | 'fiscalPeriods'
  | 'postingRules'
  | 'reconciliation'
  | 'users'
  | 'departments'
  | 'roles'
  | 'tokens'
  | 'audit';

export interface NavEntry {
  key: NavKey;
  path: string;
  icon: ReactNode;
  label: `nav.${NavKey}`;
  description: `home.${Extract<keyof Messages['home'], `link${string}`>}` | null;
  /** The viewer needs one of these to see the entry; empty means everyone signed in. */
  anyOf: readonly PermissionCode[];
  group: 'main' | 'operations' | 'books' | 'posting' | 'org' | 'system';
}

const OPERATIONS: readonly PermissionCode[] = ['OPERATIONS_READ'];
const BOOKS: readonly PermissionCode[] = ['LEDGER_READ'];

// Mirrors the contract's navigation table; the routes use the same lists.
export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, label: 'nav.home', description: null, anyOf: [], group: 'main' },
  { key: 'salesOrders', path: '/sales-orders', icon: <ShoppingCartOutlined />, label: 'nav.salesOrders', description: 'home.linkSalesOrders', anyOf: OPERATIONS, group: 'operations' },
  { key: 'deliveries', path: '/deliveries', icon: <CarOutlined />, label: 'nav.deliveries', description: null, anyOf: OPERATIONS, group: 'operations' },
  { key: 'purchaseReceipts', path: '/purchase-receipts', icon: <InboxOutlined />, label: 'nav.purchaseReceipts', description: null, anyOf: OPERATIONS, group: 'operations' },
  { key: 'cash', path: '/cash', icon: <WalletOutlined />, label: 'nav.cash', description: null, anyOf: OPERATIONS, group: 'operations' },
  {
    key: 'expenseClaims',
    path: '/expense-claims',
    icon: <FileDoneOutlined />,
    label: 'nav.expenseClaims',
    description: 'home.linkExpenseClaims',
    anyOf: ['OPERATIONS_READ', 'OPERATIONS_CLAIM_EXPENSES'],
    group: 'operations',
  },
  { key: 'masterData', path: '/master-data', icon: <DatabaseOutlined />, label: 'nav.masterData', description: null, anyOf: OPERATIONS, group: 'operations' },
  { key: 'vouchers', path: '/vouchers', icon: <BookOutlined />, label: 'nav.vouchers', description: 'home.linkVouchers', anyOf: BOOKS, group: 'books' },
  { key: 'trialBalance', path: '/trial-balance', icon: <TableOutlined />, label: 'nav.trialBalance', description: 'home.linkTrialBalance', anyOf: BOOKS, group: 'books' },
  { key: 'accountLedger', path: '/account-ledger', icon: <FileTextOutlined />, label: 'nav.accountLedger', description: null, anyOf: BOOKS, group: 'books' },
  { key: 'incomeStatement', path: '/income-statement', icon: <LineChartOutlined />, label: 'nav.incomeStatement', description: null, anyOf: BOOKS, group: 'books' },
  { key: 'balanceSheet', path: '/balance-sheet', icon: <FundOutlined />, label: 'nav.balanceSheet', description: null, anyOf: BOOKS, group: 'books' },
  { key: 'accounts', path: '/accounts', icon: <ClusterOutlined />, label: 'nav.accounts', description: null, anyOf: BOOKS, group: 'books' },
  { key: 'fiscalPeriods', path: '/fiscal-periods', icon: <CalendarOutlined />, label: 'nav.fiscalPeriods', description: null, anyOf: BOOKS, group: 'books' },
  { key: 'postingRules', path: '/posting-rules', icon: <NodeIndexOutlined />, label: 'nav.postingRules', description: 'home.linkPostingRules', anyOf: ['POSTING_READ'], group: 'posting' },
  { key: 'reconciliation', path: '/reconciliation', icon: <ReconciliationOutlined />, label: 'nav.reconciliation', description: 'home.linkReconciliation', anyOf: BOOKS, group: 'posting' },
  {
    key: 'users',
    path: '/users',
    icon: <TeamOutlined />,
    label: 'nav.users',
    description: 'home.linkUsers',
    anyOf: ['ORG_READ'],
    group: 'org',
  },
  {
    key: 'departments',
    path: '/departments',
    icon: <ApartmentOutlined />,
    label: 'nav.departments',
    description: 'home.linkDepartments',
    anyOf: ['ORG_READ'],
    group: 'org',
  },
  {
    key: 'roles',
    path: '/roles',
    icon: <SafetyOutlined />,
    label: 'nav.roles',
    description: 'home.linkRoles',
    anyOf: ['AUTH_MANAGE_ROLES'],
    group: 'org',
  },
  {
    key: 'tokens',
    path: '/tokens',
    icon: <KeyOutlined />,
    label: 'nav.tokens',
    description: 'home.linkTokens',
    anyOf: ['AUTH_USE_API_TOKENS'],
    group: 'system',
  },
  {
    key: 'audit',
    path: '/audit',
    icon: <AuditOutlined />,
    label: 'nav.audit',
    description: 'home.linkAudit',
    anyOf: ['AUDIT_READ'],
    group: 'system',
  },
];


export function navEntry(key: NavKey): NavEntry {
  const entry = NAV_ENTRIES.find((e) => e.key === key);
  if (!entry) throw new Error(`unknown nav entry ${key}`);
  return entry;
}
