import { Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { formatDate } from '../i18n/time';
import { CertificateVerificationQuery } from './operations';

const STATUS = { VALID: 'success', REVOKED: 'error', UNKNOWN: 'warning', TAMPERED: 'error' } as const;

/** The public verification page a certificate's QR code opens: no sign-in; the name, title, date and state only. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const [{ data, fetching, error }] = useQuery({ query: CertificateVerificationQuery, variables: { code } });
  const found = data?.certificateVerification;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5', padding: '48px 16px' }}>
      <Card style={{ maxWidth: 640, margin: '0 auto' }} title={t('verify.pageTitle')} extra={<LanguageSwitch />}>
        <Typography.Paragraph type="secondary">{t('verify.subtitle')}</Typography.Paragraph>
        {fetching && !found ? (
          <Spin />
        ) : error || !found ? (
          <Result status="error" title={t('common.loadFailed')} />
        ) : (
          <div data-testid="verify-result" data-status={found.status}>
            <Result status={STATUS[found.status]} title={t(`verify.${found.status}`)} subTitle={t(`verify.${found.status}_hint`)} />
            <Descriptions column={1} bordered size="small">
              {found.holderName != null && <Descriptions.Item label={t('verify.holder')}>{found.holderName}</Descriptions.Item>}
              {found.title != null && <Descriptions.Item label={t('verify.title')}>{found.title}</Descriptions.Item>}
              {found.issuedOn != null && <Descriptions.Item label={t('verify.issuedOn')}>{formatDate(found.issuedOn)}</Descriptions.Item>}
              <Descriptions.Item label={t('verify.code')}>
                <Typography.Text code>{code}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </div>
        )}
      </Card>
    </div>
  );
}
