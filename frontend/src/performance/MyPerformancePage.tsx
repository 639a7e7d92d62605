import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useConnectionQuery } from '../graphql/pagination';
import { ScorecardsQuery } from './operations';
import { ScorecardView } from './ScorecardView';

/** 我的绩效: the viewer's scorecards, latest cycle first, with the formula and records behind each automatic score. */
export default function MyPerformancePage() {
  const { t } = useTranslation();
  const list = useConnectionQuery({ query: ScorecardsQuery, variables: { first: 20, mine: true }, connectionOf: (d) => d.scorecards });
  const cards = list.table.connection?.edges.map((e) => e.node) ?? [];
  return (
    <>
      <PageHeader title={t('nav.myPerformance')} subtitle={t('performance.myHint')} />
      {cards.length === 0 && !list.table.loading && <Empty description={t('performance.nothing')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {cards.map((c) => (
          <Card
            key={c.id}
            size="small"
            data-testid="my-scorecard"
            title={
              <Space>
                <span>{c.cycle?.name}</span>
                {c.cycle && <Tag>{t(`cycleState.${c.cycle.state}`)}</Tag>}
              </Space>
            }
            extra={
              c.grade ? (
                <Space>
                  <span>
                    {t('performance.finalScore')} <strong data-testid="my-score">{c.finalScore}</strong>
                  </span>
                  <Tag color="blue" data-testid="my-grade">
                    {c.grade}
                  </Tag>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('performance.hiddenUntilPublished')}</Typography.Text>
              )
            }
          >
            <ScorecardView card={c} onChanged={list.reload} />
          </Card>
        ))}
      </Space>
    </>
  );
}
