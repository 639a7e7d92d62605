import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ApiTokenFieldsFragment } from '../../gql/graphql';
import { PageHeader } from '../../layout/PageHeader';
import { useConnectionQuery } from '../../graphql/pagination';
import { ConnectionTable } from '../../common/ConnectionTable';
import { useMutationFeedback } from '../../graphql/errors';
import { formatDateTime } from '../../i18n/time';
import { ApiTokensQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from './operations';
import { ConfirmRowAction, CreateButton } from '../../common/actions';

const PAGE_SIZE = 20;
const EXPIRY_CHOICES = [7, 30, 90, 180, 365] as const;
const NO_EXPIRY = 0;

interface TokenForm {
  name: string;
  expiresInDays: number;
}

function TokenState({ token }: { token: ApiTokenFieldsFragment }) {
  const { t } = useTranslation();
  if (token.revokedAt) return <Tag color="default">{t('tokens.stateRevoked')}</Tag>;
  if (!token.active) return <Tag color="orange">{t('tokens.stateExpired')}</Tag>;
  return <Tag color="green">{t('tokens.stateActive')}</Tag>;
}

export default function TokensPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<TokenForm>();
  const [creatingOpen, setCreatingOpen] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const list = useConnectionQuery({ query: ApiTokensQuery, variables: { first: PAGE_SIZE }, connectionOf: (data) => data.apiTokens });
  const [{ fetching: creating }, createToken] = useMutation(CreateApiTokenMutation);
  const [, revokeToken] = useMutation(RevokeApiTokenMutation);

  const create = async () => {
    const values = await form.validateFields();
    const outcome = await createToken({
      input: {
        name: values.name.trim(),
        expiresInDays: values.expiresInDays === NO_EXPIRY ? null : values.expiresInDays,
      },
    });
    const ok = feedback(outcome, outcome.data?.createApiToken, form);
    if (!ok) return;
    setCreatingOpen(false);
    form.resetFields();
    setSecret({ name: ok.apiToken.name, secret: ok.secret });
    list.pager.reset();
    list.reload();
  };

  const revoke = async (token: ApiTokenFieldsFragment) => {
    const outcome = await revokeToken({ input: { id: token.id } });
    if (feedback(outcome, outcome.data?.revokeApiToken)) void message.success(t('tokens.revoked'));
  };

  const columns: TableColumnsType<ApiTokenFieldsFragment> = [
    { title: t('tokens.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    { title: t('common.status'), key: 'state', width: 90, render: (_, token) => <TokenState token={token} /> },
    { title: t('tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => formatDateTime(v, t('tokens.noExpiry')),
    },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => formatDateTime(v, t('common.never')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, token) =>
        token.revokedAt ? (
          <Typography.Text type="secondary">{formatDateTime(token.revokedAt)}</Typography.Text>
        ) : (
          <ConfirmRowAction title={t('tokens.confirmRevoke', { name: token.name })} label={t('tokens.revoke')} onConfirm={() => revoke(token)} />
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        extra={
<CreateButton label={t('tokens.create')} testId="token-create" onClick={() => setCreatingOpen(true)} />
        }
      />
      <Card>
        <Alert type="info" showIcon message={t('tokens.usage')} style={{ marginBottom: 16 }} />
        <ConnectionTable<ApiTokenFieldsFragment>
          {...list.table}
          columns={columns}
          locale={{ emptyText: <Empty description={t('tokens.empty')} /> }}
          data-testid="tokens-table"
        />
      </Card>
      <Modal
        title={t('tokens.create')}
        open={creatingOpen}
        onOk={() => void create().catch(() => undefined)}
        onCancel={() => setCreatingOpen(false)}
        confirmLoading={creating}
        okText={t('common.create')}
        okButtonProps={{ 'data-testid': 'token-form-submit' } as Record<string, string>}
        destroyOnHidden
      >
        <Form<TokenForm> form={form} layout="vertical" name="tokenForm" initialValues={{ expiresInDays: 90 }}>
          <Form.Item
            name="name"
            label={t('tokens.name')}
            rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}
          >
            <Input maxLength={100} data-testid="token-form-name" />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expiresIn')}>
            <Select
              options={[
                ...EXPIRY_CHOICES.map((days) => ({ value: days, label: t('tokens.days', { count: days }) })),
                { value: NO_EXPIRY, label: t('tokens.noExpiry') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={t('tokens.secretTitle')}
        open={secret !== null}
        closable={false}
        maskClosable={false}
        destroyOnHidden
        keyboard={false}
        footer={
          <Button type="primary" onClick={() => setSecret(null)} data-testid="token-secret-done">
            {t('tokens.secretDone')}
          </Button>
        }
      >
        <Alert type="warning" showIcon icon={<WarningOutlined />} message={t('tokens.secretWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {secret?.name}
        </Typography.Paragraph>
        <Typography.Paragraph
          copyable={{ text: secret?.secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
          code
          style={{ fontSize: 14, wordBreak: 'break-all' }}
          data-testid="token-secret"
        >
          {secret?.secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
