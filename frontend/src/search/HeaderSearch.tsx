import { useCallback, useEffect, useMemo, useRef, useState, type CompositionEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { App, AutoComplete, Input, Typography } from 'antd';
import type { AutoCompleteProps, GetRef } from 'antd';
import { ClockCircleOutlined, EnterOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { SearchHitFieldsFragment, SearchKind } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { ClearRecentSearchesMutation, RecentSearchesQuery } from './operations';
import { useSuggestions } from './useSuggestions';
import { Highlighted } from './Highlighted';
import { searchPath } from './searchState';
import styles from './search.module.css';

type BoxRef = GetRef<typeof AutoComplete>;
type Options = NonNullable<AutoCompleteProps['options']>;

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
export const SHORTCUT_KEYS = IS_MAC ? '⌘ K' : 'Ctrl K';

// Option values name what a row opens; they start with "@@" so that typed text (which the
// list compares option values with) never makes one of them the active row.
const HIT = '@@hit:';
const RECENT = '@@recent:';
const ALL = '@@all';

/** The hits grouped by kind, the groups in the order of their best hit. */
function byKind(hits: readonly SearchHitFieldsFragment[]): { kind: SearchKind; hits: { hit: SearchHitFieldsFragment; index: number }[] }[] {
  const groups = new Map<SearchKind, { hit: SearchHitFieldsFragment; index: number }[]>();
  hits.forEach((hit, index) => groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), { hit, index }]));
  return [...groups].map(([kind, entries]) => ({ kind, hits: entries }));
}

function SuggestionRow({ hit }: { hit: SearchHitFieldsFragment }) {
  return (
    <div className={styles.suggestion} data-testid="search-suggestion" data-kind={hit.kind}>
      <span className={styles.suggestionTitle}>
        <Highlighted fragments={hit.title} />
      </span>
      {hit.snippet.length > 0 && (
        <Typography.Text type="secondary" className={styles.suggestionSnippet}>
          <Highlighted fragments={hit.snippet} />
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * The search box in the header of every page (Ctrl+K / ⌘K): the type-ahead grouped by kind
 * as one types, the viewer's recent searches while it is empty, Enter for the results page.
 */
export default function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const box = useRef<BoxRef>(null);
  const [text, setText] = useState('');
  // What is asked for: the text as it was when typing (outside an IME composition) last changed it.
  const [prefix, setPrefix] = useState('');
  const [open, setOpen] = useState(false);
  const composing = useRef(false);
  // Set while a row is being chosen, so the Enter that chose it does not also open the results page.
  const picked = useRef(false);
  const suggestions = useSuggestions(prefix);
  const query = text.trim();
  const showRecent = open && query === '';
  const [recent, refetchRecent] = useQuery({ query: RecentSearchesQuery, pause: !showRecent, requestPolicy: 'network-only' });
  const [, clearRecent] = useMutation(ClearRecentSearchesMutation);
  const recentSearches = useMemo(() => recent.data?.recentSearches ?? [], [recent.data]);

  // Ctrl+K / ⌘K from anywhere in the app: to the box, its text selected.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        box.current?.focus();
        box.current?.nativeElement.querySelector('input')?.select();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const finish = useCallback(() => {
    setText('');
    setPrefix('');
    setOpen(false);
    box.current?.blur();
  }, []);

  const go = useCallback(
    (path: string) => {
      navigate(path);
      finish();
    },
    [navigate, finish],
  );

  const onClearRecent = useCallback(async () => {
    const outcome = await clearRecent({});
    if (feedback(outcome, outcome.data?.clearRecentSearches)) {
      void message.success(t('search.recentCleared'));
      refetchRecent({ requestPolicy: 'network-only' });
    }
  }, [clearRecent, feedback, message, refetchRecent, t]);

  const options = useMemo<Options>(() => {
    if (query === '') {
      if (recentSearches.length === 0) {
        return [{ value: '@@none', disabled: true, label: <Typography.Text type="secondary">{t('search.noRecent')}</Typography.Text> }];
      }
      return [
        {
          label: (
            <div className={styles.groupLabel}>
              <span>{t('search.recent')}</span>
              <Typography.Link
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void onClearRecent()}
                data-testid="search-recent-clear"
              >
                {t('search.clearRecent')}
              </Typography.Link>
            </div>
          ),
          options: recentSearches.map((q, i) => ({
            value: `${RECENT}${i}`,
            label: (
              <span data-testid="search-recent">
                <ClockCircleOutlined style={{ marginRight: 8, opacity: 0.45 }} />
                {q}
              </span>
            ),
          })),
        },
      ];
    }
    // The first words are still being composed (IME): nothing has been asked yet.
    if (prefix === '') return [];
    const rows: Options = [];
    if (suggestions.failure) {
      rows.push({ value: '@@failure', disabled: true, label: <Typography.Text type="danger">{suggestions.failure.message}</Typography.Text> });
    } else if (suggestions.prefix === '' && suggestions.loading) {
      rows.push({ value: '@@loading', disabled: true, label: <Typography.Text type="secondary">{t('search.searching')}</Typography.Text> });
    } else if (suggestions.hits.length === 0 && !suggestions.loading) {
      rows.push({
        value: '@@empty',
        disabled: true,
        label: (
          <Typography.Text type="secondary" data-testid="search-no-suggestions">
            {t('search.noSuggestions', { query: suggestions.prefix })}
          </Typography.Text>
        ),
      });
    }
    for (const group of byKind(suggestions.hits)) {
      rows.push({
        label: <span data-testid={`search-group-${group.kind}`}>{t(`searchKind.${group.kind}`)}</span>,
        options: group.hits.map(({ hit, index }) => ({ value: `${HIT}${index}`, label: <SuggestionRow hit={hit} /> })),
      });
    }
    rows.push({
      value: ALL,
      label: (
        <span data-testid="search-all-results">
          <SearchOutlined style={{ marginRight: 8 }} />
          {t('search.allResults', { query })}
          <Typography.Text type="secondary" style={{ float: 'right' }}>
            <EnterOutlined />
          </Typography.Text>
        </span>
      ),
    });
    return rows;
  }, [query, prefix, recentSearches, suggestions, t, onClearRecent]);

  const onChoose = (value: string) => {
    picked.current = true;
    window.setTimeout(() => {
      picked.current = false;
    });
    if (value.startsWith(HIT)) {
      const hit = suggestions.hits[Number(value.slice(HIT.length))];
      if (hit) go(hit.url);
    } else if (value.startsWith(RECENT)) {
      const q = recentSearches[Number(value.slice(RECENT.length))];
      if (q) go(searchPath(q));
    } else if (value === ALL && query) {
      go(searchPath(query));
    }
  };

  // Called after the list had its say: an Enter that chose a row is done; any other opens the results page.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || composing.current) return;
    if (picked.current) {
      picked.current = false;
      return;
    }
    if (!query) return;
    event.preventDefault();
    go(searchPath(query));
  };

  const onType = (value: string) => {
    setText(value);
    setOpen(true);
    if (!composing.current) setPrefix(value.trim());
  };

  return (
    <AutoComplete
      ref={box}
      className={styles.box}
      value={text}
      options={options}
      open={open}
      onOpenChange={setOpen}
      onSearch={onType}
      onSelect={onChoose}
      onKeyDown={onKeyDown}
      onFocus={() => setOpen(true)}
      defaultActiveFirstOption={false}
      filterOption={false}
      popupMatchSelectWidth={480}
      listHeight={440}
      classNames={{ popup: { root: 'yecai-search-popup' } }}
    >
      <Input
        className={styles.boxInput}
        prefix={<SearchOutlined />}
        suffix={query === '' ? <Typography.Text keyboard>{SHORTCUT_KEYS}</Typography.Text> : <span />}
        placeholder={t('search.boxPlaceholder')}
        aria-label={t('search.boxLabel')}
        title={t('search.shortcut', { keys: SHORTCUT_KEYS })}
        data-testid="search-box"
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(event: CompositionEvent<HTMLInputElement>) => {
          composing.current = false;
          setPrefix(event.currentTarget.value.trim());
        }}
      />
    </AutoComplete>
  );
}
