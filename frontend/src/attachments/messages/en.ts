import type { AttachmentsMessages } from './zh-CN';

const en: AttachmentsMessages = {
  attachments: {
    title: 'Attachments',
    field: 'Attachments',
    drop: 'Click or drag a file here to upload it',
    hint: 'PDF, OFD, images (PNG, JPEG), XML e-invoices, Word, Excel and text files; the type is read from the content',
    uploaded: 'Uploaded {{name}}',
    failed: 'The upload failed',
    empty: 'No attachments',
    fileName: 'File name',
    size: 'Size',
    uploadedBy: 'Uploaded by',
    uploadedAt: 'Uploaded at',
    download: 'Download',
    delete: 'Delete',
    deleteConfirm: 'Delete this attachment?',
    deleted: 'The attachment was deleted',
  },
};

export default en;
