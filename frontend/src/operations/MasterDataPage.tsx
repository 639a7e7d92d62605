import type { ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Card, Form, Input, Modal, Select, Space, Tabs } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useCan } from '../app/viewer';
import { useMutationFeedback } from '../graphql/errors';
import { useConnectionQuery } from '../graphql/pagination';
import { ConnectionTable } from '../common/ConnectionTable';
import { MasterDataQuery, OPTIONS_PAGE, masterDataConnection, masterDataVariables, type MasterDataKind } from '../common/masterData';
import { Money, Quantity } from '../common/Money';
import { CreateButton } from '../common/actions';
import { FocusNotice, useFocusedNode, useFocusedRecord, useFocusedRow } from '../common/focusedRecord';
import {
  CreateCustomerMutation,
  CreateProductCategoryMutation,
  CreateProductMutation,
  CreateSupplierMutation,
  CreateWarehouseMutation,
} from './operations';

const PAGE = 20;

interface MasterForm {
  code: string;
  name: string;
  categoryId?: string;
  unit?: string;
}

function CreateModal({ kind, open, onClose }: { kind: MasterDataKind; open: boolean; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<MasterForm>();
  const [, createCustomer] = useMutation(CreateCustomerMutation);
  const [, createSupplier] = useMutation(CreateSupplierMutation);
  const [, createWarehouse] = useMutation(CreateWarehouseMutation);
  const [, createCategory] = useMutation(CreateProductCategoryMutation);
  const [, createProduct] = useMutation(CreateProductMutation);
  const [{ data: categories }] = useQuery({
    query: MasterDataQuery,
    variables: masterDataVariables('categories', { first: OPTIONS_PAGE }),
    pause: kind !== 'products' || !open,
  });
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    const input = { code: v.code.trim(), name: v.name.trim() };
    setSaving(true);
    try {
      let ok: unknown = null;
      if (kind === 'customers') {
        const o = await createCustomer({ input });
        ok = feedback(o, o.data?.createCustomer, form);
      } else if (kind === 'suppliers') {
        const o = await createSupplier({ input });
        ok = feedback(o, o.data?.createSupplier, form);
      } else if (kind === 'warehouses') {
        const o = await createWarehouse({ input });
        ok = feedback(o, o.data?.createWarehouse, form);
      } else if (kind === 'categories') {
        const o = await createCategory({ input });
        ok = feedback(o, o.data?.createProductCategory, form);
      } else {
        const o = await createProduct({ input: { ...input, categoryId: v.categoryId ?? '', unit: v.unit?.trim() || '件' } });
        ok = feedback(o, o.data?.createProduct, form);
      }
      if (ok) {
        void message.success(t('common.saved'));
        onClose(true);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(`masterData.create.${kind}`)}
      onCancel={() => onClose(false)}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'master-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<MasterForm> form={form} layout="vertical" preserve={false} initialValues={{ unit: '件' }}>
        <Form.Item name="code" label={t('masterData.code')} rules={[{ required: true, whitespace: true, message: t('masterData.codeRequired') }]}>
          <Input data-testid="master-code" />
        </Form.Item>
        <Form.Item name="name" label={t('masterData.name')} rules={[{ required: true, whitespace: true, message: t('masterData.nameRequired') }]}>
          <Input data-testid="master-name" />
        </Form.Item>
        {kind === 'products' && (
          <>
            <Form.Item name="categoryId" label={t('masterData.category')} rules={[{ required: true, message: t('masterData.categoryRequired') }]}>
              <Select
                data-testid="master-category"
                options={masterDataConnection(categories, 'categories')?.edges.map(({ node }) => ({ value: node.id, label: `${node.code} ${node.name}` }))}
              />
            </Form.Item>
            <Form.Item name="unit" label={t('masterData.unit')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

interface Named {
  id: string;
  code: string;
  name: string;
}

function useMasterList(kind: MasterDataKind) {
  const [search, setSearch] = useState('');
  const list = useConnectionQuery({
    query: MasterDataQuery,
    variables: masterDataVariables(kind, { first: PAGE, search: search.trim() || null }),
    connectionOf: (data) => masterDataConnection(data, kind),
    requestPolicy: 'cache-and-network',
  });
  return { ...list, setSearch, products: masterDataConnection(list.result.data, 'products') };
}

interface MasterTabProps {
  kind: MasterDataKind;
  canManage: boolean;
  /** The record to show (`?id=`, what a search result opens): listed by its code and highlighted. */
  focusId: string | null;
  onShowAll: () => void;
}

function MasterTab({ kind, canManage, focusId, onShowAll }: MasterTabProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const list = useMasterList(kind);
  const focused = useFocusedNode(focusId);
  const record = focused && 'code' in focused ? focused : focused === undefined ? undefined : null;
  const focusCode = record?.code ?? null;
  const { setSearch, pager } = list;
  const resetPager = pager.reset;
  useEffect(() => {
    if (!focusCode) return;
    setText(focusCode);
    setSearch(focusCode);
    resetPager();
  }, [focusCode, setSearch, resetPager]);
  const focus = useFocusedRow<Named>(focusId, list.connection?.edges.some((e) => e.node.id === focusId) ?? false);
  type ProductRow = NonNullable<typeof list.products>['edges'][number]['node'];
  const columns: TableColumnsType<Named> = [
    { title: t('masterData.code'), dataIndex: 'code', width: 140 },
    { title: t('masterData.name'), dataIndex: 'name' },
  ];
  if (kind === 'products') {
    columns.push(
      { title: t('masterData.category'), key: 'category', render: (_, r) => (r as ProductRow).category.name },
      { title: t('masterData.unit'), key: 'unit', render: (_, r) => (r as ProductRow).unit },
      {
        title: t('masterData.stock'),
        key: 'stock',
        render: (_, r) => (
          <Space direction="vertical" size={0}>
            {(r as ProductRow).stock.map((s) => (
              <span key={s.warehouse.id} data-testid="product-stock">
                {s.warehouse.name}：<Quantity value={s.quantity} /> {(r as ProductRow).unit} · <Money value={s.value} /> ·{' '}
                {t('masterData.unitCost')} <Money value={s.unitCost} />
              </span>
            ))}
          </Space>
        ),
      },
    );
  }
  return (
    <Card>
      {focusId && (
        <FocusNotice
          name={record === undefined || record === null ? record : `${record.code} ${record.name}`}
          onShowAll={() => {
            setText('');
            list.setSearch('');
            list.pager.reset();
            onShowAll();
          }}
        />
      )}
      <Space style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }} wrap>
        <Input.Search
          allowClear
          placeholder={t('masterData.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            list.setSearch(v);
            list.pager.reset();
          }}
          style={{ width: 260 }}
          data-testid={`master-search-${kind}`}
        />
        {canManage && <CreateButton label={t(`masterData.create.${kind}`)} testId={`master-create-${kind}`} onClick={() => setOpen(true)} />}
      </Space>
      <ConnectionTable<Named>
        {...list.table}
        columns={columns}
        rowClassName={focus.rowClassName}
        onRow={focus.onRow}
        data-testid={`master-table-${kind}`}
      />
      <CreateModal
        kind={kind}
        open={open}
        onClose={(saved) => {
          setOpen(false);
          if (saved) list.reload();
        }}
      />
    </Card>
  );
}

const KINDS: readonly MasterDataKind[] = ['customers', 'suppliers', 'products', 'warehouses', 'categories'];

/** 基础资料: customers, suppliers, products with their stock, warehouses, product categories. */
export default function MasterDataPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canManage = can('OPERATIONS_MANAGE_MASTER_DATA');
  const [params, setParams] = useSearchParams();
  const focus = useFocusedRecord();
  // The tab is in the address (`?tab=suppliers`), so a link, or a search result, opens it.
  const active = KINDS.find((k) => k === params.get('tab')) ?? 'customers';
  return (
    <>
      <PageHeader title={t('nav.masterData')} subtitle={t('masterData.hint')} />
      <Tabs
        destroyOnHidden
        activeKey={active}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={KINDS.map((k) => ({
          key: k,
          label: <span data-testid={`master-tab-${k}`}>{t(`masterData.tabs.${k}`)}</span>,
          children: <MasterTab kind={k} canManage={canManage} focusId={k === active ? focus.id : null} onShowAll={focus.clear} />,
        }))}
      />
    </>
  );
}
