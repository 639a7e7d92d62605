import { lazy } from 'react';
import { CarOutlined, DatabaseOutlined, FileDoneOutlined, InboxOutlined, ShoppingCartOutlined, WalletOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type OperationsMessages } from './messages/zh-CN';
import en from './messages/en';

const SalesOrdersPage = lazy(() => import('./SalesOrdersPage'));
const DeliveriesPage = lazy(() => import('./DeliveriesPage'));
const PurchaseReceiptsPage = lazy(() => import('./PurchaseReceiptsPage'));
const CashPage = lazy(() => import('./CashPage'));
const ExpenseClaimsPage = lazy(() => import('./ExpenseClaimsPage'));
const MasterDataPage = lazy(() => import('./MasterDataPage'));
const DocumentDetailPage = lazy(() => import('./DocumentDetailPage'));
// Both forms are one page (one chunk) set up for the kind of document.
const SalesOrderFormPage = lazy(() => import('./DocumentFormPage').then(({ default: Form }) => ({ default: () => <Form kind="salesOrder" /> })));
const PurchaseReceiptFormPage = lazy(() => import('./DocumentFormPage').then(({ default: Form }) => ({ default: () => <Form kind="purchaseReceipt" /> })));

const READ = ['OPERATIONS_READ'] as const;
/** Claimants see their own claims (and open them) without reading every document. */
const CLAIMS = ['OPERATIONS_READ', 'OPERATIONS_CLAIM_EXPENSES'] as const;
const CREATE = ['OPERATIONS_CREATE_DOCUMENTS'] as const;

/** 业务单据: sales orders, deliveries and returns, purchase receipts, cash, expense claims, master data. */
export const operationsFeature: Feature<OperationsMessages> = defineFeature({
  domain: 'OPERATIONS',
  permissions: [
    'OPERATIONS_READ',
    'OPERATIONS_CLAIM_EXPENSES',
    'OPERATIONS_CREATE_DOCUMENTS',
    'OPERATIONS_ALL_DEPARTMENTS',
    'OPERATIONS_RECORD_CASH',
    'OPERATIONS_MANAGE_MASTER_DATA',
    'LEDGER_READ',
  ],
  navGroups: [{ key: 'operations', label: 'nav.groupOperations' }],
  routes: [
    {
      path: '/sales-orders',
      page: SalesOrdersPage,
      anyOf: READ,
      nav: { key: 'salesOrders', icon: <ShoppingCartOutlined />, label: 'nav.salesOrders', group: 'operations', homeLink: 'home.linkSalesOrders' },
    },
    { path: '/sales-orders/new', page: SalesOrderFormPage, anyOf: CREATE },
    { path: '/deliveries', page: DeliveriesPage, anyOf: READ, nav: { key: 'deliveries', icon: <CarOutlined />, label: 'nav.deliveries', group: 'operations' } },
    {
      path: '/purchase-receipts',
      page: PurchaseReceiptsPage,
      anyOf: READ,
      nav: { key: 'purchaseReceipts', icon: <InboxOutlined />, label: 'nav.purchaseReceipts', group: 'operations' },
    },
    { path: '/purchase-receipts/new', page: PurchaseReceiptFormPage, anyOf: CREATE },
    { path: '/cash', page: CashPage, anyOf: READ, nav: { key: 'cash', icon: <WalletOutlined />, label: 'nav.cash', group: 'operations' } },
    {
      path: '/expense-claims',
      page: ExpenseClaimsPage,
      anyOf: CLAIMS,
      nav: { key: 'expenseClaims', icon: <FileDoneOutlined />, label: 'nav.expenseClaims', group: 'operations', homeLink: 'home.linkExpenseClaims' },
    },
    { path: '/master-data', page: MasterDataPage, anyOf: READ, nav: { key: 'masterData', icon: <DatabaseOutlined />, label: 'nav.masterData', group: 'operations' } },
    { path: '/documents/:id', page: DocumentDetailPage, anyOf: CLAIMS },
  ],
  messages: { 'zh-CN': zhCN, en },
});
