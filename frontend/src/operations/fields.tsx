import { App, DatePicker, Form } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { documentPath } from '../common/documents';

/** The 单据日期 of a document form or dialog (form field `date`, a dayjs). */
export function DocumentDateField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="date" label={t('documents.date')} rules={[{ required: true }]}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** After a document was made from another (delivery, return, copy): say so, close the dialog, open it. */
export function useOpenCreated() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (created: { id: string }, text: string, close?: () => void) => {
    void message.success(text);
    close?.();
    navigate(documentPath(created.id));
  };
}
