import { useTranslation } from 'react-i18next';
import type { Dimension } from '../gql/graphql';

export const DIMENSIONS: readonly Dimension[] = ['CUSTOMER', 'SUPPLIER', 'DEPARTMENT', 'PROJECT', 'PRODUCT'];

interface Named {
  code?: string;
  name: string;
}

/** The dimension values of a voucher line or a trial-balance row, as the server hands them: objects and a project code. */
export interface LineDimensions {
  customer?: Named | null;
  supplier?: Named | null;
  product?: Named | null;
  department?: Named | null;
  project?: string | null;
}

/** "客户：华东贸易 · 部门：销售部" for a voucher line. */
export function DimensionText({ line }: { line: LineDimensions }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  const named = (dim: Dimension, value: Named | null | undefined) => {
    if (value) parts.push(`${t(`dimension.${dim}`)}：${value.name}`);
  };
  named('CUSTOMER', line.customer);
  named('SUPPLIER', line.supplier);
  named('PRODUCT', line.product);
  named('DEPARTMENT', line.department);
  if (line.project) parts.push(`${t('dimension.PROJECT')}：${line.project}`);
  return <span data-testid="line-dimensions">{parts.join(' · ') || '—'}</span>;
}

/** The name of a trial-balance row's dimension value: the object's code and name, or the project code. */
export function dimensionValueName(row: LineDimensions): string {
  const value = row.customer ?? row.supplier ?? row.product ?? row.department;
  if (value) return value.code ? `${value.code} ${value.name}` : value.name;
  return row.project ?? '';
}
