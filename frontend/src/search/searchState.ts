import type { SearchKind, SearchSort } from '../gql/graphql';
import { isSearchKind } from './kinds';

/**
 * What the results page shows, kept in its address so a search can be shared and reloaded:
 * `/search?q=华东&kinds=CUSTOMER,SALES_ORDER&dept=<id>&dept=none&from=2026-01-01&to=2026-01-31&sort=date`.
 * `dept=none` stands for the objects of no department.
 */
export interface SearchState {
  q: string;
  kinds: SearchKind[];
  /** Department ids; null is "no department". */
  departments: (string | null)[];
  from: string | null;
  to: string | null;
  sort: SearchSort;
}

export const NO_DEPARTMENT = 'none';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | null): string | null {
  return value && DAY.test(value) ? value : null;
}

/** The state in an address; what cannot be one (an unknown kind, a malformed day) is left out. */
export function readSearchState(params: URLSearchParams): SearchState {
  const kinds = (params.get('kinds') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(isSearchKind);
  const departments = params.getAll('dept').filter(Boolean).map((d) => (d === NO_DEPARTMENT ? null : d));
  return {
    q: params.get('q') ?? '',
    kinds: [...new Set(kinds)],
    departments: [...new Set(departments)],
    from: day(params.get('from')),
    to: day(params.get('to')),
    sort: params.get('sort') === 'date' ? 'DATE' : 'RELEVANCE',
  };
}

export function searchStateParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('q', state.q);
  if (state.kinds.length > 0) params.set('kinds', state.kinds.join(','));
  for (const d of state.departments) params.append('dept', d ?? NO_DEPARTMENT);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort === 'DATE') params.set('sort', 'date');
  return params;
}

/** The results page for a query, with no filters. */
export function searchPath(q: string): string {
  return `/search?${new URLSearchParams({ q }).toString()}`;
}

export function hasFilters(state: SearchState): boolean {
  return state.kinds.length > 0 || state.departments.length > 0 || state.from !== null || state.to !== null;
}
