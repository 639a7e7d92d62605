import { useCallback, useEffect, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import styles from './focusedRecord.module.css';

/** What a list page needs to find the record it was asked to show: its code or username to filter by. */
export const FocusedNodeQuery = graphql(`
  query FocusedNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on MasterData {
        code
        name
      }
      ... on User {
        username
        displayName
      }
    }
  }
`);

/** The focused record itself (null: absent or hidden; undefined: still loading). */
export function useFocusedNode(id: string | null) {
  const [{ data, fetching, error }] = useQuery({ query: FocusedNodeQuery, variables: { id: id ?? '' }, pause: !id });
  if (!id) return undefined;
  if (fetching || (!data && !error)) return undefined;
  return data?.node ?? null;
}

/**
 * The record a link asks a list page to show: `?id=<global id>`, what a search result opens
 * (`/users?id=…`, `/master-data?tab=customers&id=…`). `clear()` forgets it and keeps the rest
 * of the address.
 */
export function useFocusedRecord(param = 'id') {
  const [params, setParams] = useSearchParams();
  const id = params.get(param) || null;
  const clear = useCallback(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete(param);
        return next;
      },
      { replace: true },
    );
  }, [setParams, param]);
  return { id, clear };
}

/**
 * Table props that mark the focused row (`data-focused`, highlighted) and scroll it into view
 * once `shown` says the table holds it.
 */
export function useFocusedRow<T extends { id: string }>(id: string | null, shown: boolean) {
  useEffect(() => {
    if (!id || !shown) return;
    const row = document.querySelector(`tr[data-row-key="${CSS.escape(id)}"]`);
    row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [id, shown]);
  return {
    rowClassName: (row: T) => (row.id === id ? styles.row : ''),
    onRow: (row: T) => (row.id === id ? { 'data-focused': 'true' } : {}) as HTMLAttributes<HTMLElement>,
  };
}

/**
 * "已定位到 …" above a list that shows one record, with the way back to the whole list.
 * `name` undefined: still looking; null: the record is absent or hidden from the viewer.
 */
export function FocusNotice({ name, onShowAll }: { name: string | null | undefined; onShowAll: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={name === null ? 'warning' : 'info'}
      showIcon
      icon={name === null ? undefined : <AimOutlined />}
      style={{ marginBottom: 16 }}
      message={name === undefined ? t('common.locating') : name === null ? t('common.notFoundOrHidden') : t('common.located', { name })}
      action={
        <Button size="small" type="link" onClick={onShowAll} data-testid="focus-show-all">
          {t('common.showAll')}
        </Button>
      }
      data-testid="focus-notice"
    />
  );
}
