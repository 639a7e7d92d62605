import { useMemo } from 'react';
import { Table, type TableProps } from 'antd';
import { ConnectionPager, type ConnectionEnvelope, type CursorPager } from '../graphql/pagination';

interface Props<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading'> {
  /** One page of a cursor connection, as the query returned it. */
  connection: (ConnectionEnvelope & { edges: readonly { node: T }[] }) | undefined;
  pager: CursorPager;
  loading?: boolean;
}

/** A table of one page of a cursor connection with the pager under it. */
export function ConnectionTable<T extends object>({ connection, pager, loading, rowKey = 'id', size = 'middle', ...table }: Props<T>) {
  const rows = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);
  return (
    <>
      <Table<T> rowKey={rowKey} size={size} dataSource={rows} loading={loading} pagination={false} {...table} />
      <ConnectionPager pager={pager} connection={connection} loading={loading} />
    </>
  );
}
