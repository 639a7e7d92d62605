import { useState } from 'react';
import { Card, Select, Space, Switch, Tabs, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionItemStatus } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionPager, useConnectionQuery } from '../graphql/pagination';
import { useCan, useViewer } from '../app/viewer';
import { useDepartmentOptions } from '../common/departments';
import { FocusNotice, useFocusedRecord } from '../common/focusedRecord';
import { ActionItemsQuery } from './operations';
import { ActionItemsTable } from './ActionItemsTable';
import { ACTION_STATUSES } from './tags';

type Tab = 'mine' | 'department';

/** 我的待办 and, for managers (meetings.oversee), the overdue action items of their departments. */
export default function ActionItemsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const oversees = can('MEETINGS_OVERSEE');
  const [tab, setTab] = useState<Tab>('mine');
  const [status, setStatus] = useState<ActionItemStatus | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const viewer = useViewer();
  // A manager starts from their own department; the list holds the departments under it too.
  const [departmentId, setDepartmentId] = useState<string | undefined>(viewer.department?.id);
  const departments = useDepartmentOptions();
  const focus = useFocusedRecord();

  const mine = tab === 'mine';
  const list = useConnectionQuery({
    query: ActionItemsQuery,
    variables: {
      first: 50,
      mine,
      overdue: mine ? overdueOnly : true,
      departmentId: mine ? null : (departmentId ?? null),
      status: mine ? (status ?? null) : null,
    },
    connectionOf: (d) => d.actionItems,
    requestPolicy: 'cache-and-network',
  });
  const items = list.connection?.edges.map((e) => e.node) ?? [];
  const focusedItem = focus.id ? (items.find((a) => a.id === focus.id) ?? null) : null;

  const table = (
    <>
      <ActionItemsTable items={items} showMeeting onChanged={list.reload} loading={list.result.fetching} focusedId={focus.id} />
      <ConnectionPager pager={list.pager} connection={list.connection} loading={list.result.fetching} />
    </>
  );

  return (
    <>
      <PageHeader title={t('nav.actionItems')} subtitle={t('actionItems.hint')} />
      {focus.id && <FocusNotice name={focusedItem ? focusedItem.title : list.result.fetching ? undefined : null} onShowAll={focus.clear} />}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as Tab);
            list.pager.reset();
          }}
          items={[
            {
              key: 'mine',
              label: <span data-testid="tab-mine">{t('actionItems.mine')}</span>,
              children: (
                <>
                  <Space style={{ marginBottom: 12 }} wrap>
                    <Select<ActionItemStatus>
                      allowClear
                      style={{ width: 140 }}
                      placeholder={t('actionItems.statusFilter')}
                      value={status}
                      onChange={(s) => {
                        setStatus(s);
                        list.pager.reset();
                      }}
                      options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionItemStatus.${s}`) }))}
                    />
                    <Space>
                      <Switch size="small" checked={overdueOnly} onChange={(v) => { setOverdueOnly(v); list.pager.reset(); }} data-testid="overdue-only" />
                      {t('actionItems.overdueOnly')}
                    </Space>
                  </Space>
                  {mine && table}
                </>
              ),
            },
            ...(oversees
              ? [
                  {
                    key: 'department',
                    label: <span data-testid="tab-department">{t('actionItems.departmentOverdue')}</span>,
                    children: (
                      <>
                        <Space direction="vertical" style={{ marginBottom: 12 }}>
                          <Typography.Text type="secondary">{t('actionItems.departmentOverdueHint')}</Typography.Text>
                          <TreeSelect
                            allowClear
                            style={{ width: 260 }}
                            treeDefaultExpandAll
                            placeholder={t('actionItems.allDepartments')}
                            treeData={departments.options}
                            loading={departments.loading}
                            value={departmentId}
                            data-testid="overdue-department"
                            onChange={(v: string | undefined) => {
                              setDepartmentId(v);
                              list.pager.reset();
                            }}
                          />
                        </Space>
                        {!mine && table}
                      </>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
