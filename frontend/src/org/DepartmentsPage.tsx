import { useEffect, useMemo, useState, type Key } from 'react';
import { App, Badge, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { NodeCollapseOutlined, NodeExpandOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { DepartmentKind } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useMutationFeedback } from '../graphql/errors';
import { useCan } from '../app/viewer';
import { DeleteDepartmentMutation } from './operations';
import { useDepartments, type Department } from './useDepartments';
import { allIds, type DepartmentTreeNode } from '../common/departmentTree';
import { DepartmentFormModal, type DepartmentDialog } from './DepartmentFormModal';
import { CreateButton, DeleteRowAction, RowAction } from '../common/actions';
import { FocusNotice, useFocusedRecord, useFocusedRow } from '../common/focusedRecord';

export const KIND_COLORS: Record<DepartmentKind, string> = {
  EXECUTIVE: 'purple',
  FINANCE: 'gold',
  BUSINESS: 'blue',
  SUPPORT: 'cyan',
};

type Row = DepartmentTreeNode<Department>;

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const feedback = useMutationFeedback();
  const { tree, departments, loading, error, reload } = useDepartments('network-only');
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const [dialog, setDialog] = useState<DepartmentDialog | null>(null);
  const [, deleteDepartment] = useMutation(DeleteDepartmentMutation);
  const canManage = can('ORG_MANAGE_DEPARTMENTS');

  const ids = useMemo(() => allIds(tree), [tree]);
  // Open the whole tree the first time it arrives; later the user decides.
  const [autoExpanded, setAutoExpanded] = useState(false);
  useEffect(() => {
    if (!autoExpanded && ids.length > 0) {
      setExpanded(ids);
      setAutoExpanded(true);
    }
  }, [ids, autoExpanded]);

  // `?id=` (a search result): the department highlighted, the branches above it open.
  const focus = useFocusedRecord();
  const focused = departments.find((d) => d.id === focus.id);
  useEffect(() => {
    if (!focused) return;
    const above: string[] = [];
    const byId = new Map(departments.map((d) => [d.id, d]));
    for (let p = focused.parent ? byId.get(focused.parent.id) : undefined; p && !above.includes(p.id); p = p.parent ? byId.get(p.parent.id) : undefined) {
      above.push(p.id);
    }
    setExpanded((keys) => [...new Set([...keys, ...above])]);
  }, [focused, departments]);
  const focusRow = useFocusedRow<Row>(focus.id, focused !== undefined && autoExpanded);

  const remove = async (department: Department) => {
    const outcome = await deleteDepartment({ input: { id: department.id } });
    if (!feedback(outcome, outcome.data?.deleteDepartment)) return;
    void message.success(t('departments.deleted'));
    void reload();
  };

  const anyAction = canManage || departments.some((d) => d.viewerCan.update || d.viewerCan.delete);
  const columns: TableColumnsType<Row> = [
    {
      title: t('departments.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Space>
          <Typography.Text strong={!row.parent}>{name}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('departments.code'),
      dataIndex: 'code',
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('departments.kind'),
      dataIndex: 'kind',
      render: (kind: DepartmentKind) => <Tag color={KIND_COLORS[kind]}>{t(`departments.kinds.${kind}`)}</Tag>,
    },
    { title: t('departments.members'), dataIndex: 'memberCount', align: 'right', width: 100 },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (value: boolean) => <Badge status={value ? 'success' : 'default'} text={value ? t('common.active') : t('common.inactive')} />,
    },
  ];
  if (anyAction) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, row) => (
        <Space size={0}>
          {canManage && <RowAction onClick={() => setDialog({ kind: 'create', parentId: row.id })}>{t('departments.createChild')}</RowAction>}
          {row.viewerCan.update && <RowAction onClick={() => setDialog({ kind: 'edit', department: row })}>{t('common.edit')}</RowAction>}
          {row.viewerCan.delete && <DeleteRowAction name={row.name} onConfirm={() => remove(row)} />}
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        subtitle={t('departments.subtitle')}
        extra={
          <Space>
            <Button icon={<NodeExpandOutlined />} onClick={() => setExpanded(ids)}>
              {t('departments.expandAll')}
            </Button>
            <Button icon={<NodeCollapseOutlined />} onClick={() => setExpanded([])}>
              {t('departments.collapseAll')}
            </Button>
            {canManage && <CreateButton label={t('departments.create')} testId="department-create" onClick={() => setDialog({ kind: 'create' })} />}
          </Space>
        }
      />
      <Card>
        {focus.id && (
          <FocusNotice name={focused ? focused.name : loading ? undefined : null} onShowAll={focus.clear} />
        )}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          loading={loading}
          pagination={false}
          expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys) }}
          rowClassName={focusRow.rowClassName}
          onRow={focusRow.onRow}
          locale={{ emptyText: <Empty description={t('departments.empty')} /> }}
          data-testid="departments-table"
        />
      </Card>
      <DepartmentFormModal
        dialog={dialog}
        departments={departments}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          void reload();
        }}
      />
    </>
  );
}
