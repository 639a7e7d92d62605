import { useState, type ReactNode } from 'react';
import { Card } from 'antd';
import type { TableColumnsType } from 'antd';
import type { TypedDocumentNode } from 'urql';
import { useTranslation } from 'react-i18next';
import type { DocumentState } from '../gql/graphql';
import { useConnectionQuery, type ConnectionEnvelope } from '../graphql/pagination';
import { ConnectionTable, type ConnectionTableProps } from '../common/ConnectionTable';
import { DocumentLink, DocumentStateTag } from '../common/documents';
import { DocumentListFilters, type DocumentListFilter } from '../common/ListFilters';
import { Money } from '../common/Money';
import { sumFen, fenToDecimal } from '../common/decimal';

export interface DocumentRow {
  id: string;
  number: string;
  date: string;
  state: DocumentState;
  department: { name: string };
  createdBy: { displayName: string } | null;
}

export interface Connection<T> extends ConnectionEnvelope {
  edges: { node: T }[];
}

const PAGE_SIZE = 20;

type ListVariables = { first: number; after?: string | null; search?: string | null; state?: DocumentState | null };

/** A query taking a document list's filters and cursor. */
export type DocumentListQuery<D> = TypedDocumentNode<D, ListVariables>;

/**
 * A document list's query under its filters: `list` goes to <DocumentList {...list}>,
 * `reload` refetches after an action changed a document.
 */
export function useDocumentList<D, T extends DocumentRow>(
  query: DocumentListQuery<D>,
  connectionOf: (data: D) => Connection<T> | null | undefined,
) {
  const [filter, setFilter] = useState<DocumentListFilter>({ search: '', state: null });
  const page = useConnectionQuery({
    query,
    variables: { first: PAGE_SIZE, search: filter.search.trim() || null, state: filter.state },
    connectionOf,
    requestPolicy: 'cache-and-network',
  });
  const apply = (next: DocumentListFilter) => {
    setFilter(next);
    page.pager.reset();
  };
  return {
    list: { table: page.table, onApply: apply },
    rows: page.connection?.edges.map((e) => e.node) ?? [],
    reload: page.reload,
  };
}

interface Props<T extends DocumentRow> {
  /** From useDocumentList: the page and its pager, and what a new filter does. */
  table: ConnectionTableProps<T>;
  onApply: (next: DocumentListFilter) => void;
  states: readonly DocumentState[];
  /** Columns between the number/date and the state. */
  columns: TableColumnsType<T>;
  testId: string;
  extra?: ReactNode;
  actions?: TableColumnsType<T>[number];
}

/** The number, date, state, department columns and the filters and pager every document list shares. */
export function DocumentList<T extends DocumentRow>({
  table,
  onApply,
  states,
  columns,
  testId,
  extra,
  actions,
}: Props<T>) {
  const { t } = useTranslation();
  const all: TableColumnsType<T> = [
    {
      title: t('documents.number'),
      dataIndex: 'number',
      width: 170,
      render: (_, row) => <DocumentLink id={row.id} number={row.number} />,
    },
    { title: t('documents.date'), dataIndex: 'date', width: 110 },
    ...columns,
    { title: t('documents.department'), key: 'department', render: (_, row) => row.department.name },
    { title: t('documents.createdBy'), key: 'createdBy', render: (_, row) => row.createdBy?.displayName ?? '—' },
    { title: t('common.status'), key: 'state', width: 90, render: (_, row) => <DocumentStateTag state={row.state} /> },
    ...(actions ? [actions] : []),
  ];
  return (
    <Card>
      <DocumentListFilters states={states} onApply={onApply} extra={extra} />
      <ConnectionTable<T> {...table} columns={all} data-testid={testId} scroll={{ x: 'max-content' }} />
    </Card>
  );
}

/** The gross total of a document's lines. */
export function LinesGross({ lines }: { lines: readonly { gross: string }[] }) {
  return <Money value={fenToDecimal(sumFen(lines.map((l) => l.gross)))} />;
}
