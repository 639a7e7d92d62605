import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { GraphqlProvider } from './graphql/client';
import { LanguageProvider } from './i18n/LanguageProvider';
import { ViewerProvider } from './auth/viewer';
import { FullPageSpin, RequireAuth, RequirePermission } from './auth/RequirePermission';
import { navEntry } from './layout/nav';
import { NotFoundPage } from './layout/ErrorPages';

// Every page is its own chunk: the sign-in page does not pay for the audit viewer.
const LoginPage = lazy(() => import('./auth/LoginPage'));
const AppLayout = lazy(() => import('./layout/AppLayout'));
const HomePage = lazy(() => import('./home/HomePage'));
const UsersPage = lazy(() => import('./org/UsersPage'));
const DepartmentsPage = lazy(() => import('./org/DepartmentsPage'));
const RolesPage = lazy(() => import('./roles/RolesPage'));
const TokensPage = lazy(() => import('./tokens/TokensPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));

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
