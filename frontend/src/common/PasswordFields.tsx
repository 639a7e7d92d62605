import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A new password typed twice, as the form fields `newPassword` and `confirm`: changing
 * one's own password (the header) and resetting someone else's (users) ask the same.
 */
export function NewPasswordFields({ label }: { label: string }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('changePassword.required') };
  return (
    <>
      <Form.Item name="newPassword" label={label} rules={[required]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('changePassword.confirm')}
        dependencies={['newPassword']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('changePassword.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
