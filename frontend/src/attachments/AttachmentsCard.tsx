import { useState } from 'react';
import { App, Button, Card, Form, Popconfirm, Table, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { DeleteOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AttachmentFieldsFragment } from '../gql/graphql';
import { useMutationFeedback } from '../graphql/errors';
import { formatDateTime } from '../i18n/time';
import { DeleteAttachmentMutation } from './operations';

/** 1.2 MB, 356 KB, 87 B. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

interface UploadAnswer {
  attachment?: { fileName: string };
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/**
 * The files attached to an object: drop or pick one to upload (POST /attachments, the
 * server reads its type from its content and refuses what is too large or not allowed,
 * shown on the field by its label), download, delete as the viewer's abilities allow.
 */
export function AttachmentsCard({ ownerId, attachments, canAttach, onChange }: {
  ownerId: string;
  attachments: AttachmentFieldsFragment[];
  canAttach: boolean;
  onChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const feedback = useMutationFeedback();
  const [error, setError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [{ fetching: deleting }, remove] = useMutation(DeleteAttachmentMutation);
  const label = t('attachments.field');

  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    const body = new FormData();
    body.append('file', file as File);
    setUploading(true);
    try {
      const response = await fetch(`/attachments?owner=${encodeURIComponent(ownerId)}`, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'accept-language': i18n.language || 'zh-CN' },
      });
      const answer = (await response.json().catch(() => ({}))) as UploadAnswer;
      if (response.ok && answer.attachment) {
        setError(null);
        void message.success(t('attachments.uploaded', { name: answer.attachment.fileName }));
        onSuccess?.(answer);
        onChange();
        return;
      }
      const first = answer.errors?.[0];
      const field = first?.extensions?.field;
      // The server names the field ("file：…"); the form shows it by its label.
      const text = first?.message
        ? field
          ? first.message.replace(new RegExp(`^${field}[：:]\\s*`), `${label}：`)
          : first.message
        : t('attachments.failed');
      setError(text);
      onError?.(new Error(text));
    } catch {
      setError(t('attachments.failed'));
      onError?.(new Error(t('attachments.failed')));
    } finally {
      setUploading(false);
    }
  };

  const doDelete = async (id: string) => {
    const outcome = await remove({ input: { id } });
    if (feedback(outcome, outcome.data?.deleteAttachment)) {
      void message.success(t('attachments.deleted'));
      onChange();
    }
  };

  return (
    <Card title={t('attachments.title')} size="small" data-testid="attachments">
      {canAttach && (
        <Form layout="vertical" component="div">
          <Form.Item label={label} validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
            <Upload.Dragger
              name="file"
              multiple={false}
              showUploadList={false}
              customRequest={customRequest}
              disabled={uploading}
              data-testid="attachment-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('attachments.drop')}</p>
              <p className="ant-upload-hint">{t('attachments.hint')}</p>
            </Upload.Dragger>
          </Form.Item>
        </Form>
      )}
      <Table<AttachmentFieldsFragment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={attachments}
        data-testid="attachment-list"
        locale={{ emptyText: t('attachments.empty') }}
        columns={[
          {
            title: t('attachments.fileName'),
            key: 'fileName',
            render: (_, a) => (
              <a href={a.downloadUrl} download={a.fileName} data-testid="attachment-link">
                {a.fileName}
              </a>
            ),
          },
          { title: t('attachments.size'), key: 'size', align: 'right', width: 100, render: (_, a) => formatSize(a.size) },
          { title: t('attachments.uploadedBy'), key: 'uploadedBy', render: (_, a) => a.uploadedBy?.displayName ?? '—' },
          { title: t('attachments.uploadedAt'), key: 'uploadedAt', render: (_, a) => formatDateTime(a.uploadedAt) },
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_, a) => (
              <>
                <Button type="link" size="small" icon={<DownloadOutlined />} href={a.downloadUrl} aria-label={t('attachments.download')} />
                {a.viewerCan.delete && (
                  <Popconfirm title={t('attachments.deleteConfirm')} onConfirm={() => void doDelete(a.id)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} loading={deleting}
                      aria-label={t('attachments.delete')} data-testid="attachment-delete" />
                  </Popconfirm>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
