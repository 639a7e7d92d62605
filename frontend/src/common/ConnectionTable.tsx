import { useMemo } from 'react';
import { Table, Typography, type TableProps } from 'antd';
import { ConnectionPager, type ConnectionEnvelope, type CursorPager } from '../graphql/pagination';

/** The page, pager and state of a list, as useConnectionQuery's `table` gives them. */
export interface ConnectionTableProps<T> {
  /** One page of a cursor connection, as the query returned it. */
  connection: (ConnectionEnvelope & { edges: readonly { node: T }[] }) | undefined;
  pager: CursorPager;
  loading?: boolean;
  /** Why the page did not load, shown above the table. */
  error?: { message: string } | string;
}

type Props<T> = ConnectionTableProps<T> & Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'>;

/** A table of one page of a cursor connection with the pager under it. */
export function ConnectionTable<T extends object>({ connection, pager, loading, error, rowKey = 'id', size = 'middle', ...table }: Props<T>) {
  const rows = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);
  return (
    <>
      {error && <Typography.Text type="danger">{typeof error === 'string' ? error : error.message}</Typography.Text>}
      <Table<T> rowKey={rowKey} size={size} dataSource={rows} loading={loading} pagination={false} {...table} />
      <ConnectionPager pager={pager} connection={connection} loading={loading} />
    </>
  );
}
