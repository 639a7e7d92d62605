import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Divider, Form, Input, Space, Tag, Typography } from 'antd';
import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AuthConfigQuery, LoginMutation } from './session';
import { useViewerContext } from './viewer';
import { useResetClient } from '../graphql/client';
import { describeCombinedError, isDomainError } from '../graphql/errors';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { NAV_GROUPS } from '../layout/nav';
import styles from './LoginPage.module.css';

interface LoginForm {
  username: string;
  password: string;
}

// The demo seed names each account after its built-in role.
const DEMO_ACCOUNTS = ['admin', 'finance', 'business', 'hr', 'manager', 'staff', 'auditor'] as const;
const DEMO_PASSWORD = 'Yecai@2026';

// What the portal covers, from the menu's titled groups (业务单据 · 账簿 · …), three to a line.
const TITLES = NAV_GROUPS.flatMap((g) => (g.label === null ? [] : [g.label]));
const POINTS = Array.from({ length: Math.ceil(TITLES.length / 3) }, (_, i) => TITLES.slice(i * 3, i * 3 + 3));

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { viewer, reload } = useViewerContext();
  const resetClient = useResetClient();
  const [{ data: config }] = useQuery({ query: AuthConfigQuery });
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (viewer) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginForm) => {
    setError(null);
    const outcome = await login({ username: values.username.trim(), password: values.password });
    if (outcome.error) {
      setError(describeCombinedError(outcome.error, t('common.networkError')));
      return;
    }
    const result = outcome.data?.login;
    if (!result) {
      setError(t('login.failed'));
      return;
    }
    if (isDomainError(result)) {
      setError(result.message);
      return;
    }
    // A new client so nothing cached for an earlier session leaks into this one.
    const fresh = resetClient();
    await reload(fresh);
    navigate(next, { replace: true });
  };

  const authConfig = config?.authConfig;

  return (
    <div className={styles.page}>
      <div className={styles.brand}>
        <div className={styles.brandInner}>
          <div className={styles.logo}>
            <span className={styles.logoMark}>业</span>
            <span>{t('app.name')}</span>
          </div>
          <Typography.Title level={2} className={styles.tagline}>
            {t('app.tagline')}
          </Typography.Title>
          <ul className={styles.points}>
            {POINTS.map((line) => (
              <li key={line.join()}>{line.map((label) => t(label)).join(' · ')}</li>
            ))}
          </ul>
        </div>
        <div className={styles.brandFooter}>{t('login.footer')}</div>
      </div>
      <div className={styles.formSide}>
        <div className={styles.topRight}>
          <LanguageSwitch />
        </div>
        <Card className={styles.card} variant="borderless">
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('login.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          {error && (
            <Alert
              data-testid="login-error"
              type="error"
              showIcon
              message={error}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<LoginForm> form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={fetching} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          {authConfig?.oidcEnabled && authConfig.oidcLoginUrl && (
            <>
              <Divider plain>{t('login.or')}</Divider>
              <Button
                block
                size="large"
                icon={<SafetyCertificateOutlined />}
                href={authConfig.oidcLoginUrl}
                data-testid="login-sso"
              >
                {t('login.sso')}
              </Button>
            </>
          )}
          {authConfig?.demo && (
            <Alert
              className={styles.demo}
              type="info"
              data-testid="login-demo-hint"
              message={t('login.demoTitle')}
              description={
                <>
                  <div>{t('login.demoHint', { password: DEMO_PASSWORD })}</div>
                  <Space size={[4, 8]} wrap style={{ marginTop: 8 }}>
                    {DEMO_ACCOUNTS.map((username) => (
                      <Tag
                        key={username}
                        color="blue"
                        style={{ cursor: 'pointer' }}
                        onClick={() => form.setFieldsValue({ username, password: DEMO_PASSWORD })}
                      >
                        {username} · {t(`login.demoRoles.${username}`)}
                      </Tag>
                    ))}
                  </Space>
                </>
              }
            />
          )}
        </Card>
      </div>
    </div>
  );
}
