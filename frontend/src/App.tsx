import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { GraphqlProvider } from './graphql/client';
import { LanguageProvider } from './i18n/LanguageProvider';
import { ViewerProvider } from './app/viewer';
import { FullPageSpin, RequireAuth, RequirePermission } from './app/guards';
import { NotFoundPage } from './layout/ErrorPages';
import { FEATURES } from './features';
import type { PublicRoute } from './app/feature';

// Every page is its own chunk: the sign-in page does not pay for the audit viewer.
const LoginPage = lazy(() => import('./app/LoginPage'));
const AppLayout = lazy(() => import('./layout/AppLayout'));
const HomePage = lazy(() => import('./home/HomePage'));

// Each feature's pages, behind the permissions the route declares (the same list its
// menu entry uses).
const ROUTES = FEATURES.flatMap((feature) => feature.routes);
// Pages for visitors who are not signed in (a certificate's verification page).
const PUBLIC_ROUTES = FEATURES.flatMap((feature): readonly PublicRoute[] => ('publicRoutes' in feature && feature.publicRoutes) || []);

export default function App() {
  return (
    <LanguageProvider>
      <GraphqlProvider>
        <ViewerProvider>
          <BrowserRouter>
            <Suspense fallback={<FullPageSpin />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                {PUBLIC_ROUTES.map(({ path, page: Page }) => (
                  <Route key={path} path={path} element={<Page />} />
                ))}
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<HomePage />} />
                  {ROUTES.map(({ path, page: Page, anyOf }) => (
                    <Route
                      key={path}
                      path={path}
                      element={
                        <RequirePermission anyOf={anyOf}>
                          <Page />
                        </RequirePermission>
                      }
                    />
                  ))}
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
