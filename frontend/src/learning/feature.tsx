import { lazy } from 'react';
import { BarChartOutlined, BookOutlined, EditOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type LearningMessages } from './messages/zh-CN';
import en from './messages/en';

const MyLearningPage = lazy(() => import('./MyLearningPage'));
const CoursePage = lazy(() => import('./CoursePage'));
const CourseAdminPage = lazy(() => import('./CourseAdminPage'));
const LearningFiguresPage = lazy(() => import('./LearningFiguresPage'));

/** 培训学习: 我的学习 (assigned, in progress, done, the catalogue, paths), the course reader and quiz, 课程管理, 学习统计. */
export const learningFeature: Feature<LearningMessages> = defineFeature({
  domain: 'LEARNING',
  permissions: ['LEARNING_READ', 'LEARNING_AUTHOR', 'LEARNING_MANAGE', 'LEARNING_EVALUATE'],
  navGroups: [{ key: 'learning', label: 'nav.groupLearning' }],
  routes: [
    {
      path: '/learning',
      page: MyLearningPage,
      anyOf: ['LEARNING_READ'],
      nav: { key: 'myLearning', icon: <BookOutlined />, label: 'nav.myLearning', group: 'learning', homeLink: 'home.linkMyLearning' },
    },
    { path: '/learning/courses/:id', page: CoursePage, anyOf: ['LEARNING_READ', 'LEARNING_AUTHOR'] },
    {
      path: '/learning/admin',
      page: CourseAdminPage,
      anyOf: ['LEARNING_AUTHOR', 'LEARNING_MANAGE'],
      nav: { key: 'courseAdmin', icon: <EditOutlined />, label: 'nav.courseAdmin', group: 'learning' },
    },
    {
      path: '/learning/figures',
      page: LearningFiguresPage,
      anyOf: ['LEARNING_EVALUATE', 'LEARNING_MANAGE'],
      nav: { key: 'learningFigures', icon: <BarChartOutlined />, label: 'nav.learningFigures', group: 'learning' },
    },
  ],
  messages: { 'zh-CN': zhCN, en },
});
