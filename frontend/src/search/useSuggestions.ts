import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import type { SearchHitFieldsFragment } from '../gql/graphql';
import { SearchSuggestQuery } from './operations';
import { searchFailure, type SearchFailure } from './failure';

/** How long typing has to pause before the type-ahead asks the server. */
export const SUGGEST_DEBOUNCE_MS = 150;
const SUGGEST_FIRST = 8;

export interface Suggestions {
  /** The prefix the hits answer (the last answered one while a newer one is on its way). */
  prefix: string;
  hits: readonly SearchHitFieldsFragment[];
  /** A request for the current prefix is pending. */
  loading: boolean;
  failure: SearchFailure | null;
}

const NONE: Suggestions = { prefix: '', hits: [], loading: false, failure: null };

/**
 * The type-ahead for `prefix`: asked once typing pauses, and only the answer to the latest
 * prefix is ever shown (an earlier request that answers late is dropped).
 */
export function useSuggestions(prefix: string): Suggestions {
  const client = useClient();
  const [state, setState] = useState<Suggestions>(NONE);
  const latest = useRef(0);

  useEffect(() => {
    const mine = ++latest.current;
    if (!prefix) {
      setState(NONE);
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    const timer = window.setTimeout(() => {
      void client
        .query(SearchSuggestQuery, { prefix, first: SUGGEST_FIRST }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (mine !== latest.current) return;
          if (result.error || !result.data?.searchSuggest) {
            setState({ prefix, hits: [], loading: false, failure: result.error ? searchFailure(result.error) : null });
            return;
          }
          setState({ prefix, hits: result.data.searchSuggest, loading: false, failure: null });
        });
    }, SUGGEST_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [client, prefix]);

  return state;
}
