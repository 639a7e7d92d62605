import { lazy } from 'react';
import { SolutionOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type PerformanceMessages } from './messages/zh-CN';
import en from './messages/en';

const CyclesPage = lazy(() => import('./CyclesPage'));
const CyclePage = lazy(() => import('./CyclePage'));
const MyPerformancePage = lazy(() => import('./MyPerformancePage'));

const READ = ['PERFORMANCE_READ'] as const;

/** 绩效: evaluation cycles (HR runs them, managers assess their people) and everyone's own scorecards. */
export const performanceFeature: Feature<PerformanceMessages> = defineFeature({
  domain: 'PERFORMANCE',
  permissions: ['PERFORMANCE_READ', 'PERFORMANCE_ASSESS', 'PERFORMANCE_MANAGE'],
  navGroups: [{ key: 'people', label: 'nav.groupPeople' }],
  routes: [
    {
      path: '/performance/mine',
      page: MyPerformancePage,
      anyOf: READ,
      nav: { key: 'myPerformance', icon: <TrophyOutlined />, label: 'nav.myPerformance', group: 'people', homeLink: 'home.linkMyPerformance' },
    },
    {
      path: '/performance/cycles',
      page: CyclesPage,
      anyOf: ['PERFORMANCE_MANAGE', 'PERFORMANCE_ASSESS'],
      nav: { key: 'evaluationCycles', icon: <SolutionOutlined />, label: 'nav.evaluationCycles', group: 'people' },
    },
    { path: '/performance/cycles/:id', page: CyclePage, anyOf: READ },
  ],
  messages: { 'zh-CN': zhCN, en },
});
