import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange } from 'urql';
import i18n from '../i18n';

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * The session lives in an httpOnly cookie set by the server at login, so the
 * client only has to send same-origin credentials; no token is ever stored here.
 */
export function createGraphqlClient(): Client {
  return new Client({
    url: GRAPHQL_ENDPOINT,
    exchanges: [cacheExchange, fetchExchange],
    // Always POST: queries must not end up in proxy logs or browser history.
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: {
        accept: 'application/graphql-response+json, application/json',
        'accept-language': i18n.language || 'zh-CN',
      },
    }),
  });
}

interface ClientResetContextValue {
  /** Drop every cached result, e.g. when the signed-in user changes. */
  resetClient: () => Client;
}

const ClientResetContext = createContext<ClientResetContextValue | null>(null);

export function GraphqlProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState(createGraphqlClient);
  const resetClient = useCallback(() => {
    const fresh = createGraphqlClient();
    setClient(fresh);
    return fresh;
  }, []);
  const value = useMemo(() => ({ resetClient }), [resetClient]);
  return (
    <ClientResetContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </ClientResetContext.Provider>
  );
}

export function useResetClient(): () => Client {
  const value = useContext(ClientResetContext);
  if (!value) throw new Error('useResetClient must be used inside <GraphqlProvider>');
  return value.resetClient;
}
