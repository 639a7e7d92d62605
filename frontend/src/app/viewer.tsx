import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useClient, type Client } from 'urql';
import type { ViewerFieldsFragment } from '../gql/graphql';
import { ViewerQuery } from './session';
import { onUnauthenticated } from '../graphql/client';
import { hasPermission, type PermissionCode } from './permissions';

export type Viewer = ViewerFieldsFragment;

type ViewerState =
  | { status: 'loading' }
  // signedOut: the user just signed out, so there is no page to come back to.
  | { status: 'ready'; viewer: Viewer | null; signedOut?: boolean }
  | { status: 'error'; message: string };

interface ViewerContextValue {
  state: ViewerState;
  viewer: Viewer | null;
  /**
   * Ask the server who is signed in now (after login, logout or a password change).
   * Pass the client returned by `resetClient()` when it was just replaced.
   */
  reload: (fresh?: Client) => Promise<Viewer | null>;
  /** Forget the viewer locally, e.g. right after logout. */
  clear: () => void;
  can: (permission: PermissionCode) => boolean;
}

const ViewerContext = createContext<ViewerContextValue | null>(null);

export function ViewerProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [state, setState] = useState<ViewerState>({ status: 'loading' });

  const reload = useCallback(async (fresh?: Client) => {
    const result = await (fresh ?? client).query(ViewerQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) {
      setState({ status: 'error', message: result.error.message });
      return null;
    }
    const viewer = result.data?.viewer ?? null;
    setState({ status: 'ready', viewer });
    return viewer;
  }, [client]);

  // Only on start: later reloads are explicit (login, logout).
  const [started] = useState(() => reload);
  useEffect(() => {
    void started();
  }, [started]);

  const clear = useCallback(() => setState({ status: 'ready', viewer: null, signedOut: true }), []);

  // A session that ended on the server sends the user back to sign in, then here again.
  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((s) => (s.status === 'ready' && s.viewer ? { status: 'ready', viewer: null } : s)),
      ),
    [],
  );

  const value = useMemo<ViewerContextValue>(() => {
    const viewer = state.status === 'ready' ? state.viewer : null;
    return { state, viewer, reload, clear, can: (p: PermissionCode) => hasPermission(viewer, p) };
  }, [state, reload, clear]);

  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewerContext(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error('useViewerContext must be used inside <ViewerProvider>');
  return value;
}

/** The signed-in viewer; only for components rendered behind <RequireAuth>. */
export function useViewer(): Viewer {
  const { viewer } = useViewerContext();
  if (!viewer) throw new Error('useViewer used outside an authenticated route');
  return viewer;
}

export function useCan(): (permission: PermissionCode) => boolean {
  return useViewerContext().can;
}
