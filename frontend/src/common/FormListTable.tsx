import type { ReactNode } from 'react';
import { Table } from 'antd';
import type { FormListFieldData, TableColumnsType } from 'antd';

interface Props {
  /** The rows of a <Form.List>. */
  fields: FormListFieldData[];
  /** The columns after the row number; each renders its row's Form.Items by `field.name`. */
  columns: TableColumnsType<FormListFieldData>;
  /** What the # column shows; the row's position (1, 2, …) by default. */
  rowNumber?: (field: FormListFieldData) => ReactNode;
  testId?: string;
}

/** The editable lines of a form (document lines, voucher lines, quantities) as a compact bordered table. */
export function FormListTable({ fields, columns, rowNumber, testId }: Props) {
  return (
    <Table<FormListFieldData>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={fields}
      data-testid={testId}
      columns={[{ title: '#', width: 40, render: (_, field, i) => (rowNumber ? rowNumber(field) : i + 1) }, ...columns]}
    />
  );
}
