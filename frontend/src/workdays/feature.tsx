import { lazy } from 'react';
import { CalendarOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type WorkdaysMessages } from './messages/zh-CN';
import en from './messages/en';

const WorkCalendarPage = lazy(() => import('./WorkCalendarPage'));

/**
 * 工作日历: public holidays and make-up working days (调休), seeded from the built-in calendar;
 * admins mark and clear days. Everyone's deadlines in working days are counted on it.
 */
export const workdaysFeature: Feature<WorkdaysMessages> = defineFeature({
  domain: 'WORKDAYS',
  permissions: ['WORKDAYS_MANAGE'],
  routes: [
    {
      path: '/work-calendar',
      page: WorkCalendarPage,
      anyOf: ['WORKDAYS_MANAGE'],
      nav: { key: 'workCalendar', icon: <CalendarOutlined />, label: 'nav.workCalendar', group: 'system', homeLink: 'home.linkWorkCalendar' },
    },
  ],
  messages: { 'zh-CN': zhCN, en },
});
