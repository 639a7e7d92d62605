import { lazy } from 'react';
import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type OrgMessages } from './messages/zh-CN';
import en from './messages/en';

const UsersPage = lazy(() => import('./UsersPage'));
const DepartmentsPage = lazy(() => import('./DepartmentsPage'));

const READ = ['ORG_READ'] as const;

/** 组织: users and departments. */
export const orgFeature: Feature<OrgMessages> = defineFeature({
  domain: 'ORG',
  permissions: ['ORG_READ', 'ORG_MANAGE_USERS', 'ORG_MANAGE_DEPARTMENTS', 'AUTH_MANAGE_ROLES'],
  navGroups: [{ key: 'org', label: 'nav.groupOrg' }],
  routes: [
    {
      path: '/users',
      page: UsersPage,
      anyOf: READ,
      nav: { key: 'users', icon: <TeamOutlined />, label: 'nav.users', group: 'org', homeLink: 'home.linkUsers' },
    },
    {
      path: '/departments',
      page: DepartmentsPage,
      anyOf: READ,
      nav: { key: 'departments', icon: <ApartmentOutlined />, label: 'nav.departments', group: 'org', homeLink: 'home.linkDepartments' },
    },
  ],
  messages: { 'zh-CN': zhCN, en },
});
