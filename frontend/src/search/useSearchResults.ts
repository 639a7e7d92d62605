import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { SearchQuery as SearchResult, SearchHitFieldsFragment } from '../gql/graphql';
import { SearchQuery } from './operations';
import { searchFailure, type SearchFailure } from './failure';
import type { SearchState } from './searchState';

export const PAGE_SIZE = 20;

type Connection = NonNullable<SearchResult['search']>;
export type Facets = Connection['facets'];

export interface SearchResults {
  hits: SearchHitFieldsFragment[];
  totalCount: number | null;
  facets: Facets | null;
  hasMore: boolean;
  /** The first page (a new search) or the next one is on its way. */
  loading: boolean;
  loadingMore: boolean;
  failure: SearchFailure | null;
}

const EMPTY: SearchResults = { hits: [], totalCount: null, facets: null, hasMore: false, loading: false, loadingMore: false, failure: null };

/**
 * The results of `state`, page after page ("load more" appends the next). A new state (or a
 * new `run` of the same one) starts again from the first page; answers to an earlier state
 * that arrive late are dropped.
 */
export function useSearchResults(state: SearchState, run: number) {
  const client = useClient();
  const [results, setResults] = useState<SearchResults>(EMPTY);
  const latest = useRef(0);
  const cursor = useRef<string | null>(null);
  const { q, kinds, departments, from, to, sort } = state;
  // The state is parsed from the address on every render: a new object each time. Its content
  // (and the run) is what makes a new search.
  const key = JSON.stringify([q, kinds, departments, from, to, sort, run]);
  const variables = useMemo(
    () => ({ query: q, kinds: kinds.length > 0 ? kinds : null, departments: departments.length > 0 ? departments : null, from, to, sort }),
    [key],
  );

  const fetchPage = useCallback(
    async (after: string | null, generation: number) => {
      const result = await client.query(SearchQuery, { ...variables, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      if (generation !== latest.current) return;
      const connection = result.data?.search;
      if (result.error || !connection) {
        setResults((r) => ({
          ...(after ? r : EMPTY),
          loading: false,
          loadingMore: false,
          failure: result.error ? searchFailure(result.error) : { code: null, field: null, message: '', network: false },
        }));
        return;
      }
      cursor.current = connection.pageInfo.endCursor ?? null;
      setResults((r) => ({
        hits: [...(after ? r.hits : []), ...connection.edges.map((e) => e.node)],
        totalCount: connection.totalCount,
        facets: connection.facets,
        hasMore: connection.pageInfo.hasNextPage,
        loading: false,
        loadingMore: false,
        failure: null,
      }));
    },
    [client, variables],
  );

  useEffect(() => {
    const generation = ++latest.current;
    cursor.current = null;
    if (!q.trim()) {
      setResults(EMPTY);
      return;
    }
    setResults((r) => ({ ...r, loading: true, loadingMore: false, failure: null }));
    void fetchPage(null, generation);
  }, [fetchPage, q]);

  const loadMore = useCallback(() => {
    if (!cursor.current) return;
    setResults((r) => ({ ...r, loadingMore: true }));
    void fetchPage(cursor.current, latest.current);
  }, [fetchPage]);

  return { ...results, loadMore };
}
