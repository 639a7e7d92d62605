import { App, Form, Modal } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { UserRowFragment } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { NewPasswordFields } from '../common/PasswordFields';
import { ResetPasswordMutation } from './operations';

interface ResetForm {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: UserRowFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<ResetForm>();
  const [{ fetching }, resetPassword] = useMutation(ResetPasswordMutation);

  const save = async () => {
    if (!user) return;
    const values = await form.validateFields();
    const outcome = await resetPassword({ input: { userId: user.id, newPassword: values.newPassword } });
    if (!feedback(outcome, outcome.data?.resetPassword, form)) return;
    void message.success(t('users.passwordReset'));
    onClose();
  };

  return (
    <Modal
      title={user ? `${t('users.resetPassword')} · ${user.displayName}` : t('users.resetPassword')}
      open={user !== null}
      onOk={() => void save().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={fetching}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<ResetForm> form={form} layout="vertical" preserve={false}>
        <NewPasswordFields label={t('users.newPassword')} />
      </Form>
    </Modal>
  );
}
