import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Domain } from '../gql/graphql';
import type { PermissionCode } from './permissions';

/**
 * A feature is one backend domain's part of the web app, declared once in
 * `src/<domain>/feature.tsx` and named once in `src/features.ts`. The shell loops over the
 * list: routes and their guards (App.tsx), the sider and its groups (layout/nav.tsx), the
 * home page's quick links, the header's widgets (layout/AppLayout.tsx) and the i18next
 * resources (i18n/index.ts).
 */
export interface Feature<M extends MessageTree = MessageTree> {
  /** The backend domain the feature mirrors (its folder is `src/<domain in lowercase>/`). */
  domain: Domain;
  /** Every permission the feature's pages check: its routes' and its buttons'. */
  permissions: readonly PermissionCode[];
  /** Sider groups the feature introduces; its entries (or another feature's) name them by key. */
  navGroups: readonly NavGroup[];
  routes: readonly FeatureRoute[];
  /** Pages anyone may open without signing in (a certificate's verification page), outside the app's layout. */
  publicRoutes?: readonly PublicRoute[];
  /** What the feature shows in the header of every page (the search box), its own chunk like a page. */
  header?: LazyExoticComponent<ComponentType>;
  /** What it shows at the header's end, beside the language and the user menu (the notification bell). */
  headerEnd?: LazyExoticComponent<ComponentType>;
  /** zh-CN is the source of the keys; en has exactly the same ones. */
  messages: FeatureMessages<M>;
}

/** A page of the app, behind the permissions it needs, optionally with its menu entry. */
export interface FeatureRoute<K extends string = string, P extends PermissionCode = PermissionCode> {
  /** As in the address bar: '/vouchers/:id'. */
  path: string;
  /** Each page is its own chunk: `lazy(() => import('./VouchersPage'))`. */
  page: LazyExoticComponent<ComponentType>;
  /**
   * The viewer needs one of these to open the page; [] means anyone signed in. The route
   * guard and the menu entry both read this list, so it is declared once.
   */
  anyOf: readonly P[];
  /** The sider entry that opens this page (its path and permissions are the route's). */
  nav?: NavItem<K>;
}

/** A page outside the sign-in: no layout, no permissions; it must show nothing a visitor may not see. */
export interface PublicRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
}

export interface NavItem<K extends string = string> {
  /** Stable: the `nav-<key>` and `quick-<key>` test ids and the selected menu key. */
  key: string;
  icon: ReactNode;
  /** Message key of the entry's label (also the page title). */
  label: K;
  /** The sider group: declared in some feature's `navGroups`, or the shell's 'main' / 'system'. */
  group: string;
  /** When set, the home page shows the entry as a quick link with this description. */
  homeLink?: K;
}

export interface NavGroup<K extends string = string> {
  key: string;
  /** Message key of the group title; null for an untitled group (the shell's 'main'). */
  label: K | null;
}

/** Messages: nested objects whose leaves are strings. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

export interface FeatureMessages<M> {
  'zh-CN': M;
  en: M;
}

/** The dotted key of every string leaf of a message tree: { nav: { users } } → 'nav.users'. */
export type MessageKey<M> = {
  [K in keyof M & string]: M[K] extends string ? K : `${K}.${MessageKey<M[K]>}`;
}[keyof M & string];

/** What `defineFeature` checks: labels are keys of the feature's own messages, routes name only declared permissions. */
export interface FeatureSpec<M extends MessageTree, P extends PermissionCode> {
  domain: Domain;
  permissions: readonly P[];
  navGroups?: readonly NavGroup<MessageKey<M>>[];
  routes: readonly FeatureRoute<MessageKey<M>, NoInfer<P>>[];
  publicRoutes?: readonly PublicRoute[];
  header?: LazyExoticComponent<ComponentType>;
  headerEnd?: LazyExoticComponent<ComponentType>;
  messages: { 'zh-CN': M; en: NoInfer<M> };
}

export function defineFeature<M extends MessageTree, P extends PermissionCode>(spec: FeatureSpec<M, P>): Feature<M> {
  return { ...spec, navGroups: spec.navGroups ?? [] };
}
