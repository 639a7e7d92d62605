import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CourseState, EnrollmentState } from '../gql/graphql';

export const coursePath = (id: string) => `/learning/courses/${encodeURIComponent(id)}`;

export function CourseStateTag({ state }: { state: CourseState }) {
  const { t } = useTranslation();
  const color = state === 'PUBLISHED' ? 'green' : state === 'ARCHIVED' ? 'default' : 'gold';
  return (
    <Tag color={color} data-testid="course-state">
      {t(`courseState.${state}`)}
    </Tag>
  );
}

export function EnrollmentStateTag({ state, overdue }: { state: EnrollmentState; overdue?: boolean }) {
  const { t } = useTranslation();
  if (overdue) return <Tag color="red">{t('learning.overdue')}</Tag>;
  return (
    <Tag color={state === 'COMPLETED' ? 'green' : 'blue'} data-testid="enrollment-state">
      {t(`enrollmentState.${state}`)}
    </Tag>
  );
}

export function LessonProgress({ done, total }: { done: number; total: number }) {
  return <Progress percent={total ? Math.round((done * 100) / total) : 0} size="small" format={() => `${done}/${total}`} />;
}
