import { useEffect } from 'react';
import { Alert, App, Form, Input, Select, TreeSelect } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { UserRowFragment } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { FormDrawer } from '../common/FormDrawer';
import { useCan } from '../app/viewer';
import { CreateUserMutation, RoleOptionsQuery, UpdateUserMutation } from './operations';
import type { DepartmentOption } from '../common/departmentTree';

interface UserForm {
  username: string;
  displayName: string;
  password: string;
  email?: string;
  departmentId?: string;
  roleIds?: string[];
}

interface Props {
  open: boolean;
  /** null: create a new user. */
  user: UserRowFragment | null;
  departments: DepartmentOption[];
  onClose: () => void;
}

export function UserFormDrawer({ open, user, departments, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<UserForm>();
  const canAssignRoles = can('AUTH_MANAGE_ROLES');
  const creating = user === null;
  const [{ data: roleData, fetching: rolesLoading }] = useQuery({
    query: RoleOptionsQuery,
    pause: !open || !creating || !canAssignRoles,
  });
  const [{ fetching: creatingNow }, createUser] = useMutation(CreateUserMutation);
  const [{ fetching: updatingNow }, updateUser] = useMutation(UpdateUserMutation);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        email: user.email ?? undefined,
        departmentId: user.department?.id,
      });
    }
  }, [open, user, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const email = values.email?.trim() || null;
    if (creating) {
      const outcome = await createUser({
        input: {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          email,
          departmentId: values.departmentId ?? null,
          roleIds: values.roleIds ?? [],
        },
      });
      const ok = feedback(outcome, outcome.data?.createUser, form);
      if (!ok) return;
      void message.success(t('users.created', { name: ok.user.displayName }));
    } else {
      const outcome = await updateUser({
        input: {
          id: user.id,
          displayName: values.displayName.trim(),
          email,
          departmentId: values.departmentId ?? null,
        },
      });
      if (!feedback(outcome, outcome.data?.updateUser, form)) return;
      void message.success(t('users.updated'));
    }
    onClose();
  };

  const roleOptions =
    roleData?.roles?.edges.map(({ node }) => ({ value: node.id, label: `${node.name}（${node.code}）` })) ?? [];

  return (
    <FormDrawer
      title={creating ? t('users.createTitle') : t('users.editTitle')}
      open={open}
      onClose={onClose}
      width={480}
      creating={creating}
      submitting={creatingNow || updatingNow}
      onSubmit={submit}
      submitTestId="user-form-submit"
    >
      <Form<UserForm> form={form} layout="vertical" name="userForm" data-testid="user-form">
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}
        >
          <Input disabled={!creating} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input data-testid="user-form-displayName" />
        </Form.Item>
        {creating && (
          <Form.Item
            name="password"
            label={t('users.password')}
            rules={[{ required: true, message: t('users.passwordRequired') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
          <Input type="email" data-testid="user-form-email" />
        </Form.Item>
        <Form.Item name="departmentId" label={t('users.department')}>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            treeData={departments}
            data-testid="user-form-department"
          />
        </Form.Item>
        {creating &&
          (canAssignRoles ? (
            <Form.Item name="roleIds" label={t('users.roles')}>
              <Select
                mode="multiple"
                allowClear
                optionFilterProp="label"
                loading={rolesLoading}
                options={roleOptions}
                data-testid="user-form-roles"
              />
            </Form.Item>
          ) : (
            <Alert type="info" showIcon message={t('users.rolesHiddenHint')} />
          ))}
      </Form>
    </FormDrawer>
  );
}
