import { lazy } from 'react';
import {
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileTextOutlined,
  FundOutlined,
  LineChartOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type LedgerMessages } from './messages/zh-CN';
import en from './messages/en';

const VouchersPage = lazy(() => import('./VouchersPage'));
const VoucherFormPage = lazy(() => import('./VoucherFormPage'));
const VoucherDetailPage = lazy(() => import('./VoucherDetailPage'));
const TrialBalancePage = lazy(() => import('./TrialBalancePage'));
const AccountLedgerPage = lazy(() => import('./AccountLedgerPage'));
const IncomeStatementPage = lazy(() => import('./IncomeStatementPage'));
const BalanceSheetPage = lazy(() => import('./BalanceSheetPage'));
const AccountsPage = lazy(() => import('./AccountsPage'));
const FiscalPeriodsPage = lazy(() => import('./FiscalPeriodsPage'));

const READ = ['LEDGER_READ'] as const;

/** 账簿: vouchers, 科目余额表 with drill-down, 明细账, the statements, 会计科目, 会计期间. */
export const ledgerFeature: Feature<LedgerMessages> = defineFeature({
  domain: 'LEDGER',
  permissions: ['LEDGER_READ', 'LEDGER_PREPARE_VOUCHERS', 'LEDGER_MANAGE_ACCOUNTS', 'LEDGER_MANAGE_PERIODS', 'OPERATIONS_READ'],
  navGroups: [{ key: 'books', label: 'nav.groupBooks' }],
  routes: [
    {
      path: '/vouchers',
      page: VouchersPage,
      anyOf: READ,
      nav: { key: 'vouchers', icon: <BookOutlined />, label: 'nav.vouchers', group: 'books', homeLink: 'home.linkVouchers' },
    },
    { path: '/vouchers/new', page: VoucherFormPage, anyOf: ['LEDGER_PREPARE_VOUCHERS'] },
    { path: '/vouchers/:id', page: VoucherDetailPage, anyOf: READ },
    {
      path: '/trial-balance',
      page: TrialBalancePage,
      anyOf: READ,
      nav: { key: 'trialBalance', icon: <TableOutlined />, label: 'nav.trialBalance', group: 'books', homeLink: 'home.linkTrialBalance' },
    },
    { path: '/account-ledger', page: AccountLedgerPage, anyOf: READ, nav: { key: 'accountLedger', icon: <FileTextOutlined />, label: 'nav.accountLedger', group: 'books' } },
    {
      path: '/income-statement',
      page: IncomeStatementPage,
      anyOf: READ,
      nav: { key: 'incomeStatement', icon: <LineChartOutlined />, label: 'nav.incomeStatement', group: 'books' },
    },
    { path: '/balance-sheet', page: BalanceSheetPage, anyOf: READ, nav: { key: 'balanceSheet', icon: <FundOutlined />, label: 'nav.balanceSheet', group: 'books' } },
    { path: '/accounts', page: AccountsPage, anyOf: READ, nav: { key: 'accounts', icon: <ClusterOutlined />, label: 'nav.accounts', group: 'books' } },
    { path: '/fiscal-periods', page: FiscalPeriodsPage, anyOf: READ, nav: { key: 'fiscalPeriods', icon: <CalendarOutlined />, label: 'nav.fiscalPeriods', group: 'books' } },
  ],
  messages: { 'zh-CN': zhCN, en },
});
