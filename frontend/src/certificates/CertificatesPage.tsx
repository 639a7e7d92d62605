import { useState } from 'react';
import { App, Button, Card, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionPager, useConnectionQuery } from '../graphql/pagination';
import { useCan } from '../app/viewer';
import type { CertificateFieldsFragment, CertificateState } from '../gql/graphql';
import { CertificatesQuery } from './operations';
import { CertificatesTable } from './CertificatesTable';
import { IssueCertificateDrawer } from './IssueCertificateDrawer';
import { RevokeCertificateModal } from './RevokeCertificateModal';

const STATES: CertificateState[] = ['VALID' as CertificateState, 'REVOKED' as CertificateState];

/** 证书管理: every certificate the viewer may see (HR: all; managers: their departments'), issuing and revoking. */
export default function CertificatesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [state, setState] = useState<CertificateState | undefined>();
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<CertificateFieldsFragment | null>(null);
  const list = useConnectionQuery({
    query: CertificatesQuery,
    variables: { first: 50, mine: false, state: state ?? null },
    connectionOf: (d) => d.certificates,
    requestPolicy: 'cache-and-network',
  });
  const items = list.connection?.edges.map((e) => e.node) ?? [];
  return (
    <>
      <PageHeader
        title={t('nav.certificates')}
        subtitle={t('certificates.manageHint')}
        extra={
          can('CERTIFICATES_ISSUE') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="certificate-new">
              {t('certificates.issue')}
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Select<CertificateState>
            allowClear
            style={{ width: 160 }}
            placeholder={t('certificates.stateFilter')}
            value={state}
            onChange={(s) => {
              setState(s);
              list.pager.reset();
            }}
            options={STATES.map((s) => ({ value: s, label: t(`certificateState.${s}`) }))}
          />
        </Space>
        <CertificatesTable certificates={items} loading={list.result.fetching} showHolder onRevoke={setRevoking} />
        <ConnectionPager pager={list.pager} connection={list.connection} loading={list.result.fetching} />
      </Card>
      <IssueCertificateDrawer
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={() => {
          setIssuing(false);
          void message.success(t('certificates.issued'));
          list.reload();
        }}
      />
      <RevokeCertificateModal
        certificate={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={() => {
          setRevoking(null);
          void message.success(t('certificates.revoked'));
          list.reload();
        }}
      />
    </>
  );
}
