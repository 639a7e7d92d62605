import { useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentState } from '../gql/graphql';

/** What a document list is filtered by: a number to search for and a state. */
export interface DocumentListFilter {
  search: string;
  state: DocumentState | null;
}

interface Props {
  states: readonly DocumentState[];
  onApply: (next: DocumentListFilter) => void;
  extra?: React.ReactNode;
}

export function DocumentListFilters({ states, onApply, extra }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<DocumentState | null>(null);
  return (
    <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
      <Space wrap>
        <Input
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onPressEnter={() => onApply({ search, state })}
          placeholder={t('common.searchNumber')}
          style={{ width: 220 }}
          data-testid="list-search"
        />
        <Select<DocumentState | 'ALL'>
          value={state ?? 'ALL'}
          onChange={(v) => {
            const next = v === 'ALL' ? null : v;
            setState(next);
            onApply({ search, state: next });
          }}
          style={{ width: 140 }}
          options={[
            { value: 'ALL', label: t('common.allStates') },
            ...states.map((s) => ({ value: s, label: t(`documentState.${s}`) })),
          ]}
          data-testid="list-state"
        />
        <Button type="primary" icon={<SearchOutlined />} onClick={() => onApply({ search, state })} data-testid="list-apply">
          {t('common.search')}
        </Button>
      </Space>
      {extra}
    </Space>
  );
}
