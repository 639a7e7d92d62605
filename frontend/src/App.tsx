import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { GraphqlProvider } from './graphql/client';
import { LanguageProvider } from './i18n/LanguageProvider';
import { ViewerProvider } from './app/viewer';
import { FullPageSpin, RequireAuth, RequirePermission } from './app/guards';
import { navEntry } from './layout/nav';
import { NotFoundPage } from './layout/ErrorPages';
import type { PermissionCode } from './app/permissions';

// Every page is its own chunk: the sign-in page does not pay for the audit viewer.
const LoginPage = lazy(() => import('./app/LoginPage'));
const AppLayout = lazy(() => import('./layout/AppLayout'));
const HomePage = lazy(() => import('./home/HomePage'));
const UsersPage = lazy(() => import('./org/UsersPage'));
const DepartmentsPage = lazy(() => import('./org/DepartmentsPage'));
const RolesPage = lazy(() => import('./auth/roles/RolesPage'));
const TokensPage = lazy(() => import('./auth/tokens/TokensPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const SalesOrdersPage = lazy(() => import('./operations/SalesOrdersPage'));
const DocumentFormPage = lazy(() => import('./operations/DocumentFormPage'));
const DocumentDetailPage = lazy(() => import('./operations/DocumentDetailPage'));
const DeliveriesPage = lazy(() => import('./operations/DeliveriesPage'));
const PurchaseReceiptsPage = lazy(() => import('./operations/PurchaseReceiptsPage'));
const CashPage = lazy(() => import('./operations/CashPage'));
const ExpenseClaimsPage = lazy(() => import('./operations/ExpenseClaimsPage'));
const MasterDataPage = lazy(() => import('./operations/MasterDataPage'));
const VouchersPage = lazy(() => import('./ledger/VouchersPage'));
const VoucherDetailPage = lazy(() => import('./ledger/VoucherDetailPage'));
const VoucherFormPage = lazy(() => import('./ledger/VoucherFormPage'));
const TrialBalancePage = lazy(() => import('./ledger/TrialBalancePage'));
const AccountLedgerPage = lazy(() => import('./ledger/AccountLedgerPage'));
const IncomeStatementPage = lazy(() => import('./ledger/IncomeStatementPage'));
const BalanceSheetPage = lazy(() => import('./ledger/BalanceSheetPage'));
const AccountsPage = lazy(() => import('./ledger/AccountsPage'));
const FiscalPeriodsPage = lazy(() => import('./ledger/FiscalPeriodsPage'));
const PostingRulesPage = lazy(() => import('./posting/PostingRulesPage'));
const PostingRuleDetailPage = lazy(() => import('./posting/PostingRuleDetailPage'));
const ReconciliationPage = lazy(() => import('./posting/ReconciliationPage'));

/** A route behind the permission its navigation entry declares (or an explicit list). */
function guarded(path: string, anyOf: readonly PermissionCode[], element: ReactNode) {
  return <Route key={path} path={path} element={<RequirePermission anyOf={anyOf}>{element}</RequirePermission>} />;
}

export default function App() {
  return (
    <LanguageProvider>
      <GraphqlProvider>
        <ViewerProvider>
          <BrowserRouter>
            <Suspense fallback={<FullPageSpin />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<HomePage />} />
                  <Route
                    path="users"
                    element={
                      <RequirePermission anyOf={navEntry('users').anyOf}>
                        <UsersPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="departments"
                    element={
                      <RequirePermission anyOf={navEntry('departments').anyOf}>
                        <DepartmentsPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="roles"
                    element={
                      <RequirePermission anyOf={navEntry('roles').anyOf}>
                        <RolesPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="tokens"
                    element={
                      <RequirePermission anyOf={navEntry('tokens').anyOf}>
                        <TokensPage />
                      </RequirePermission>
                    }
                  />
                  <Route
                    path="audit"
                    element={
                      <RequirePermission anyOf={navEntry('audit').anyOf}>
                        <AuditPage />
                      </RequirePermission>
                    }
                  />
                  {guarded('sales-orders', navEntry('salesOrders').anyOf, <SalesOrdersPage />)}
                  {guarded('sales-orders/new', ['OPERATIONS_CREATE_DOCUMENTS'], <DocumentFormPage kind="salesOrder" />)}
                  {guarded('deliveries', navEntry('deliveries').anyOf, <DeliveriesPage />)}
                  {guarded('purchase-receipts', navEntry('purchaseReceipts').anyOf, <PurchaseReceiptsPage />)}
                  {guarded('purchase-receipts/new', ['OPERATIONS_CREATE_DOCUMENTS'], <DocumentFormPage kind="purchaseReceipt" />)}
                  {guarded('cash', navEntry('cash').anyOf, <CashPage />)}
                  {guarded('expense-claims', navEntry('expenseClaims').anyOf, <ExpenseClaimsPage />)}
                  {guarded('master-data', navEntry('masterData').anyOf, <MasterDataPage />)}
                  {guarded('documents/:id', navEntry('expenseClaims').anyOf, <DocumentDetailPage />)}
                  {guarded('vouchers', navEntry('vouchers').anyOf, <VouchersPage />)}
                  {guarded('vouchers/new', ['LEDGER_PREPARE_VOUCHERS'], <VoucherFormPage />)}
                  {guarded('vouchers/:id', navEntry('vouchers').anyOf, <VoucherDetailPage />)}
                  {guarded('trial-balance', navEntry('trialBalance').anyOf, <TrialBalancePage />)}
                  {guarded('account-ledger', navEntry('accountLedger').anyOf, <AccountLedgerPage />)}
                  {guarded('income-statement', navEntry('incomeStatement').anyOf, <IncomeStatementPage />)}
                  {guarded('balance-sheet', navEntry('balanceSheet').anyOf, <BalanceSheetPage />)}
                  {guarded('accounts', navEntry('accounts').anyOf, <AccountsPage />)}
                  {guarded('fiscal-periods', navEntry('fiscalPeriods').anyOf, <FiscalPeriodsPage />)}
                  {guarded('posting-rules', navEntry('postingRules').anyOf, <PostingRulesPage />)}
                  {guarded('posting-rules/:id', navEntry('postingRules').anyOf, <PostingRuleDetailPage />)}
                  {guarded('reconciliation', navEntry('reconciliation').anyOf, <ReconciliationPage />)}
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </ViewerProvider>
      </GraphqlProvider>
    </LanguageProvider>
  );
}
