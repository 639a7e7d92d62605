import { operationsFeature } from './operations/feature';
import { ledgerFeature } from './ledger/feature';
import { postingFeature } from './posting/feature';
import { meetingsFeature } from './meetings/feature';
import { sharingFeature } from './sharing/feature';
import { learningFeature } from './learning/feature';
import { performanceFeature } from './performance/feature';
import { orgFeature } from './org/feature';
import { authFeature } from './auth/feature';
import { auditFeature } from './audit/feature';
import { searchFeature } from './search/feature';
import { attachmentsFeature } from './attachments/feature';
import { notificationsFeature } from './notifications/feature';
import { workdaysFeature } from './workdays/feature';
import { certificatesFeature } from './certificates/feature';

/**
 * The web app's features, in menu order: the only place they are named. Routes and their
 * guards, the sider and its groups, the home page's links and the i18next resources (and
 * the type of every `t('…')` key) come from this list. A new feature is one import and
 * one entry here.
 */
export const FEATURES = [
  operationsFeature, // 业务单据
  ledgerFeature, // 账簿
  postingFeature, // 记账规则与对账
  meetingsFeature, // 协同: 会议日历, 例会, 我的待办
  sharingFeature, // 协同: 信息共享, 共享规则, 共享考评
  learningFeature, // 培训学习: 我的学习, 课程管理, 学习统计
  performanceFeature, // 绩效: 我的绩效, 考核周期
  orgFeature, // 组织
  authFeature, // 角色, API 令牌
  auditFeature, // 审计日志
  searchFeature, // 搜索 (the header's box, results), 搜索索引
  attachmentsFeature, // 附件 (a card on the pages of the objects they are attached to)
  notificationsFeature, // 通知 (the header's bell, live), 通知设置
  workdaysFeature, // 工作日历 (系统)
  certificatesFeature, // 证书: 我的证书, 证书管理; the public verification page
] as const;
