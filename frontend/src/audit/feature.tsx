import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type AuditMessages } from './messages/zh-CN';
import en from './messages/en';

const AuditPage = lazy(() => import('./AuditPage'));

/** 审计日志: the hash-chained trail, filtered by action, subject, actor and time. */
export const auditFeature: Feature<AuditMessages> = defineFeature({
  domain: 'AUDIT',
  permissions: ['AUDIT_READ', 'ORG_READ'],
  routes: [
    {
      path: '/audit',
      page: AuditPage,
      anyOf: ['AUDIT_READ'],
      nav: { key: 'audit', icon: <AuditOutlined />, label: 'nav.audit', group: 'system', homeLink: 'home.linkAudit' },
    },
  ],
  messages: { 'zh-CN': zhCN, en },
});
