import type { ReactNode } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { FEATURES } from '../features';
import type { NavGroup as NavGroupSpec } from '../app/feature';
import type { PermissionCode } from '../app/permissions';

/** A sider entry: a feature route's `nav`, with the route's path and permissions. */
export interface NavEntry {
  key: string;
  path: string;
  icon: ReactNode;
  label: ParseKeys;
  /** The home page shows the entry as a quick link with this description. */
  homeLink: ParseKeys | null;
  /** The viewer needs one of these to see the entry (and to open its page); [] = everyone signed in. */
  anyOf: readonly PermissionCode[];
  group: string;
}

export interface NavGroup {
  key: string;
  label: ParseKeys | null;
}

// The shell's own entry and groups: 首页 on top, untitled, and 系统 for what belongs to no
// business area (API tokens, the audit trail).
const HOME: NavEntry = { key: 'home', path: '/', icon: <HomeOutlined />, label: 'nav.home', homeLink: null, anyOf: [], group: 'main' };
const SHELL_GROUPS: readonly NavGroupSpec<ParseKeys>[] = [
  { key: 'main', label: null },
  { key: 'system', label: 'nav.groupSystem' },
];

// Feature labels are keys of the feature's own messages (checked by defineFeature), and
// every feature's messages are part of the resources: they are keys of the app.
const asKey = (key: string) => key as ParseKeys;

/** Every entry in menu order: home, then each feature's in the order of FEATURES. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  HOME,
  ...FEATURES.flatMap((feature) =>
    feature.routes.flatMap(({ path, anyOf, nav }) =>
      nav
        ? [{ key: nav.key, path, icon: nav.icon, label: asKey(nav.label), homeLink: nav.homeLink ? asKey(nav.homeLink) : null, anyOf, group: nav.group }]
        : [],
    ),
  ),
];

const declaredGroups = new Map<string, NavGroup>(
  [...SHELL_GROUPS, ...FEATURES.flatMap((f) => f.navGroups)].map((g) => [g.key, { key: g.key, label: g.label === null ? null : asKey(g.label) }]),
);

/** The sider's groups in the order their first entry appears. */
export const NAV_GROUPS: readonly NavGroup[] = [...new Set(NAV_ENTRIES.map((e) => e.group))].map((key) => {
  const group = declaredGroups.get(key);
  if (!group) throw new Error(`nav group "${key}" is declared by no feature`);
  return group;
});

for (const [what, values] of [
  ['nav entry', NAV_ENTRIES.map((e) => e.key)],
  ['route', FEATURES.flatMap((f) => f.routes.map((r) => r.path))],
  ['nav group', [...SHELL_GROUPS, ...FEATURES.flatMap((f) => f.navGroups)].map((g) => g.key)],
] as const) {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new Error(`${what} "${value}" is declared twice`);
    seen.add(value);
  }
}

/** The entry whose page is showing: the first path segment decides ('/vouchers/12' → vouchers). */
export function selectedNavKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return NAV_ENTRIES.find((e) => e.path === `/${first}`)?.key ?? '';
}
