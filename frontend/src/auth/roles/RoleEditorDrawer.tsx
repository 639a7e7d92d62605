import { useEffect, useMemo } from 'react';
import { Alert, App, Card, Checkbox, Col, Form, Input, Row, Space, Spin, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Domain, PermissionCode, PermissionsQuery as PermissionsResult, RoleFieldsFragment } from '../../gql/graphql';
import { useMutationFeedback } from '../../graphql/errors';
import { FormDrawer } from '../../common/FormDrawer';
import { CreateRoleMutation, PermissionsQuery, UpdateRoleMutation } from './operations';

type Permission = PermissionsResult['permissions'][number];

/** The catalogue's permissions of one domain, under the name the server gives it. */
interface DomainGroup {
  domain: Domain;
  label: string;
  permissions: Permission[];
}

interface RoleForm {
  code: string;
  name: string;
  description?: string;
  permissions: PermissionCode[];
}

interface Props {
  open: boolean;
  role: RoleFieldsFragment | null;
  onClose: () => void;
  onSaved: () => void;
}

export function RoleEditorDrawer({ open, role, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<RoleForm>();
  const [{ data, fetching }] = useQuery({ query: PermissionsQuery, pause: !open });
  const [{ fetching: creating }, createRole] = useMutation(CreateRoleMutation);
  const [{ fetching: updating }, updateRole] = useMutation(UpdateRoleMutation);

  const groups = useMemo(() => {
    const byDomain = new Map<Domain, DomainGroup>();
    for (const p of data?.permissions ?? []) {
      const group = byDomain.get(p.domain) ?? { domain: p.domain, label: p.domainLabel, permissions: [] };
      group.permissions.push(p);
      byDomain.set(p.domain, group);
    }
    return [...byDomain.values()];
  }, [data]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      role
        ? { code: role.code, name: role.name, description: role.description, permissions: [...role.permissions] }
        : { permissions: [] },
    );
  }, [open, role, form]);

  const selected = Form.useWatch('permissions', form) ?? [];

  const submit = async () => {
    const values = await form.validateFields();
    const description = values.description?.trim() ?? '';
    if (role) {
      const outcome = await updateRole({
        input: { id: role.id, name: values.name.trim(), description, permissions: values.permissions },
      });
      if (!feedback(outcome, outcome.data?.updateRole, form)) return;
      void message.success(t('roles.updated'));
    } else {
      const outcome = await createRole({
        input: { code: values.code.trim(), name: values.name.trim(), description, permissions: values.permissions },
      });
      if (!feedback(outcome, outcome.data?.createRole, form)) return;
      void message.success(t('roles.created'));
    }
    onSaved();
  };

  return (
    <FormDrawer
      title={role ? `${t('roles.editTitle')} · ${role.name}` : t('roles.createTitle')}
      open={open}
      onClose={onClose}
      width={640}
      creating={role === null}
      submitting={creating || updating}
      onSubmit={submit}
      submitTestId="role-form-submit"
    >
      {role?.builtin && <Alert type="info" showIcon message={t('roles.builtinHint')} style={{ marginBottom: 16 }} />}
      <Form<RoleForm> form={form} layout="vertical" name="roleForm">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('roles.code')}
              rules={[
                { required: true, whitespace: true, message: t('roles.codeRequired') },
                { pattern: /^[a-z][a-z0-9_]*$/, message: t('roles.codePattern') },
              ]}
            >
              <Input disabled={role !== null} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('roles.name')}
              rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={t('roles.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="permissions" label={`${t('roles.permissions')}（${selected.length}）`}>
          {fetching ? <Spin /> : <PermissionPicker groups={groups} />}
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

interface PickerProps {
  groups: DomainGroup[];
  value?: PermissionCode[];
  onChange?: (value: PermissionCode[]) => void;
}

/** Permissions as checkboxes, one card per domain with a "select all" of its own. */
function PermissionPicker({ groups, value = [], onChange }: PickerProps) {
  const { t } = useTranslation();
  const chosen = new Set(value);
  const replaceDomain = (codes: PermissionCode[], picked: PermissionCode[]) => {
    const next = value.filter((code) => !codes.includes(code));
    onChange?.([...next, ...picked]);
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {groups.map(({ domain, label, permissions }) => {
        const codes = permissions.map((p) => p.code);
        const picked = codes.filter((c) => chosen.has(c));
        return (
          <Card
            key={domain}
            size="small"
            data-testid={`permission-domain-${domain.toLowerCase()}`}
            title={
              <Space>
                {label}
                <Typography.Text type="secondary" code>
                  {domain.toLowerCase()}
                </Typography.Text>
              </Space>
            }
            extra={
              <Checkbox
                checked={picked.length === codes.length && codes.length > 0}
                indeterminate={picked.length > 0 && picked.length < codes.length}
                onChange={(e) => replaceDomain(codes, e.target.checked ? codes : [])}
              >
                {t('roles.selectAll')}
              </Checkbox>
            }
          >
            <Checkbox.Group<PermissionCode>
              value={picked}
              onChange={(next) => replaceDomain(codes, next)}
              style={{ width: '100%' }}
            >
              <Row gutter={[8, 8]} style={{ width: '100%' }}>
                {permissions.map((p) => (
                  <Col span={12} key={p.code}>
                    <Tooltip title={p.description || undefined} placement="topLeft">
                      <Checkbox value={p.code}>
                        {p.name}
                        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                          {p.code}
                        </Typography.Text>
                      </Checkbox>
                    </Tooltip>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </Card>
        );
      })}
    </Space>
  );
}
