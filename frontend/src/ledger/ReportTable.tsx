import { Table, type TableProps } from 'antd';

/** A table of the books as accountants read them: compact, ruled, the whole report on one page. */
export function ReportTable<T extends object>(props: Omit<TableProps<T>, 'size' | 'bordered' | 'pagination'>) {
  return <Table<T> size="small" bordered pagination={false} {...props} />;
}
