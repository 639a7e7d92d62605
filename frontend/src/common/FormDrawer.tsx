import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  open: boolean;
  onClose: () => void;
  width: number;
  /** Creating something new (the button says 新建) or saving changes (保存). */
  creating: boolean;
  submitting: boolean;
  /** Validates and saves; a rejected promise (a form field left wrong) is the form's to show. */
  onSubmit: () => Promise<unknown>;
  submitTestId: string;
  children: ReactNode;
}

/** A side drawer holding a form, with 取消 and 新建/保存 at the top right. */
export function FormDrawer({ title, open, onClose, width, creating, submitting, onSubmit, submitTestId, children }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      width={width}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => void onSubmit().catch(() => undefined)} data-testid={submitTestId}>
            {creating ? t('common.create') : t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
