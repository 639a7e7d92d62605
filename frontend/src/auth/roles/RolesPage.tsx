import { useState } from 'react';
import { App, Card, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { RoleFieldsFragment } from '../../gql/graphql';
import { PageHeader } from '../../layout/PageHeader';
import { useMutationFeedback } from '../../graphql/errors';
import { useConnectionQuery } from '../../graphql/pagination';
import { ConnectionTable } from '../../common/ConnectionTable';
import { DeleteRoleMutation, RolesQuery } from './operations';
import { RoleEditorDrawer } from './RoleEditorDrawer';
import { CreateButton, DeleteRowAction, RowAction } from '../../common/actions';

const PAGE_SIZE = 20;

type Editor = { role: RoleFieldsFragment | null } | null;

export default function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const list = useConnectionQuery({
    query: RolesQuery,
    variables: { first: PAGE_SIZE },
    connectionOf: (data) => data.roles,
    requestPolicy: 'cache-and-network',
  });
  const [, deleteRole] = useMutation(DeleteRoleMutation);
  const [editor, setEditor] = useState<Editor>(null);

  const remove = async (role: RoleFieldsFragment) => {
    const outcome = await deleteRole({ input: { id: role.id } });
    if (!feedback(outcome, outcome.data?.deleteRole)) return;
    void message.success(t('roles.deleted'));
    list.reload();
  };

  const columns: TableColumnsType<RoleFieldsFragment> = [
    {
      title: t('roles.name'),
      dataIndex: 'name',
      render: (name: string, role) => (
        <Space>
          <Typography.Text strong>{name}</Typography.Text>
          {role.builtin ? (
            <Tag icon={<LockOutlined />} color="default">
              {t('roles.builtin')}
            </Tag>
          ) : (
            <Tag color="green">{t('roles.custom')}</Tag>
          )}
        </Space>
      ),
    },
    { title: t('roles.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: t('roles.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (text: string) => text || <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('roles.permissionCount'),
      key: 'permissionCount',
      align: 'right',
      width: 100,
      render: (_, role) => (
        <Tooltip title={role.permissions.join('\n')} styles={{ root: { whiteSpace: 'pre-line' } }}>
          <Tag color="blue">{role.permissions.length}</Tag>
        </Tooltip>
      ),
    },
    { title: t('roles.userCount'), dataIndex: 'userCount', align: 'right', width: 90 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, role) => (
        <Space size={0}>
          {role.viewerCan.update && <RowAction onClick={() => setEditor({ role })}>{t('common.edit')}</RowAction>}
          {role.viewerCan.delete && !role.builtin && <DeleteRowAction name={role.name} onConfirm={() => remove(role)} />}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        subtitle={t('roles.subtitle')}
        extra={
<CreateButton label={t('roles.create')} testId="role-create" onClick={() => setEditor({ role: null })} />
        }
      />
      <Card>
        <ConnectionTable<RoleFieldsFragment>
          {...list.table}
          columns={columns}
          data-testid="roles-table"
        />
      </Card>
      <RoleEditorDrawer
        open={editor !== null}
        role={editor?.role ?? null}
        onClose={() => setEditor(null)}
        onSaved={() => {
          setEditor(null);
          list.reload();
        }}
      />
    </>
  );
}
