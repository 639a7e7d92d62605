import { lazy } from 'react';
import { FileSearchOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type SearchMessages } from './messages/zh-CN';
import en from './messages/en';

const SearchPage = lazy(() => import('./SearchPage'));
const SearchIndexPage = lazy(() => import('./SearchIndexPage'));
const HeaderSearch = lazy(() => import('./HeaderSearch'));

/**
 * 搜索: the box in every page's header (Ctrl+K), the results page with its filters, and the
 * index's status for those who manage it. Everyone signed in searches; what they find is
 * only what they may open.
 */
export const searchFeature: Feature<SearchMessages> = defineFeature({
  domain: 'SEARCH',
  permissions: ['SEARCH_MANAGE'],
  routes: [
    { path: '/search', page: SearchPage, anyOf: [] },
    {
      path: '/search-index',
      page: SearchIndexPage,
      anyOf: ['SEARCH_MANAGE'],
      nav: { key: 'searchIndex', icon: <FileSearchOutlined />, label: 'nav.searchIndex', group: 'system', homeLink: 'home.linkSearchIndex' },
    },
  ],
  header: HeaderSearch,
  messages: { 'zh-CN': zhCN, en },
});
