import { useEffect } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { FormDrawer } from '../common/FormDrawer';
import { useMutationFeedback } from '../graphql/errors';
import { UserSelect } from '../meetings/UserSelect';
import { nowInShanghai } from '../i18n/time';
import type { CertificateKind } from '../gql/graphql';
import { IssueCertificateMutation } from './operations';

interface Values {
  holderId: string;
  kind: CertificateKind;
  title: string;
  issuer: string;
  issuedOn?: Dayjs;
  citation?: string;
}

const KINDS: CertificateKind[] = ['HONOUR' as CertificateKind, 'TRAINING' as CertificateKind];

/** 颁发证书: holder, kind, title, issuer, date and wording; server errors on the field they name. */
export function IssueCertificateDrawer({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const feedback = useMutationFeedback();
  const [{ fetching }, issue] = useMutation(IssueCertificateMutation);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const outcome = await issue({
      input: {
        holderId: v.holderId,
        kind: v.kind,
        title: v.title.trim(),
        issuer: v.issuer.trim(),
        issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null,
        citation: v.citation?.trim() ?? '',
      },
    });
    const ok = feedback(outcome, outcome.data?.issueCertificate, form);
    if (ok?.__typename === 'IssueCertificateSuccess') onIssued();
  };

  return (
    <FormDrawer title={t('certificates.issue')} open={open} onClose={onClose} width={560} creating submitting={fetching} onSubmit={submit} submitTestId="certificate-submit">
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ kind: 'HONOUR', issuer: t('certificates.defaultIssuer'), issuedOn: nowInShanghai() }}>
        <Form.Item name="holderId" label={t('certificates.holder')} rules={[{ required: true, message: t('certificates.holderRequired') }]}>
          <UserSelect testId="certificate-holder" />
        </Form.Item>
        <Form.Item name="kind" label={t('certificates.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`certificateKind.${k}`) }))} data-testid="certificate-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('certificates.title')} rules={[{ required: true, whitespace: true, message: t('certificates.titleRequired') }]}>
          <Input maxLength={200} data-testid="certificate-title" />
        </Form.Item>
        <Form.Item name="issuer" label={t('certificates.issuer')} rules={[{ required: true, whitespace: true, message: t('certificates.issuerRequired') }]}>
          <Input maxLength={100} data-testid="certificate-issuer" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('certificates.issuedOn')}>
          <DatePicker style={{ width: '100%' }} data-testid="certificate-issued-on" />
        </Form.Item>
        <Form.Item name="citation" label={t('certificates.citation')} extra={t('certificates.citationHint')}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="certificate-citation" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
