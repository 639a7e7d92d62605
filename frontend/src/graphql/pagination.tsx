import { useCallback, useState } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface PagerState {
  /** `after` cursors of the pages before the current one, oldest first. */
  history: (string | null)[];
  after: string | null;
}

const START: PagerState = { history: [], after: null };

/** Next/previous paging over a cursor connection (which only pages forward). */
export function useCursorPager() {
  const [state, setState] = useState<PagerState>(START);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (!endCursor) return;
    setState((s) => ({ history: [...s.history, s.after], after: endCursor }));
  }, []);
  const prev = useCallback(() => {
    setState((s) =>
      s.history.length === 0 ? s : { history: s.history.slice(0, -1), after: s.history[s.history.length - 1] ?? null },
    );
  }, []);
  const reset = useCallback(() => setState(START), []);
  return { after: state.after, page: state.history.length + 1, hasPrev: state.history.length > 0, next, prev, reset };
}

interface PagerProps {
  page: number;
  totalCount: number | undefined;
  hasPrev: boolean;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  loading?: boolean;
}

export function Pager({ page, totalCount, hasPrev, hasNext, onPrev, onNext, loading }: PagerProps) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="pager-total">
        {totalCount === undefined ? '' : t('common.total', { count: totalCount })}
      </Typography.Text>
      <Space>
        <Button icon={<LeftOutlined />} disabled={!hasPrev || loading} onClick={onPrev} data-testid="pager-prev">
          {t('common.prevPage')}
        </Button>
        <Typography.Text>{page}</Typography.Text>
        <Button disabled={!hasNext || loading} onClick={onNext} data-testid="pager-next">
          {t('common.nextPage')}
          <RightOutlined />
        </Button>
      </Space>
    </Flex>
  );
}
