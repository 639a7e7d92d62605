import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { SharingRuleFieldsFragment } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { ConnectionTable } from '../common/ConnectionTable';
import { CreateButton } from '../common/actions';
import { useConnectionQuery } from '../graphql/pagination';
import { useMutationFeedback } from '../graphql/errors';
import { useCan } from '../app/viewer';
import { formatDateTime, toShanghai } from '../i18n/time';
import { ArchiveSharingRuleMutation, SharingRulesQuery } from './operations';
import { RuleFormDrawer } from './RuleFormDrawer';

/** 共享规则: what is shared, by whom, with whom, at which time nodes; admins create, edit and archive them. */
export default function SharingRulesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [editing, setEditing] = useState<SharingRuleFieldsFragment | null | undefined>(undefined);
  const list = useConnectionQuery({ query: SharingRulesQuery, variables: { first: 20 }, connectionOf: (d) => d.sharingRules });
  const [, archive] = useMutation(ArchiveSharingRuleMutation);

  const doArchive = async (rule: SharingRuleFieldsFragment) => {
    const outcome = await archive({ input: { id: rule.id } });
    if (feedback(outcome, outcome.data?.archiveSharingRule)?.__typename === 'ArchiveSharingRuleSuccess') {
      void message.success(t('sharing.archived'));
      list.reload();
    }
  };

  const columns: TableColumnsType<SharingRuleFieldsFragment> = [
    {
      title: t('sharing.title'),
      key: 'title',
      render: (_, r) => (
        <Space size={4}>
          <span data-testid="rule-row-title">{r.title}</span>
          {!r.active && <Tag>{t('sharing.archived')}</Tag>}
        </Space>
      ),
    },
    { title: t('sharing.department'), key: 'dept', width: 110, render: (_, r) => r.department?.name ?? '—' },
    { title: t('sharing.responsible'), key: 'resp', width: 140, render: (_, r) => [r.responsible?.displayName, r.deputy?.displayName].filter(Boolean).join(' / ') },
    {
      title: t('sharing.audience'),
      key: 'aud',
      render: (_, r) => [...r.audienceDepartments.map((d) => d.name), ...r.audienceRoles, ...r.audienceUsers.map((u) => u.displayName)].join('、'),
    },
    {
      title: t('sharing.recurrence'),
      key: 'rec',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text code>{r.recurrence}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {toShanghai(r.startsAt).format('HH:mm')} + {r.deadlineMinutes}′{r.workingDays ? ` · ${t('sharing.workingDays')}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('sharing.nextNode'), key: 'next', width: 150, render: (_, r) => formatDateTime(r.nextNodeAt) },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_, r) =>
        r.viewerCan.update && (
          <Space>
            <Button size="small" onClick={() => setEditing(r)} data-testid="rule-edit">
              {t('common.edit')}
            </Button>
            <Popconfirm title={t('sharing.archiveConfirm')} onConfirm={() => void doArchive(r)}>
              <Button size="small" danger>
                {t('sharing.archive')}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.sharingRules')}
        subtitle={t('sharing.rulesHint')}
        extra={can('SHARING_MANAGE') && <CreateButton label={t('sharing.newRule')} testId="rule-new" onClick={() => setEditing(null)} />}
      />
      <ConnectionTable<SharingRuleFieldsFragment> {...list.table} columns={columns} />
      <RuleFormDrawer
        open={editing !== undefined}
        rule={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void message.success(t('sharing.saved'));
          list.reload();
        }}
      />
    </>
  );
}
