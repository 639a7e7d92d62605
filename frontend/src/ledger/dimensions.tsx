import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dimension } from '../gql/graphql';
import { useCan } from '../app/viewer';
import { MasterDataQuery, OPTIONS_PAGE, masterDataConnection, masterDataVariables } from '../common/masterData';

export const DIMENSIONS: readonly Dimension[] = ['CUSTOMER', 'SUPPLIER', 'DEPARTMENT', 'PROJECT', 'PRODUCT'];

function pkOf(globalId: string): string {
  try {
    return window.atob(globalId).split(':')[1] ?? globalId;
  } catch {
    return globalId;
  }
}

/** Names of customers, suppliers and products by database id, for 辅助核算 columns. */
export function useDimensionNames() {
  const can = useCan();
  const pause = !can('OPERATIONS_READ');
  // The same pages the customer, supplier and product selects load, so they share the cache.
  const page = { first: OPTIONS_PAGE };
  const [{ data: c }] = useQuery({ query: MasterDataQuery, variables: masterDataVariables('customers', page), pause });
  const [{ data: s }] = useQuery({ query: MasterDataQuery, variables: masterDataVariables('suppliers', page), pause });
  const [{ data: p }] = useQuery({ query: MasterDataQuery, variables: masterDataVariables('products', page), pause });
  return useMemo(() => {
    const map = (edges: { node: { id: string; name: string } }[] | undefined) =>
      new Map((edges ?? []).map(({ node }) => [pkOf(node.id), node.name]));
    return {
      CUSTOMER: map(masterDataConnection(c, 'customers')?.edges),
      SUPPLIER: map(masterDataConnection(s, 'suppliers')?.edges),
      PRODUCT: map(masterDataConnection(p, 'products')?.edges),
    };
  }, [c, s, p]);
}

export interface LineDimensions {
  customerId?: number | null;
  supplierId?: number | null;
  productId?: number | null;
  project?: string | null;
  department?: { name: string } | null;
}

/** "客户：华东贸易 · 部门：销售部" for a voucher line. */
export function DimensionText({ line, names }: { line: LineDimensions; names: ReturnType<typeof useDimensionNames> }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  const named = (dim: 'CUSTOMER' | 'SUPPLIER' | 'PRODUCT', id: number | null | undefined) => {
    if (id === null || id === undefined) return;
    parts.push(`${t(`dimension.${dim}`)}：${names[dim].get(String(id)) ?? `#${id}`}`);
  };
  named('CUSTOMER', line.customerId);
  named('SUPPLIER', line.supplierId);
  named('PRODUCT', line.productId);
  if (line.department) parts.push(`${t('dimension.DEPARTMENT')}：${line.department.name}`);
  if (line.project) parts.push(`${t('dimension.PROJECT')}：${line.project}`);
  return <span data-testid="line-dimensions">{parts.join(' · ') || '—'}</span>;
}

export function dimensionValueName(dimension: Dimension | null, value: string | null, names: ReturnType<typeof useDimensionNames>): string {
  if (!dimension || value === null) return '';
  if (dimension === 'CUSTOMER' || dimension === 'SUPPLIER' || dimension === 'PRODUCT') return names[dimension].get(value) ?? `#${value}`;
  return value;
}
