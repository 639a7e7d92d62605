import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Client, Provider, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import i18n from '../i18n';
import { useLanguage } from '../i18n/LanguageProvider';

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when the server says the session is gone (expired, or the user was deactivated). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function isUnauthenticated(error: CombinedError): boolean {
  return (
    error.response?.status === 401 ||
    error.graphQLErrors.some((e) => (e.extensions as { code?: unknown } | undefined)?.code === 'UNAUTHENTICATED')
  );
}

export const GRAPHQL_ENDPOINT = '/graphql';

/** The same endpoint over WebSocket (graphql-transport-ws), for subscriptions. */
function websocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${GRAPHQL_ENDPOINT}`;
}

/**
 * The session lives in an httpOnly cookie set by the server at login, so the
 * client only has to send same-origin credentials; no token is ever stored here.
 */
export function createGraphqlClient(): Client {
  // Subscriptions (the notification bell) share one socket, opened while one is active. The browser
  // sends the session cookie with the handshake; the server settles who the viewer is at connection_init.
  const sockets = createWsClient({ url: websocketUrl(), lazy: true, retryAttempts: 20 });
  return new Client({
    url: GRAPHQL_ENDPOINT,
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) for (const listener of unauthenticatedListeners) listener();
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = sockets.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
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

  // The server localizes its messages and catalogue names per request: after a
  // language switch, start from an empty cache so everything is fetched again.
  const { language } = useLanguage();
  const shownLanguage = useRef(language);
  useEffect(() => {
    if (shownLanguage.current === language) return;
    shownLanguage.current = language;
    resetClient();
  }, [language, resetClient]);
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
