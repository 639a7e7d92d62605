import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  KeyOutlined,
  SafetyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { PERMISSIONS } from '../auth/permissions';

export interface NavEntry {
  key: 'home' | 'users' | 'departments' | 'roles' | 'tokens' | 'audit';
  path: string;
  icon: ReactNode;
  label: `nav.${NavEntry['key']}`;
  description: 'home.linkUsers' | 'home.linkDepartments' | 'home.linkRoles' | 'home.linkTokens' | 'home.linkAudit' | null;
  /** The viewer needs one of these to see the entry; empty means everyone signed in. */
  anyOf: readonly string[];
  group: 'main' | 'org' | 'system';
}

// Mirrors the contract's navigation table; the routes use the same lists.
export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: 'home', path: '/', icon: <HomeOutlined />, label: 'nav.home', description: null, anyOf: [], group: 'main' },
  {
    key: 'users',
    path: '/users',
    icon: <TeamOutlined />,
    label: 'nav.users',
    description: 'home.linkUsers',
    anyOf: [PERMISSIONS.orgRead],
    group: 'org',
  },
  {
    key: 'departments',
    path: '/departments',
    icon: <ApartmentOutlined />,
    label: 'nav.departments',
    description: 'home.linkDepartments',
    anyOf: [PERMISSIONS.orgRead],
    group: 'org',
  },
  {
    key: 'roles',
    path: '/roles',
    icon: <SafetyOutlined />,
    label: 'nav.roles',
    description: 'home.linkRoles',
    anyOf: [PERMISSIONS.authManageRoles],
    group: 'org',
  },
  {
    key: 'tokens',
    path: '/tokens',
    icon: <KeyOutlined />,
    label: 'nav.tokens',
    description: 'home.linkTokens',
    anyOf: [PERMISSIONS.authUseApiTokens],
    group: 'system',
  },
  {
    key: 'audit',
    path: '/audit',
    icon: <AuditOutlined />,
    label: 'nav.audit',
    description: 'home.linkAudit',
    anyOf: [PERMISSIONS.auditRead],
    group: 'system',
  },
];

export function navEntry(key: NavEntry['key']): NavEntry {
  const entry = NAV_ENTRIES.find((e) => e.key === key);
  if (!entry) throw new Error(`unknown nav entry ${key}`);
  return entry;
}
