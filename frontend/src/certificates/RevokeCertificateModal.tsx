import { useEffect } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { useMutationFeedback } from '../graphql/errors';
import type { CertificateFieldsFragment } from '../gql/graphql';
import { RevokeCertificateMutation } from './operations';

/** 撤销证书, with its reason (required): the verification page shows it as revoked from then on. */
export function RevokeCertificateModal({ certificate, onClose, onRevoked }: { certificate: CertificateFieldsFragment | null; onClose: () => void; onRevoked: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const feedback = useMutationFeedback();
  const [{ fetching }, revoke] = useMutation(RevokeCertificateMutation);

  useEffect(() => {
    if (certificate) form.resetFields();
  }, [certificate, form]);

  const submit = async () => {
    if (!certificate) return;
    const v = await form.validateFields();
    const outcome = await revoke({ input: { id: certificate.id, reason: v.reason.trim() } });
    const ok = feedback(outcome, outcome.data?.revokeCertificate, form);
    if (ok?.__typename === 'RevokeCertificateSuccess') onRevoked();
  };

  return (
    <Modal
      open={!!certificate}
      title={certificate ? t('certificates.revokeTitle', { title: certificate.title }) : ''}
      okText={t('certificates.revoke')}
      okButtonProps={{ danger: true, loading: fetching, 'data-testid': 'revoke-submit' } as React.ComponentProps<typeof Button>}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('certificates.revokeReason')} rules={[{ required: true, whitespace: true, message: t('certificates.revokeReasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="revoke-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
