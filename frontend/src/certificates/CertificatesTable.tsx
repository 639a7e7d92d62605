import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CertificateFieldsFragment } from '../gql/graphql';
import { formatDate } from '../i18n/time';

interface Props {
  certificates: readonly CertificateFieldsFragment[];
  loading: boolean;
  showHolder?: boolean;
  onRevoke?: (certificate: CertificateFieldsFragment) => void;
}

export function CertificateStateTag({ certificate }: { certificate: CertificateFieldsFragment }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={certificate.state === 'VALID' ? 'green' : 'red'} data-testid="certificate-state">
      {t(`certificateState.${certificate.state}`)}
    </Tag>
  );
  return certificate.state === 'REVOKED' && certificate.revokeReason ? (
    <Tooltip title={t('certificates.revokedBecause', { reason: certificate.revokeReason })}>{tag}</Tooltip>
  ) : (
    tag
  );
}

/** Certificates with their verification code, a PDF download and the public verification page. */
export function CertificatesTable({ certificates, loading, showHolder, onRevoke }: Props) {
  const { t } = useTranslation();
  return (
    <Table<CertificateFieldsFragment>
      rowKey="id"
      size="middle"
      loading={loading}
      pagination={false}
      dataSource={[...certificates]}
      locale={{ emptyText: t('certificates.none') }}
      onRow={(c) => ({ 'data-testid': `certificate-${c.code}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('certificates.title'), dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
        { title: t('certificates.kind'), dataIndex: 'kind', render: (k: CertificateFieldsFragment['kind']) => t(`certificateKind.${k}`) },
        ...(showHolder ? [{ title: t('certificates.holder'), key: 'holder', render: (_: unknown, c: CertificateFieldsFragment) => c.holder?.displayName ?? '—' }] : []),
        { title: t('certificates.issuedOn'), dataIndex: 'issuedOn', render: (v: string) => formatDate(v) },
        { title: t('certificates.issuer'), dataIndex: 'issuer' },
        { title: t('certificates.code'), dataIndex: 'code', render: (v: string) => <Typography.Text code copyable={{ text: v }}>{v}</Typography.Text> },
        { title: t('certificates.state'), key: 'state', render: (_: unknown, c: CertificateFieldsFragment) => <CertificateStateTag certificate={c} /> },
        {
          title: '',
          key: 'actions',
          render: (_: unknown, c: CertificateFieldsFragment) => (
            <Space size={4} wrap>
              <Button size="small" icon={<DownloadOutlined />} href={c.pdfUrl} download data-testid="certificate-download">
                {t('certificates.download')}
              </Button>
              <Button size="small" type="link" icon={<SafetyCertificateOutlined />} href={c.verifyUrl} target="_blank" rel="noopener" data-testid="certificate-verify">
                {t('certificates.verify')}
              </Button>
              {onRevoke && c.viewerCan.revoke && (
                <Button size="small" danger onClick={() => onRevoke(c)} data-testid="certificate-revoke">
                  {t('certificates.revoke')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
