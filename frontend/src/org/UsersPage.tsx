import { useEffect, useMemo, useState } from 'react';
import { App, Badge, Button, Card, Dropdown, Flex, Input, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import type { MenuProps, TableColumnsType } from 'antd';
import { DownOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { UserRowFragment } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useConnectionQuery } from '../graphql/pagination';
import { ConnectionTable } from '../common/ConnectionTable';
import { useMutationFeedback } from '../graphql/errors';
import { useCan } from '../app/viewer';
import { formatDateTime } from '../i18n/time';
import { SetUserActiveMutation, UsersQuery } from './operations';
import { useDepartmentOptions } from '../common/departments';
import { UserFormDrawer } from './UserFormDrawer';
import { AssignRolesModal } from './AssignRolesModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { CreateButton } from '../common/actions';
import { FocusNotice, useFocusedNode, useFocusedRecord, useFocusedRow } from '../common/focusedRecord';

const PAGE_SIZE = 20;

type ActiveFilter = 'all' | 'active' | 'inactive';
type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserRowFragment }
  | { kind: 'roles'; user: UserRowFragment }
  | { kind: 'password'; user: UserRowFragment }
  | null;

export default function UsersPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const can = useCan();
  const feedback = useMutationFeedback();
  const departments = useDepartmentOptions();
  const [search, setSearch] = useState('');
  const [searchText, setSearchText] = useState('');
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [active, setActive] = useState<ActiveFilter>('all');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [, setUserActive] = useMutation(SetUserActiveMutation);

  const list = useConnectionQuery({
    query: UsersQuery,
    variables: {
      first: PAGE_SIZE,
      search: search.trim() || null,
      departmentId: departmentId ?? null,
      active: active === 'all' ? null : active === 'active',
    },
    connectionOf: (data) => data.users,
  });
  const rows = useMemo(() => list.connection?.edges.map((e) => e.node) ?? [], [list.connection]);

  // `?id=` (a search result): list the user by their username and highlight the row.
  const focus = useFocusedRecord();
  const focused = useFocusedNode(focus.id);
  const focusedUser = focused && 'username' in focused ? focused : focused === undefined ? undefined : null;
  const focusUsername = focusedUser?.username ?? null;
  const resetPager = list.pager.reset;
  useEffect(() => {
    if (!focusUsername) return;
    setSearchText(focusUsername);
    setSearch(focusUsername);
    resetPager();
  }, [focusUsername, resetPager]);
  const focusRow = useFocusedRow<UserRowFragment>(focus.id, rows.some((u) => u.id === focus.id));

  const toggleActive = (user: UserRowFragment) => {
    const activating = !user.active;
    modal.confirm({
      title: activating ? t('users.activate') : t('users.deactivate'),
      content: activating
        ? t('users.confirmActivate', { name: user.displayName })
        : t('users.confirmDeactivate', { name: user.displayName }),
      okButtonProps: { danger: !activating },
      onOk: async () => {
        const outcome = await setUserActive({ input: { id: user.id, active: activating } });
        if (feedback(outcome, outcome.data?.setUserActive)) {
          void message.success(activating ? t('users.activated') : t('users.deactivated'));
        }
      },
    });
  };

  const anyAction = rows.some((u) => Object.values(u.viewerCan).some((v) => v === true));
  const columns: TableColumnsType<UserRowFragment> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (value: string) => <Typography.Text code>{value}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.department'),
      key: 'department',
      render: (_, user) => user.department?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          {user.roles.map((role) => (
            <Tag key={role.id} color={role.code === 'admin' ? 'red' : 'blue'}>
              {role.name}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.email'),
      dataIndex: 'email',
      responsive: ['xl'],
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (value: boolean) =>
        value ? (
          <Badge status="success" text={t('common.active')} />
        ) : (
          <Badge status="default" text={t('common.inactive')} />
        ),
    },
    {
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      responsive: ['lg'],
      render: (value: string | null) => formatDateTime(value, t('common.never')),
    },
  ];
  // Read-only viewers get no empty actions column.
  if (anyAction) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, user) => <UserActions user={user} onOpen={setDialog} onToggleActive={toggleActive} />,
    });
  }

  const resetTo = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    list.pager.reset();
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          can('ORG_MANAGE_USERS') && <CreateButton label={t('users.create')} testId="user-create" onClick={() => setDialog({ kind: 'create' })} />
        }
      />
      <Card>
        {focus.id && (
          <FocusNotice
            name={focusedUser ? `${focusedUser.displayName}（${focusedUser.username}）` : focusedUser}
            onShowAll={() => {
              setSearchText('');
              resetTo(setSearch)('');
              focus.clear();
            }}
          />
        )}
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 280 }}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={resetTo(setSearch)}
            data-testid="user-search"
          />
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            placeholder={t('users.departmentFilter')}
            style={{ width: 220 }}
            value={departmentId}
            onChange={resetTo(setDepartmentId)}
            treeData={departments.options}
            loading={departments.loading}
          />
          <Select<ActiveFilter>
            style={{ width: 140 }}
            value={active}
            onChange={resetTo(setActive)}
            options={[
              { value: 'all', label: `${t('users.activeFilter')}: ${t('common.all')}` },
              { value: 'active', label: t('common.active') },
              { value: 'inactive', label: t('common.inactive') },
            ]}
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={list.reload}
            aria-label={t('common.reset')}
          />
        </Flex>
        <ConnectionTable<UserRowFragment>
          {...list.table}
          columns={columns}
          rowClassName={focusRow.rowClassName}
          onRow={focusRow.onRow}
          data-testid="users-table"
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <UserFormDrawer
        open={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        user={dialog?.kind === 'edit' ? dialog.user : null}
        departments={departments.options}
        onClose={() => setDialog(null)}
      />
      <AssignRolesModal user={dialog?.kind === 'roles' ? dialog.user : null} onClose={() => setDialog(null)} />
      <ResetPasswordModal user={dialog?.kind === 'password' ? dialog.user : null} onClose={() => setDialog(null)} />
    </>
  );
}

function UserActions({
  user,
  onOpen,
  onToggleActive,
}: {
  user: UserRowFragment;
  onOpen: (dialog: Dialog) => void;
  onToggleActive: (user: UserRowFragment) => void;
}) {
  const { t } = useTranslation();
  const more: NonNullable<MenuProps['items']> = [];
  if (user.viewerCan.assignRoles) more.push({ key: 'roles', label: t('users.assignRoles') });
  if (user.viewerCan.resetPassword) more.push({ key: 'password', label: t('users.resetPassword') });
  if (user.viewerCan.deactivate) {
    more.push({
      key: 'active',
      label: user.active ? t('users.deactivate') : t('users.activate'),
      danger: user.active,
    });
  }
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'roles') onOpen({ kind: 'roles', user });
    if (key === 'password') onOpen({ kind: 'password', user });
    if (key === 'active') onToggleActive(user);
  };
  if (!user.viewerCan.update && more.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4}>
      {user.viewerCan.update && (
        <Button type="link" size="small" onClick={() => onOpen({ kind: 'edit', user })}>
          {t('common.edit')}
        </Button>
      )}
      {more.length > 0 && (
        <Dropdown menu={{ items: more, onClick: onMenu }} trigger={['click']}>
          <Button type="link" size="small" data-testid={`user-more-${user.username}`}>
            {t('users.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
