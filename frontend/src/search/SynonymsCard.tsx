import { useEffect } from 'react';
import { App, Button, Card, Empty, Form, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { SearchSynonymsQuery as SynonymsResult } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { DeleteSearchSynonymsMutation, SaveSearchSynonymsMutation, SearchSynonymsQuery } from './operations';

type Group = NonNullable<SynonymsResult['searchSynonyms']>[number];

/** What the synonym dialog edits: a new group (maybe started from a search that found nothing) or one group. */
export type SynonymDialog = { kind: 'create'; terms: string[] } | { kind: 'edit'; group: Group };

interface SynonymForm {
  terms: string[];
}

function SynonymModal({ dialog, onClose, onSaved }: { dialog: SynonymDialog | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [form] = Form.useForm<SynonymForm>();
  const [{ fetching }, save] = useMutation(SaveSearchSynonymsMutation);

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    form.setFieldsValue({ terms: dialog.kind === 'edit' ? dialog.group.terms : dialog.terms });
  }, [dialog, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const id = dialog?.kind === 'edit' ? dialog.group.id : null;
    const outcome = await save({ input: { id, terms: values.terms } });
    if (!feedback(outcome, outcome.data?.saveSearchSynonyms, form)) return;
    void message.success(t('searchIndex.synonymSaved'));
    onSaved();
  };

  return (
    <Modal
      open={dialog !== null}
      title={dialog?.kind === 'edit' ? t('searchIndex.synonymEdit') : t('searchIndex.synonymAdd')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={fetching}
      okButtonProps={{ 'data-testid': 'synonym-save' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('searchIndex.synonymHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="terms"
          label={t('searchIndex.synonymTerms')}
          rules={[{ required: true, type: 'array', min: 2, message: t('searchIndex.synonymTwo') }]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ', '、']} placeholder={t('searchIndex.synonymPlaceholder')} data-testid="synonym-terms" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 同义词: groups of words every search treats as one; admins add them, often from the searches that found nothing. */
export function SynonymsCard({ dialog, setDialog, onChanged }: { dialog: SynonymDialog | null; setDialog: (d: SynonymDialog | null) => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [{ data, fetching }, refetch] = useQuery({ query: SearchSynonymsQuery, requestPolicy: 'network-only' });
  const [, remove] = useMutation(DeleteSearchSynonymsMutation);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const columns: TableColumnsType<Group> = [
    {
      title: t('searchIndex.synonymTerms'),
      key: 'terms',
      render: (_, g) => (
        <Space size={[4, 4]} wrap>
          {g.terms.map((term) => (
            <Tag key={term} color="geekblue">
              {term}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('searchIndex.synonymUpdatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, g) => (
        <Space>
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', group: g })} aria-label={t('searchIndex.synonymEdit')} />
          <Popconfirm
            title={t('searchIndex.synonymDeleteConfirm')}
            onConfirm={async () => {
              const outcome = await remove({ input: { id: g.id } });
              if (!feedback(outcome, outcome.data?.deleteSearchSynonyms)) return;
              void message.success(t('searchIndex.synonymDeleted'));
              reload();
            }}
          >
            <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('searchIndex.synonymDelete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('searchIndex.synonyms')}
      size="small"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create', terms: [] })} data-testid="synonym-add">
          {t('searchIndex.synonymAdd')}
        </Button>
      }
    >
      <Table<Group>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={data?.searchSynonyms ?? []}
        loading={fetching && !data}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('searchIndex.noSynonyms')} /> }}
        data-testid="search-synonyms"
      />
      <SynonymModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          reload();
          onChanged();
        }}
      />
    </Card>
  );
}
