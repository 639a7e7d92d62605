import { Link } from 'react-router';
import { Avatar, Card, Col, Descriptions, Empty, Flex, Row, Space, Tag, Typography, theme } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../app/viewer';
import { hasAnyPermission } from '../app/permissions';
import { NAV_ENTRIES } from '../layout/nav';
import { formatDateTime, nowInShanghai } from '../i18n/time';

function greetingKey(hour: number): 'home.morning' | 'home.afternoon' | 'home.evening' {
  if (hour < 12) return 'home.morning';
  if (hour < 18) return 'home.afternoon';
  return 'home.evening';
}

export default function HomePage() {
  const viewer = useViewer();
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = nowInShanghai();
  const links = NAV_ENTRIES.filter((e) => e.homeLink !== null && hasAnyPermission(viewer, e.anyOf));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        variant="borderless"
        style={{ background: `linear-gradient(120deg, ${token.colorPrimary} 0%, #13a8a8 100%)` }}
        styles={{ body: { padding: '28px 32px' } }}
      >
        <Space size={20} align="center">
          <Avatar size={56} style={{ background: 'rgba(255,255,255,0.2)', fontSize: 24 }}>
            {viewer.displayName.slice(0, 1)}
          </Avatar>
          <div>
            <Typography.Title level={3} style={{ color: '#fff', margin: 0 }} data-testid="home-greeting">
              {t('home.greeting', { greeting: t(greetingKey(now.hour())), name: viewer.displayName })}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>
              {t('home.today', { date: now.format('LL dddd') })}
            </Typography.Text>
          </div>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card title={t('home.profile')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('home.username')}>
                <Typography.Text code>{viewer.username}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.department')}>
                <span data-testid="home-department">{viewer.department?.name ?? t('header.noDepartment')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.roles')}>
                <Space size={[4, 4]} wrap data-testid="home-roles">
                  {viewer.user.roles.length === 0
                    ? t('home.noRoles')
                    : viewer.user.roles.map((role) => (
                        <Tag key={role.id} color="blue">
                          {role.name}
                        </Tag>
                      ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.lastLogin')}>
                {formatDateTime(viewer.user.lastLoginAt, t('common.never'))}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card title={t('home.quickLinks')} style={{ height: '100%' }}>
            {links.length === 0 ? (
              <Empty />
            ) : (
              <Row gutter={[12, 12]}>
                {links.map((entry) => (
                  <Col xs={24} sm={12} key={entry.key}>
                    <Link to={entry.path} data-testid={`quick-${entry.key}`}>
                      <Card hoverable size="small">
                        <Flex align="center" gap={12}>
                          <span style={{ fontSize: 22, color: token.colorPrimary }}>{entry.icon}</span>
                          <div style={{ flex: 1, minWidth: 0 }}>
                            <Typography.Text strong>{t(entry.label)}</Typography.Text>
                            <br />
                            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                              {entry.homeLink && t(entry.homeLink)}
                            </Typography.Text>
                          </div>
                          <RightOutlined style={{ color: token.colorTextQuaternary }} />
                        </Flex>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
