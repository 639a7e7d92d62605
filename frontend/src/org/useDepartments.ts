import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, type OperationResult, type RequestPolicy } from 'urql';
import type { DepartmentFieldsFragment, DepartmentsQuery as DepartmentsResult } from '../gql/graphql';
import { DepartmentsQuery } from './operations';
import { buildDepartmentTree, departmentOptions } from './departmentTree';

export type Department = DepartmentFieldsFragment;

interface State {
  loading: boolean;
  error: string | null;
  departments: Department[];
}

const PAGE = 100;

/** Every department the viewer may see: the connection is paged, the tree needs them all. */
export function useDepartments(requestPolicy: RequestPolicy = 'cache-first') {
  const client = useClient();
  const [state, setState] = useState<State>({ loading: true, error: null, departments: [] });
  const generation = useRef(0);

  const load = useCallback(
    async (policy: RequestPolicy = requestPolicy) => {
      const mine = ++generation.current;
      setState((s) => ({ ...s, loading: true }));
      const all: Department[] = [];
      let after: string | null = null;
      for (;;) {
        const result: OperationResult<DepartmentsResult> = await client.query(DepartmentsQuery, { first: PAGE, after }, { requestPolicy: policy }).toPromise();
        if (mine !== generation.current) return;
        if (result.error || !result.data) {
          setState({ loading: false, error: result.error?.message ?? 'no data', departments: all });
          return;
        }
        const connection = result.data.departments;
        all.push(...connection.edges.map((e) => e.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      setState({ loading: false, error: null, departments: all });
    },
    [client, requestPolicy],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const tree = useMemo(() => buildDepartmentTree(state.departments), [state.departments]);
  const options = useMemo(() => departmentOptions(tree), [tree]);
  const reload = useCallback(() => load('network-only'), [load]);

  return { ...state, tree, options, reload };
}
