import { useMemo } from 'react';
import { graphql } from '../gql';
import type { DepartmentOptionsQuery as DepartmentOptionsResult } from '../gql/graphql';
import { useAllPages } from '../graphql/pagination';
import { buildDepartmentTree, departmentOptions } from './departmentTree';

/** What a department picker needs: the whole tree, names only. */
export const DepartmentOptionsQuery = graphql(`
  query DepartmentOptions($first: Int!, $after: String) {
    departments(first: $first, after: $after) {
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          id
          name
          sortOrder
          parent {
            id
          }
        }
      }
    }
  }
`);

const departmentsOf = (data: DepartmentOptionsResult) => data.departments;

/** TreeSelect data of every department the viewer may see (documents, voucher lines, user filters). */
export function useDepartmentOptions() {
  const { nodes, loading } = useAllPages(DepartmentOptionsQuery, departmentsOf);
  const options = useMemo(() => departmentOptions(buildDepartmentTree(nodes)), [nodes]);
  return { options, loading };
}
