// The attachments feature's strings; zh-CN is the source of the keys, en.ts must have exactly the same.
const zhCN = {
  attachments: {
    title: '附件',
    field: '附件',
    drop: '点击或将文件拖到此处上传',
    hint: '支持 PDF、OFD、图片（PNG、JPEG）、XML 电子发票、Word、Excel 与文本文件，按文件内容识别类型',
    uploaded: '已上传 {{name}}',
    failed: '上传失败',
    empty: '暂无附件',
    fileName: '文件名',
    size: '大小',
    uploadedBy: '上传人',
    uploadedAt: '上传时间',
    download: '下载',
    delete: '删除',
    deleteConfirm: '确定删除此附件？',
    deleted: '附件已删除',
  },
};

export type AttachmentsMessages = typeof zhCN;
export default zhCN;
