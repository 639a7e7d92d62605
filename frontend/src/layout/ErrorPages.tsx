import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A full-page error with the way back home. */
function ErrorPage({ status, title, detail }: { status: '403' | '404'; title: string; detail: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={title}
      subTitle={detail}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <ErrorPage status="403" title={t('errors.forbiddenTitle')} detail={t('errors.forbidden')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <ErrorPage status="404" title={t('errors.notFoundTitle')} detail={t('errors.notFound')} />;
}
