import { useEffect, useMemo } from 'react';
import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { DepartmentKind } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { CreateDepartmentMutation, UpdateDepartmentMutation } from './operations';
import type { Department } from './useDepartments';
import { buildDepartmentTree, departmentOptions } from '../common/departmentTree';

export type DepartmentDialog = { kind: 'create'; parentId?: string } | { kind: 'edit'; department: Department };

interface DepartmentForm {
  code: string;
  name: string;
  kind: DepartmentKind;
  parentId?: string;
}

const KINDS: readonly DepartmentKind[] = ['EXECUTIVE', 'FINANCE', 'BUSINESS', 'SUPPORT'];

interface Props {
  dialog: DepartmentDialog | null;
  departments: readonly Department[];
  onClose: () => void;
  onSaved: () => void;
}

export function DepartmentFormModal({ dialog, departments, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<DepartmentForm>();
  const [{ fetching: creating }, createDepartment] = useMutation(CreateDepartmentMutation);
  const [{ fetching: updating }, updateDepartment] = useMutation(UpdateDepartmentMutation);
  const editing = dialog?.kind === 'edit' ? dialog.department : null;

  const parentOptions = useMemo(
    () => departmentOptions(buildDepartmentTree(departments), editing?.id),
    [departments, editing],
  );

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.kind === 'edit') {
      const d = dialog.department;
      form.setFieldsValue({ code: d.code, name: d.name, kind: d.kind, parentId: d.parent?.id });
    } else {
      form.setFieldsValue({ parentId: dialog.parentId });
    }
  }, [dialog, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const base = {
      code: values.code.trim(),
      name: values.name.trim(),
      kind: values.kind,
      parentId: values.parentId ?? null,
    };
    if (editing) {
      const outcome = await updateDepartment({ input: { id: editing.id, ...base } });
      if (!feedback(outcome, outcome.data?.updateDepartment, form)) return;
      void message.success(t('departments.updated'));
    } else {
      const outcome = await createDepartment({ input: base });
      if (!feedback(outcome, outcome.data?.createDepartment, form)) return;
      void message.success(t('departments.created'));
    }
    onSaved();
  };

  return (
    <Modal
      title={editing ? t('departments.editTitle') : t('departments.createTitle')}
      open={dialog !== null}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={creating || updating}
      okText={editing ? t('common.save') : t('common.create')}
      destroyOnHidden
    >
      <Form<DepartmentForm> form={form} layout="vertical" name="departmentForm">
        <Form.Item
          name="name"
          label={t('departments.name')}
          rules={[{ required: true, whitespace: true, message: t('departments.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('departments.code')}
          rules={[{ required: true, whitespace: true, message: t('departments.codeRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('departments.kind')} rules={[{ required: true, message: t('departments.kindRequired') }]}>
          <Select options={KINDS.map((kind) => ({ value: kind, label: t(`departments.kinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('departments.parent')} extra={t('departments.rootHint')}>
          <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeDefaultExpandAll treeData={parentOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
