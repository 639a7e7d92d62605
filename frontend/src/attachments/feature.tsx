import { defineFeature, type Feature } from '../app/feature';
import zhCN, { type AttachmentsMessages } from './messages/zh-CN';
import en from './messages/en';

/**
 * 附件: no page of its own. Its card (AttachmentsCard) sits on the pages of the objects files
 * are attached to (an expense claim's receipts, a purchase receipt's invoice scans); who may
 * see, add or remove them is the object's own rule, enforced by the server.
 */
export const attachmentsFeature: Feature<AttachmentsMessages> = defineFeature({
  domain: 'ATTACHMENTS',
  permissions: [],
  routes: [],
  messages: { 'zh-CN': zhCN, en },
});
