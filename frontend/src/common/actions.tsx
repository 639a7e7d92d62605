import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, Popconfirm } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** The primary "new …" button of a page header or list toolbar; `to` makes it a link. */
export function CreateButton({ label, testId, onClick, to }: { label: string; testId: string; onClick?: () => void; to?: string }) {
  const button = (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
  return to ? <Link to={to}>{button}</Link> : button;
}

/** A small link button in a table's actions column. */
export function RowAction({ onClick, children, testId }: { onClick: () => void; children: ReactNode; testId?: string }) {
  return (
    <Button type="link" size="small" onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}

/** A destructive row action that asks first. */
export function ConfirmRowAction({ title, label, onConfirm }: { title: string; label: string; onConfirm: () => unknown }) {
  return (
    <Popconfirm title={title} onConfirm={onConfirm} okButtonProps={{ danger: true }}>
      <Button type="link" size="small" danger>
        {label}
      </Button>
    </Popconfirm>
  );
}

/** 删除, after "确定删除“name”吗？". */
export function DeleteRowAction({ name, onConfirm }: { name: string; onConfirm: () => unknown }) {
  const { t } = useTranslation();
  return <ConfirmRowAction title={t('common.confirmDelete', { name })} label={t('common.delete')} onConfirm={onConfirm} />;
}
