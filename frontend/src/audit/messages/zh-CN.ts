// The audit feature's strings; zh-CN is the source of the keys, en.ts must have exactly the same.
const zhCN = {
  nav: { audit: '审计日志' },
  home: { linkAudit: '追溯每一次关键操作' },
  audit: {
    title: '审计日志',
    subtitle: '哈希链保护的操作记录，最新的在前',
    seq: '序号',
    occurredAt: '时间',
    actor: '操作人',
    action: '动作',
    subjectType: '对象类型',
    subjectId: '对象 ID',
    before: '变更前',
    after: '变更后',
    requestId: '请求 ID',
    clientAddress: '客户端地址',
    hash: '哈希',
    dateRange: '时间范围',
    actionPlaceholder: '动作，如 user.create',
    subjectTypePlaceholder: '对象类型，如 user',
    actorPlaceholder: '选择操作人',
    empty: '（无）',
    startDate: '开始日期',
    endDate: '结束日期',
  },
};

export type AuditMessages = typeof zhCN;
export default zhCN;
