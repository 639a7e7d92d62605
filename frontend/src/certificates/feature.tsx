import { lazy } from 'react';
import { SafetyCertificateOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type CertificatesMessages } from './messages/zh-CN';
import en from './messages/en';

const MyCertificatesPage = lazy(() => import('./MyCertificatesPage'));
const CertificatesPage = lazy(() => import('./CertificatesPage'));
const VerifyPage = lazy(() => import('./VerifyPage'));

/** 证书: 我的证书 (everyone's own), 证书管理 (HR issues and revokes; managers see their departments'), and the
 * public verification page the QR code on each certificate opens. */
export const certificatesFeature: Feature<CertificatesMessages> = defineFeature({
  domain: 'CERTIFICATES',
  permissions: ['CERTIFICATES_READ_ALL', 'CERTIFICATES_ISSUE', 'CERTIFICATES_REVOKE', 'CERTIFICATES_OVERSEE'],
  navGroups: [{ key: 'certificates', label: 'nav.groupCertificates' }],
  routes: [
    {
      path: '/my-certificates',
      page: MyCertificatesPage,
      anyOf: [],
      nav: { key: 'myCertificates', icon: <TrophyOutlined />, label: 'nav.myCertificates', group: 'certificates', homeLink: 'home.linkMyCertificates' },
    },
    {
      path: '/certificates',
      page: CertificatesPage,
      anyOf: ['CERTIFICATES_READ_ALL', 'CERTIFICATES_ISSUE', 'CERTIFICATES_REVOKE', 'CERTIFICATES_OVERSEE'],
      nav: { key: 'certificates', icon: <SafetyCertificateOutlined />, label: 'nav.certificates', group: 'certificates' },
    },
  ],
  publicRoutes: [{ path: '/verify/:code', page: VerifyPage }],
  messages: { 'zh-CN': zhCN, en },
});
