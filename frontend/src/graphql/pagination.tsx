import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useClient, useQuery, type AnyVariables, type OperationResult, type RequestPolicy, type TypedDocumentNode } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { PageInfoFieldsFragment } from '../gql/graphql';

/** The cursors of a connection page (inside `PagedFields`, or alone where a list only pages through). */
export const PageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);

/** Every list's envelope (the schema's `Paged` interface): spread `...PagedFields` in each list query. */
export const PagedFields = graphql(`
  fragment PagedFields on Paged {
    totalCount
    pageInfo {
      ...PageInfoFields
    }
  }
`);

/** What the pager reads from any connection: `...PagedFields`. */
export interface ConnectionEnvelope {
  totalCount: number;
  pageInfo: PageInfoFieldsFragment;
}

interface PagerState {
  /** `after` cursors of the pages before the current one, oldest first. */
  history: (string | null)[];
  after: string | null;
}

const START: PagerState = { history: [], after: null };

/**
 * Next/previous paging over a cursor connection (which only pages forward): pass `after` to
 * the query, call `reset()` when a filter changes, and render <ConnectionPager> under the list.
 */
export function useCursorPager() {
  const [state, setState] = useState<PagerState>(START);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (!endCursor) return;
    setState((s) => ({ history: [...s.history, s.after], after: endCursor }));
  }, []);
  const prev = useCallback(() => {
    setState((s) =>
      s.history.length === 0 ? s : { history: s.history.slice(0, -1), after: s.history[s.history.length - 1] ?? null },
    );
  }, []);
  const reset = useCallback(() => setState(START), []);
  return { after: state.after, page: state.history.length + 1, hasPrev: state.history.length > 0, next, prev, reset };
}

export type CursorPager = ReturnType<typeof useCursorPager>;

interface ConnectionPagerProps {
  pager: CursorPager;
  /** The connection as the query returned it; undefined while the first page loads. */
  connection: ConnectionEnvelope | undefined;
  loading?: boolean;
}

/** "共 N 条" and previous/next page under a cursor list. */
export function ConnectionPager({ pager, connection, loading }: ConnectionPagerProps) {
  const { t } = useTranslation();
  const hasNext = connection?.pageInfo.hasNextPage ?? false;
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="pager-total">
        {connection === undefined ? '' : t('common.total', { count: connection.totalCount })}
      </Typography.Text>
      <Space>
        <Button icon={<LeftOutlined />} disabled={!pager.hasPrev || loading} onClick={pager.prev} data-testid="pager-prev">
          {t('common.prevPage')}
        </Button>
        <Typography.Text>{pager.page}</Typography.Text>
        <Button
          disabled={!hasNext || loading}
          onClick={() => pager.next(connection?.pageInfo.endCursor)}
          data-testid="pager-next"
        >
          {t('common.nextPage')}
          <RightOutlined />
        </Button>
      </Space>
    </Flex>
  );
}

interface ConnectionQueryArgs<D, V extends AnyVariables, C> {
  query: TypedDocumentNode<D, V>;
  /** The query's variables but the cursor: `after` is the pager's. */
  variables: Omit<V, 'after'>;
  /** The connection in a result, e.g. `(data) => data.users`. */
  connectionOf: (data: D) => C | null | undefined;
  pause?: boolean;
  requestPolicy?: RequestPolicy;
}

/**
 * One page of a cursor list: the query with the pager's cursor, the connection it returned,
 * and `table`, the props of <ConnectionTable>. Call `pager.reset()` when a filter changes.
 */
export function useConnectionQuery<D, V extends AnyVariables, C extends ConnectionEnvelope>({
  query,
  variables,
  connectionOf,
  pause,
  requestPolicy,
}: ConnectionQueryArgs<D, V, C>) {
  const pager = useCursorPager();
  const [result, refetch] = useQuery<D, V>({ query, variables: { ...variables, after: pager.after } as unknown as V, pause, requestPolicy });
  const connection = (result.data && connectionOf(result.data)) || undefined;
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return { pager, result, connection, reload, table: { connection, pager, loading: result.fetching, error: result.error } };
}

interface AllPages<N> {
  loading: boolean;
  error: string | null;
  nodes: N[];
}

/**
 * Every node of a connection, page after page, for views that need them all (a tree).
 * `connectionOf` picks the connection out of a result; keep it stable (a module function).
 */
export function useAllPages<D, V extends AnyVariables, N>(
  query: TypedDocumentNode<D, V>,
  connectionOf: (data: D) => { pageInfo: PageInfoFieldsFragment; edges: readonly { node: N }[] } | null | undefined,
  requestPolicy: RequestPolicy = 'cache-first',
  first = 100,
) {
  const client = useClient();
  const [state, setState] = useState<AllPages<N>>({ loading: true, error: null, nodes: [] });
  const generation = useRef(0);

  const load = useCallback(
    async (policy: RequestPolicy = requestPolicy) => {
      const mine = ++generation.current;
      setState((s) => ({ ...s, loading: true }));
      const all: N[] = [];
      let after: string | null = null;
      for (;;) {
        const result: OperationResult<D> = await client.query(query, { first, after } as unknown as V, { requestPolicy: policy }).toPromise();
        if (mine !== generation.current) return;
        if (result.error || !result.data) {
          setState({ loading: false, error: result.error?.message ?? 'no data', nodes: all });
          return;
        }
        // A refused list answers null (with an error, handled above).
        const connection = connectionOf(result.data);
        if (!connection) {
          setState({ loading: false, error: 'no data', nodes: all });
          return;
        }
        all.push(...connection.edges.map((e) => e.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      setState({ loading: false, error: null, nodes: all });
    },
    [client, query, connectionOf, requestPolicy, first],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const reload = useCallback(() => load('network-only'), [load]);
  return { ...state, reload };
}
