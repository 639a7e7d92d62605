import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useViewerContext } from './viewer';
import { hasAnyPermission, type PermissionCode } from './permissions';
import { ForbiddenPage } from '../layout/ErrorPages';

interface RequirePermissionProps {
  /** The viewer needs at least one of these; an empty list means "signed in". */
  anyOf: readonly PermissionCode[];
  children: ReactNode;
  /** What to show instead; defaults to the 403 page. Pass `null` to render nothing. */
  fallback?: ReactNode;
}

/** Hides UI the viewer may not use. The server enforces the same rule regardless. */
export function RequirePermission({ anyOf, children, fallback }: RequirePermissionProps) {
  const { viewer } = useViewerContext();
  if (hasAnyPermission(viewer, anyOf)) return <>{children}</>;
  return <>{fallback === undefined ? <ForbiddenPage /> : fallback}</>;
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Sends anonymous visitors to the sign-in page, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, reload } = useViewerContext();
  const location = useLocation();
  const { t } = useTranslation();

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'error') {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={t('common.networkError')}
        extra={
          <Button type="primary" onClick={() => void reload()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!state.viewer) {
    const next = location.pathname + location.search;
    const query = !state.signedOut && next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`/login${query}`} replace />;
  }
  return <>{children}</>;
}
