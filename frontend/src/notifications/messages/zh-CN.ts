// The notifications feature's strings; zh-CN is the source of the keys, en.ts must have exactly the same.
const zhCN = {
  nav: { notifications: '通知' },
  home: { linkNotifications: '查看通知，设置各类通知的接收渠道' },
  notifications: {
    bell: '通知',
    unreadBadge: '{{count}} 条未读',
    recent: '最新通知',
    markAllRead: '全部标为已读',
    markRead: '标为已读',
    viewAll: '查看全部通知',
    empty: '暂无通知',
    arrived: '新通知',
    open: '查看',
    title: '通知',
    subtitle: '发给您的通知，只有您能看到；在“通知设置”中选择每类通知的接收渠道',
    tabList: '全部通知',
    tabSettings: '通知设置',
    filterAll: '全部',
    filterUnread: '未读',
    loadMore: '加载更多',
    read: '已读',
    unread: '未读',
    markedRead: '已将 {{count}} 条通知标为已读',
    kind: '通知类别',
    portal: '站内通知',
    email: '邮件',
    emailUnavailable: '未配置邮件服务器，暂不能通过邮件接收通知',
    saved: '通知设置已保存',
  },
};

export type NotificationMessages = typeof zhCN;
export default zhCN;
