import type { AuditMessages } from './zh-CN';

const en: AuditMessages = {
  nav: { audit: 'Audit trail' },
  home: { linkAudit: 'Trace every important operation' },
  audit: {
    title: 'Audit trail',
    subtitle: 'Hash-chained record of operations, newest first',
    seq: 'Seq',
    occurredAt: 'Time',
    actor: 'Actor',
    action: 'Action',
    subjectType: 'Subject type',
    subjectId: 'Subject ID',
    before: 'Before',
    after: 'After',
    requestId: 'Request ID',
    clientAddress: 'Client address',
    hash: 'Hash',
    dateRange: 'Date range',
    actionPlaceholder: 'Action, e.g. user.create',
    subjectTypePlaceholder: 'Subject type, e.g. user',
    actorPlaceholder: 'Choose an actor',
    empty: '(none)',
    startDate: 'Start date',
    endDate: 'End date',
  },
};

export default en;
