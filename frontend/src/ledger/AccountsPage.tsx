import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AccountType, AccountsQuery as AccountsResult, Dimension, Direction } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useMutationFeedback } from '../graphql/errors';
import { useAllPages } from '../graphql/pagination';
import { AccountsQuery, CreateAccountMutation, UpdateAccountMutation } from './operations';
import { DIMENSIONS } from './dimensions';
import { CreateButton } from '../common/actions';

type Account = NonNullable<AccountsResult['accounts']>['edges'][number]['node'];
type TreeRow = Account & { children?: TreeRow[] };
const TYPES: readonly AccountType[] = ['ASSET', 'LIABILITY', 'EQUITY', 'COST', 'PROFIT_LOSS'];

interface AccountForm {
  code: string;
  name: string;
  type?: AccountType;
  direction?: Direction;
  dimensions: Dimension[];
  active?: boolean;
}

const accountsOf = (data: AccountsResult) => data.accounts;

function buildTree(accounts: readonly Account[]): TreeRow[] {
  const byId = new Map<string, TreeRow>(accounts.map((a) => [a.id, { ...a }]));
  const roots: TreeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parent ? byId.get(row.parent.id) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

/** 会计科目: the chart of accounts as a tree; finance adds sub-accounts and edits names and dimensions. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<AccountForm>();
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; account: Account } | null>(null);
  // The chart is loaded whole (a few hundred accounts at most), one page of 100 at a time.
  const { nodes: accounts, loading, reload } = useAllPages(AccountsQuery, accountsOf, 'network-only');
  const [{ fetching: creating }, createAccount] = useMutation(CreateAccountMutation);
  const [{ fetching: updating }, updateAccount] = useMutation(UpdateAccountMutation);
  const tree = useMemo(() => buildTree(accounts), [accounts]);
  const manage = can('LEDGER_MANAGE_ACCOUNTS');

  const open = (d: NonNullable<typeof dialog>) => {
    setDialog(d);
    form.resetFields();
    if (d.kind === 'edit') form.setFieldsValue({ code: d.account.code, name: d.account.name, dimensions: [...d.account.dimensions], active: d.account.active });
    else form.setFieldsValue({ dimensions: [] });
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (dialog?.kind === 'edit') {
      const outcome = await updateAccount({ input: { id: dialog.account.id, name: v.name.trim(), dimensions: v.dimensions, active: v.active ?? true } });
      if (!feedback(outcome, outcome.data?.updateAccount, form)) return;
    } else {
      const outcome = await createAccount({ input: { code: v.code.trim(), name: v.name.trim(), type: v.type ?? null, direction: v.direction ?? null, dimensions: v.dimensions } });
      if (!feedback(outcome, outcome.data?.createAccount, form)) return;
    }
    void message.success(t('common.saved'));
    setDialog(null);
    void reload();
  };

  return (
    <>
      <PageHeader
        title={t('nav.accounts')}
        subtitle={t('accounts.hint')}
        extra={manage && <CreateButton label={t('accounts.create')} testId="account-create" onClick={() => open({ kind: 'create' })} />}
      />
      <Card>
        <Table<TreeRow>
          rowKey="id"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={tree}
          data-testid="accounts-table"
          expandable={{ defaultExpandAllRows: false }}
          columns={[
            { title: t('accounts.code'), dataIndex: 'code', width: 200 },
            { title: t('accounts.name'), dataIndex: 'name' },
            { title: t('accounts.type'), key: 'type', render: (_, a) => t(`accountType.${a.type}`) },
            { title: t('accounts.direction'), key: 'direction', render: (_, a) => t(`direction.${a.direction}`) },
            { title: t('vouchers.dimensions'), key: 'dims', render: (_, a) => a.dimensions.map((d) => <Tag key={d} bordered={false}>{t(`dimension.${d}`)}</Tag>) },
            { title: t('common.status'), key: 'active', render: (_, a) => (a.active ? <Tag color="green" bordered={false}>{t('common.active')}</Tag> : <Tag bordered={false}>{t('common.inactive')}</Tag>) },
            ...(manage
              ? [{ title: t('common.actions'), key: 'actions', render: (_: unknown, a: TreeRow) => a.viewerCan.update && <Button size="small" type="link" onClick={() => open({ kind: 'edit', account: a })}>{t('common.edit')}</Button> }]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog?.kind === 'edit' ? t('accounts.edit') : t('accounts.create')}
        onCancel={() => setDialog(null)}
        onOk={() => void submit().catch(() => undefined)}
        confirmLoading={creating || updating}
      >
        <Form<AccountForm> form={form} layout="vertical">
          <Form.Item name="code" label={t('accounts.code')} extra={t('accounts.codeHint')} rules={[{ required: true, whitespace: true }]}>
            <Input disabled={dialog?.kind === 'edit'} />
          </Form.Item>
          <Form.Item name="name" label={t('accounts.name')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          {dialog?.kind !== 'edit' && (
            <Space>
              <Form.Item name="type" label={t('accounts.type')}>
                <Select allowClear style={{ width: 160 }} options={TYPES.map((x) => ({ value: x, label: t(`accountType.${x}`) }))} />
              </Form.Item>
              <Form.Item name="direction" label={t('accounts.direction')}>
                <Select allowClear style={{ width: 120 }} options={(['DEBIT', 'CREDIT'] as const).map((x) => ({ value: x, label: t(`direction.${x}`) }))} />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="dimensions" label={t('vouchers.dimensions')}>
            <Select mode="multiple" options={DIMENSIONS.map((d) => ({ value: d, label: t(`dimension.${d}`) }))} />
          </Form.Item>
          {dialog?.kind === 'edit' && (
            <Form.Item name="active" label={t('common.status')} valuePropName="checked">
              <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
