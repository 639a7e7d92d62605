import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Divider, Empty, Flex, Form, Input, List, Result, Row, Segmented, Space, Tag, Typography } from 'antd';
import { ApartmentOutlined, CalendarOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import type { Dayjs } from 'dayjs';
import type { SearchHitFieldsFragment, SearchKind, SearchSort } from '../gql/graphql';
import { PageHeader } from '../layout/PageHeader';
import { dayjs } from '../i18n/time';
import { RememberSearchMutation } from './operations';
import { useSearchResults, type Facets } from './useSearchResults';
import { hasFilters, NO_DEPARTMENT, readSearchState, searchStateParams, type SearchState } from './searchState';
import { SEARCH_KINDS, kindColor } from './kinds';
import { Highlighted } from './Highlighted';
import type { SearchFailure } from './failure';
import styles from './search.module.css';

/** The label of each argument the server may refuse, as the page names it. */
const FIELD_LABELS: Record<string, ParseKeys> = {
  query: 'search.query',
  kinds: 'search.kinds',
  departments: 'search.departments',
  from: 'search.from',
  to: 'search.to',
  sort: 'search.sort',
  after: 'search.page',
};

function FacetLabel({ label, count, testId }: { label: ReactNode; count: number | undefined; testId: string }) {
  return (
    <span data-testid={testId}>
      {label}
      <Typography.Text type="secondary" className={styles.facetCount}>
        ({count ?? 0})
      </Typography.Text>
    </span>
  );
}

function FilterSection({ title, error, children }: { title: string; error: string | null; children: ReactNode }) {
  return (
    <Form.Item label={title} validateStatus={error ? 'error' : undefined} help={error ?? undefined} style={{ marginBottom: 16 }}>
      {children}
    </Form.Item>
  );
}

function KindFilter({ facets, value, onChange }: { facets: Facets | null; value: SearchKind[]; onChange: (kinds: SearchKind[]) => void }) {
  const { t } = useTranslation();
  const counts = new Map(facets?.kinds.map((k) => [k.kind, k.count]) ?? []);
  // The kinds found, and the chosen ones even when this query finds none of them.
  const shown = SEARCH_KINDS.filter((k) => counts.has(k) || value.includes(k));
  if (shown.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Checkbox.Group<SearchKind> value={value} onChange={onChange} data-testid="search-filter-kinds">
      <Flex vertical gap={6}>
        {shown.map((kind) => (
          <Checkbox key={kind} value={kind}>
            <FacetLabel label={t(`searchKind.${kind}`)} count={counts.get(kind)} testId={`search-facet-kind-${kind}`} />
          </Checkbox>
        ))}
      </Flex>
    </Checkbox.Group>
  );
}

function DepartmentFilter({
  facets,
  value,
  onChange,
}: {
  facets: Facets | null;
  value: (string | null)[];
  onChange: (departments: (string | null)[]) => void;
}) {
  const { t } = useTranslation();
  const facetDepartments = facets?.departments ?? [];
  const entries = facetDepartments.map((d) => ({ key: d.department?.id ?? NO_DEPARTMENT, name: d.department?.name ?? t('search.noDepartment'), count: d.count }));
  const chosen = value.map((d) => d ?? NO_DEPARTMENT);
  for (const key of chosen) {
    if (!entries.some((e) => e.key === key)) {
      entries.push({ key, name: key === NO_DEPARTMENT ? t('search.noDepartment') : t('search.unknownDepartment'), count: 0 });
    }
  }
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Checkbox.Group<string> value={chosen} onChange={(keys) => onChange(keys.map((k) => (k === NO_DEPARTMENT ? null : k)))} data-testid="search-filter-departments">
      <Flex vertical gap={6}>
        {entries.map((e) => (
          <Checkbox key={e.key} value={e.key}>
            <FacetLabel label={e.name} count={e.count} testId={`search-facet-department-${e.key}`} />
          </Checkbox>
        ))}
      </Flex>
    </Checkbox.Group>
  );
}

function ResultItem({ hit }: { hit: SearchHitFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <List.Item className={styles.result} data-testid="search-result" data-kind={hit.kind}>
      <div style={{ minWidth: 0 }}>
        <Space size={8} align="center">
          <Tag color={kindColor(hit.kind)} data-testid="search-result-kind">
            {t(`searchKind.${hit.kind}`)}
          </Tag>
          <Link to={hit.url} className={styles.resultTitle} data-testid="search-result-title">
            <Highlighted fragments={hit.title} />
          </Link>
        </Space>
        {hit.snippet.length > 0 && (
          <Typography.Text type="secondary" className={styles.resultSnippet} data-testid="search-result-snippet">
            <Highlighted fragments={hit.snippet} />
          </Typography.Text>
        )}
        {(hit.department || hit.date) && (
          <Space size={0} split={<Divider type="vertical" />} style={{ marginTop: 6, fontSize: 12 }}>
            {hit.department && (
              <Typography.Text type="secondary" data-testid="search-result-department">
                <ApartmentOutlined /> {hit.department.name}
              </Typography.Text>
            )}
            {hit.date && (
              <Typography.Text type="secondary" data-testid="search-result-date">
                <CalendarOutlined /> {hit.date}
              </Typography.Text>
            )}
          </Space>
        )}
      </div>
    </List.Item>
  );
}

/** 搜索结果: the query, filters with their counts, sorting and the hits; all of it in the address. */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearchState(params), [params]);
  const [draft, setDraft] = useState(state.q);
  // Each search made from the page, so searching the same words again runs (and is remembered) again.
  const [run, setRun] = useState(0);
  const results = useSearchResults(state, run);
  const [, rememberSearch] = useMutation(RememberSearchMutation);

  useEffect(() => setDraft(state.q), [state.q]);

  // A search made here joins the viewer's recent searches (and, when it finds nothing, the admins' list).
  useEffect(() => {
    const q = state.q.trim();
    if (q) void rememberSearch({ input: { query: q } });
  }, [state.q, run, rememberSearch]);

  const change = (patch: Partial<SearchState>, replace = true) => setParams(searchStateParams({ ...state, ...patch }), { replace });

  const submit = (value: string) => {
    const q = value.trim();
    if (!q) return;
    if (q === state.q) setRun((n) => n + 1);
    else change({ q }, false);
  };

  const failure: SearchFailure | null = results.failure;
  const refused = failure?.code === 'INVALID_INPUT' && failure.field ? failure.field : null;
  const fieldLabel = refused ? FIELD_LABELS[refused] : undefined;
  const labelled = failure ? (fieldLabel ? t('search.fieldError', { field: t(fieldLabel), message: failure.message }) : failure.message || t('search.failed')) : null;
  const errorOn = (...fields: string[]) => (refused && fields.includes(refused) ? labelled : null);
  const range: [Dayjs | null, Dayjs | null] | null =
    state.from || state.to ? [state.from ? dayjs(state.from, 'YYYY-MM-DD') : null, state.to ? dayjs(state.to, 'YYYY-MM-DD') : null] : null;

  let body: ReactNode;
  if (!state.q.trim()) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.prompt')} data-testid="search-prompt" />;
  } else if (failure?.code === 'SEARCH_UNAVAILABLE') {
    body = (
      <Result
        status="warning"
        title={t('search.unavailable')}
        subTitle={failure.message}
        extra={<Button onClick={() => setRun((n) => n + 1)}>{t('common.retry')}</Button>}
        data-testid="search-unavailable"
      />
    );
  } else if (failure) {
    body = (
      <Alert
        type="error"
        showIcon
        message={t('search.failed')}
        description={failure.network ? t('common.networkError') : labelled}
        action={
          refused ? undefined : (
            <Button size="small" onClick={() => setRun((n) => n + 1)}>
              {t('common.retry')}
            </Button>
          )
        }
        data-testid="search-error"
      />
    );
  } else if (!results.loading && results.totalCount === 0) {
    body = (
      <Empty
        description={
          <Space direction="vertical" size={4}>
            <span data-testid="search-empty">{t(hasFilters(state) ? 'search.emptyFiltered' : 'search.empty', { query: state.q })}</span>
            <Typography.Text type="secondary">{t('search.emptyHint')}</Typography.Text>
          </Space>
        }
      >
        {hasFilters(state) && <Button onClick={() => change({ kinds: [], departments: [], from: null, to: null })}>{t('search.clearFilters')}</Button>}
      </Empty>
    );
  } else {
    body = (
      <>
        <List<SearchHitFieldsFragment>
          loading={results.loading}
          dataSource={results.hits}
          // Several hits may open one page (a meeting's minutes, decisions and action items): keyed by object.
          rowKey={(hit) => hit.object?.id ?? `${hit.kind}:${hit.url}`}
          renderItem={(hit) => <ResultItem hit={hit} />}
          data-testid="search-results"
        />
        {results.totalCount !== null && results.hits.length > 0 && (
          <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
            <Typography.Text type="secondary" data-testid="search-shown">
              {t('search.shown', { shown: results.hits.length, total: results.totalCount })}
            </Typography.Text>
            {results.hasMore && (
              <Button onClick={results.loadMore} loading={results.loadingMore} data-testid="search-load-more">
                {t('search.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('search.title')} subtitle={t('search.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item
            label={t('search.query')}
            validateStatus={errorOn('query') ? 'error' : undefined}
            help={errorOn('query') ?? undefined}
            style={{ marginBottom: 0 }}
          >
            <Input.Search
              size="large"
              allowClear
              enterButton={t('search.submit')}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onSearch={submit}
              maxLength={100}
              placeholder={t('search.queryPlaceholder')}
              style={{ maxWidth: 720 }}
              data-testid="search-query"
            />
          </Form.Item>
        </Form>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6}>
          <Card
            title={t('search.filters')}
            size="small"
            extra={
              hasFilters(state) && (
                <Typography.Link onClick={() => change({ kinds: [], departments: [], from: null, to: null })} data-testid="search-clear-filters">
                  {t('search.clearFilters')}
                </Typography.Link>
              )
            }
          >
            <Form layout="vertical" component="div">
              <FilterSection title={t('search.kinds')} error={errorOn('kinds')}>
                <KindFilter facets={results.facets} value={state.kinds} onChange={(kinds) => change({ kinds })} />
              </FilterSection>
              <FilterSection title={t('search.departments')} error={errorOn('departments')}>
                <DepartmentFilter facets={results.facets} value={state.departments} onChange={(departments) => change({ departments })} />
              </FilterSection>
              <FilterSection title={t('search.dateRange')} error={errorOn('from', 'to')}>
                <DatePicker.RangePicker
                  allowEmpty={[true, true]}
                  value={range}
                  placeholder={[t('search.from'), t('search.to')]}
                  onChange={(dates) =>
                    change({ from: dates?.[0]?.format('YYYY-MM-DD') ?? null, to: dates?.[1]?.format('YYYY-MM-DD') ?? null })
                  }
                  style={{ width: '100%' }}
                  data-testid="search-filter-dates"
                />
              </FilterSection>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card
            title={
              <span data-testid="search-total">
                {results.totalCount === null || !state.q.trim() ? t('search.title') : t('search.total', { count: results.totalCount })}
              </span>
            }
            extra={
              <Space>
                <Typography.Text type="secondary">{t('search.sort')}</Typography.Text>
                <Segmented<SearchSort>
                  value={state.sort}
                  onChange={(sort) => change({ sort })}
                  options={[
                    { value: 'RELEVANCE', label: t('search.sortRelevance') },
                    { value: 'DATE', label: t('search.sortDate') },
                  ]}
                  data-testid="search-sort"
                />
              </Space>
            }
          >
            {body}
          </Card>
        </Col>
      </Row>
    </>
  );
}
