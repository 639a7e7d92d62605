import { useEffect, useState } from 'react';
import { App, Checkbox, Empty, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { UserRowFragment } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { AssignRolesMutation, RoleOptionsQuery } from './operations';

export function AssignRolesModal({ user, onClose }: { user: UserRowFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [selected, setSelected] = useState<string[]>([]);
  const [{ data, fetching }] = useQuery({ query: RoleOptionsQuery, pause: !user });
  const [{ fetching: saving }, assignRoles] = useMutation(AssignRolesMutation);

  useEffect(() => {
    setSelected(user ? user.roles.map((r) => r.id) : []);
  }, [user]);

  const save = async () => {
    if (!user) return;
    const outcome = await assignRoles({ input: { userId: user.id, roleIds: selected } });
    if (!feedback(outcome, outcome.data?.assignRoles)) return;
    void message.success(t('users.rolesAssigned'));
    onClose();
  };

  const roles = data?.roles?.edges.map((e) => e.node) ?? [];

  return (
    <Modal
      title={user ? `${t('users.assignRoles')} · ${user.displayName}` : t('users.assignRoles')}
      open={user !== null}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={saving}
      okText={t('common.save')}
      destroyOnHidden
    >
      {fetching ? (
        <Spin />
      ) : roles.length === 0 ? (
        <Empty />
      ) : (
        <Checkbox.Group value={selected} onChange={(values) => setSelected(values)} style={{ width: '100%' }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {roles.map((role) => (
              <Checkbox key={role.id} value={role.id}>
                <Space size={6}>
                  {role.name}
                  <Typography.Text type="secondary" code>
                    {role.code}
                  </Typography.Text>
                  {role.builtin && <Tag>{t('users.builtinRole')}</Tag>}
                </Space>
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      )}
    </Modal>
  );
}
