import { useMemo, useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DocumentState } from '../gql/graphql';
import { useCursorPager } from '../graphql/pagination';

export const PAGE_SIZE = 20;

/** Search-by-number, state and cursor paging shared by every document list. */
export function useDocumentListFilters() {
  const pager = useCursorPager();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<DocumentState | null>(null);
  const variables = useMemo(
    () => ({ first: PAGE_SIZE, after: pager.after, search: search.trim() || null, state }),
    [pager.after, search, state],
  );
  return {
    pager,
    variables,
    search,
    state,
    apply: (next: { search: string; state: DocumentState | null }) => {
      setSearch(next.search);
      setState(next.state);
      pager.reset();
    },
  };
}

interface Props {
  states: readonly DocumentState[];
  onApply: (next: { search: string; state: DocumentState | null }) => void;
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
