import { lazy } from 'react';
import { CalendarOutlined, CheckSquareOutlined, ScheduleOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type MeetingsMessages } from './messages/zh-CN';
import en from './messages/en';

const MeetingCalendarPage = lazy(() => import('./MeetingCalendarPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const SeriesListPage = lazy(() => import('./SeriesListPage'));
const SeriesPage = lazy(() => import('./SeriesPage'));
const ActionItemsPage = lazy(() => import('./ActionItemsPage'));

const READ = ['MEETINGS_READ'] as const;

/** 协同: the meeting calendar, series (例会), the meeting page from agenda to approved minutes, 我的待办. */
export const meetingsFeature: Feature<MeetingsMessages> = defineFeature({
  domain: 'MEETINGS',
  permissions: ['MEETINGS_READ', 'MEETINGS_MANAGE', 'MEETINGS_APPROVE', 'MEETINGS_OVERSEE'],
  navGroups: [{ key: 'collaboration', label: 'nav.groupMeetings' }],
  routes: [
    {
      path: '/meetings',
      page: MeetingCalendarPage,
      anyOf: READ,
      nav: { key: 'meetingCalendar', icon: <CalendarOutlined />, label: 'nav.meetingCalendar', group: 'collaboration', homeLink: 'home.linkMeetingCalendar' },
    },
    { path: '/meetings/:id', page: MeetingPage, anyOf: READ },
    {
      path: '/meeting-series',
      page: SeriesListPage,
      anyOf: READ,
      nav: { key: 'meetingSeries', icon: <ScheduleOutlined />, label: 'nav.meetingSeries', group: 'collaboration' },
    },
    { path: '/meeting-series/:id', page: SeriesPage, anyOf: READ },
    {
      path: '/action-items',
      page: ActionItemsPage,
      anyOf: READ,
      nav: { key: 'actionItems', icon: <CheckSquareOutlined />, label: 'nav.actionItems', group: 'collaboration', homeLink: 'home.linkActionItems' },
    },
  ],
  messages: { 'zh-CN': zhCN, en },
});
