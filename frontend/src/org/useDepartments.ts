import { useMemo } from 'react';
import type { RequestPolicy } from 'urql';
import type { DepartmentFieldsFragment, DepartmentsQuery as DepartmentsResult } from '../gql/graphql';
import { useAllPages } from '../graphql/pagination';
import { buildDepartmentTree } from '../common/departmentTree';
import { DepartmentsQuery } from './operations';

export type Department = DepartmentFieldsFragment;

const departmentsOf = (data: DepartmentsResult) => data.departments;

/** Every department the viewer may see, with what the departments page shows and may do. */
export function useDepartments(requestPolicy: RequestPolicy = 'cache-first') {
  const { nodes: departments, loading, error, reload } = useAllPages(DepartmentsQuery, departmentsOf, requestPolicy);
  const tree = useMemo(() => buildDepartmentTree(departments), [departments]);
  return { departments, loading, error, tree, reload };
}
