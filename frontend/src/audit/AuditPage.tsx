import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AuditEventsQuery as AuditEventsResult } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { useConnectionQuery } from '../graphql/pagination';
import { ConnectionTable } from '../common/ConnectionTable';
import { formatDateTime, shanghaiDayEndUtc, shanghaiDayStartUtc } from '../i18n/time';
import { useCan } from '../app/viewer';
import { AuditEventsQuery, UserOptionsQuery } from './operations';
import { JsonDiff } from './JsonDiff';
import styles from './AuditPage.module.css';

type AuditEvent = NonNullable<AuditEventsResult['auditEvents']>['edges'][number]['node'];

const PAGE_SIZE = 20;

interface Filters {
  action?: string;
  subjectType?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function actionColor(action: string): string {
  if (action.startsWith('auth.')) return 'geekblue';
  if (action.endsWith('.delete') || action.endsWith('.deactivate') || action.endsWith('.revoke')) return 'red';
  if (action.endsWith('.create')) return 'green';
  return 'blue';
}

function ActorSelect({ value, onChange }: { value?: string; onChange?: (value: string | undefined) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: UserOptionsQuery,
    variables: { search: search || null },
    pause: !can('ORG_READ'),
  });
  const options = data?.users?.edges.map(({ node }) => ({
    value: node.id,
    label: `${node.displayName}（${node.username}）`,
  }));
  return (
    <Select
      allowClear
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={fetching}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('audit.actorPlaceholder')}
      style={{ width: 200 }}
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});

  const variables = useMemo(() => {
    const [from, to] = filters.range ?? [null, null];
    return {
      first: PAGE_SIZE,
      action: filters.action?.trim() || null,
      subjectType: filters.subjectType?.trim() || null,
      actorId: filters.actorId ?? null,
      since: from ? shanghaiDayStartUtc(from) : null,
      until: to ? shanghaiDayEndUtc(to) : null,
    };
  }, [filters]);
  const list = useConnectionQuery({ query: AuditEventsQuery, variables, connectionOf: (data) => data.auditEvents, requestPolicy: 'cache-and-network' });

  const apply = (values: Filters) => {
    setFilters(values);
    list.pager.reset();
  };

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    {
      title: t('audit.occurredAt'),
      dataIndex: 'occurredAt',
      width: 180,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_, e) =>
        e.actor ? (
          <span>
            {e.actor.displayName} <Typography.Text type="secondary">({e.actor.username})</Typography.Text>
          </span>
        ) : e.actorUsername ? (
          e.actorUsername
        ) : (
          <Tag>{t('common.system')}</Tag>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => <Tag color={actionColor(action)}>{action}</Tag>,
    },
    { title: t('audit.subjectType'), dataIndex: 'subjectType' },
    {
      title: t('audit.subjectId'),
      dataIndex: 'subjectId',
      ellipsis: true,
      render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card>
        <Form<Filters> form={form} layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 12 }}>
          <Form.Item name="action">
            <Input allowClear placeholder={t('audit.actionPlaceholder')} style={{ width: 200 }} data-testid="audit-filter-action" />
          </Form.Item>
          <Form.Item name="subjectType">
            <Input allowClear placeholder={t('audit.subjectTypePlaceholder')} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="actorId">
            <ActorSelect />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('audit.startDate'), t('audit.endDate')]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  apply({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <ConnectionTable<AuditEvent>
          {...list.table}
          columns={columns}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (e) => (
              <Space direction="vertical" style={{ width: '100%' }} size={12}>
                <Descriptions
                  size="small"
                  bordered
                  column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
                  styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
                >
                  <Descriptions.Item label={t('audit.requestId')}>
                    {e.requestId ? <Typography.Text copyable>{e.requestId}</Typography.Text> : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('audit.clientAddress')}>{e.clientAddress ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label={t('audit.hash')} span={2}>
                    <Typography.Text copyable className={styles.hash}>
                      {e.hash}
                    </Typography.Text>
                  </Descriptions.Item>
                </Descriptions>
                <JsonDiff before={e.before} after={e.after} />
              </Space>
            ),
          }}
        />
      </Card>
    </>
  );
}
