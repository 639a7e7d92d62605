import { lazy } from 'react';
import { NodeIndexOutlined, ReconciliationOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type PostingMessages } from './messages/zh-CN';
import en from './messages/en';

const PostingRulesPage = lazy(() => import('./PostingRulesPage'));
const PostingRuleDetailPage = lazy(() => import('./PostingRuleDetailPage'));
const ReconciliationPage = lazy(() => import('./ReconciliationPage'));

const RULES = ['POSTING_READ'] as const;

/** 记账规则 (versions, editor, preview, replay) and 对账, which reads the books. */
export const postingFeature: Feature<PostingMessages> = defineFeature({
  domain: 'POSTING',
  permissions: ['POSTING_READ', 'POSTING_MANAGE_RULES', 'LEDGER_READ'],
  navGroups: [{ key: 'posting', label: 'nav.groupPosting' }],
  routes: [
    {
      path: '/posting-rules',
      page: PostingRulesPage,
      anyOf: RULES,
      nav: { key: 'postingRules', icon: <NodeIndexOutlined />, label: 'nav.postingRules', group: 'posting', homeLink: 'home.linkPostingRules' },
    },
    { path: '/posting-rules/:id', page: PostingRuleDetailPage, anyOf: RULES },
    {
      path: '/reconciliation',
      page: ReconciliationPage,
      anyOf: ['LEDGER_READ'],
      nav: { key: 'reconciliation', icon: <ReconciliationOutlined />, label: 'nav.reconciliation', group: 'posting', homeLink: 'home.linkReconciliation' },
    },
  ],
  messages: { 'zh-CN': zhCN, en },
});
