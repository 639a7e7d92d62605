import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicationState, Timeliness } from '../gql/graphql';

export const publicationPath = (id: string) => `/sharing/publications/${encodeURIComponent(id)}`;

const STATE_COLOR: Record<string, string> = { DUE: 'processing', PUBLISHED: 'success', MISSED: 'error' };

/** 待发布 / 已发布（按时、逾期）/ 缺报. */
export function PublicationStateTag({ state, timeliness }: { state: PublicationState; timeliness?: Timeliness | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={STATE_COLOR[state]} data-testid="publication-state">
        {t(`publicationState.${state}`)}
      </Tag>
      {timeliness && <Tag color={timeliness === 'ON_TIME' ? 'green' : 'orange'}>{t(`timeliness.${timeliness}`)}</Tag>}
    </>
  );
}
