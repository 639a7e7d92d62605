import { App, Form, Input, Modal } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ChangePasswordMutation } from '../app/session';
import { useMutationFeedback } from '../graphql/errors';
import { NewPasswordFields } from '../common/PasswordFields';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const [{ fetching }, changePassword] = useMutation(ChangePasswordMutation);
  const feedback = useMutationFeedback();

  const submit = async () => {
    const values = await form.validateFields();
    const outcome = await changePassword({
      input: { currentPassword: values.currentPassword, newPassword: values.newPassword },
    });
    if (!feedback(outcome, outcome.data?.changePassword, form)) return;
    void message.success(t('changePassword.done'));
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      title={t('changePassword.title')}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      confirmLoading={fetching}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<ChangePasswordForm> form={form} layout="vertical" preserve={false} data-testid="change-password-form">
        <Form.Item
          name="currentPassword"
          label={t('changePassword.current')}
          rules={[{ required: true, message: t('changePassword.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields label={t('changePassword.next')} />
      </Form>
    </Modal>
  );
}
