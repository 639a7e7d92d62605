import { Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DocumentState, VoucherState } from '../gql/graphql';

export type DocumentTypename =
  | 'PurchaseReceipt'
  | 'SalesOrder'
  | 'SalesDelivery'
  | 'SalesReturn'
  | 'CustomerReceipt'
  | 'SupplierPayment'
  | 'ExpenseClaim';

// The server's `sourceType` names (voucher lines, stock moves, reconciliation) and the GraphQL types.
const SOURCE_TYPES: Record<string, DocumentTypename> = {
  purchase_receipt: 'PurchaseReceipt',
  sales_order: 'SalesOrder',
  sales_delivery: 'SalesDelivery',
  sales_return: 'SalesReturn',
  customer_receipt: 'CustomerReceipt',
  supplier_payment: 'SupplierPayment',
  expense_claim: 'ExpenseClaim',
};

export function typenameOfSource(sourceType: string): DocumentTypename | null {
  return SOURCE_TYPES[sourceType] ?? null;
}

/** Relay global id, as the server encodes it: base64 of "Type:pk". */
export function globalId(typename: string, pk: number | string): string {
  return window.btoa(`${typename}:${pk}`);
}

export function documentPath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
}

export function sourceDocumentPath(sourceType: string, sourceId: number): string | null {
  const typename = typenameOfSource(sourceType);
  return typename ? documentPath(globalId(typename, sourceId)) : null;
}

export function voucherPath(id: string): string {
  return `/vouchers/${encodeURIComponent(id)}`;
}

/** A posting rule's page (its versions, preview, replay); voucher lines link to the rule behind them. */
export function postingRulePath(id: string): string {
  return `/posting-rules/${encodeURIComponent(id)}`;
}

const STATE_COLORS: Record<DocumentState, string> = {
  DRAFT: 'default',
  OPEN: 'blue',
  PARTIAL: 'orange',
  DONE: 'green',
  SUBMITTED: 'blue',
  APPROVED: 'cyan',
  REJECTED: 'red',
  CANCELLED: 'default',
};

export const DOCUMENT_STATES: readonly DocumentState[] = [
  'OPEN',
  'PARTIAL',
  'DONE',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
];

function StateTag({ color, label, testId }: { color: string; label: string; testId: string }) {
  return (
    <Tag color={color} bordered={false} data-testid={testId}>
      {label}
    </Tag>
  );
}

export function DocumentStateTag({ state }: { state: DocumentState }) {
  const { t } = useTranslation();
  return <StateTag color={STATE_COLORS[state]} label={t(`documentState.${state}`)} testId="document-state" />;
}

const VOUCHER_STATE_COLORS: Record<VoucherState, string> = { DRAFT: 'default', REVIEWED: 'blue', POSTED: 'green' };

export function VoucherStateTag({ state }: { state: VoucherState }) {
  const { t } = useTranslation();
  return <StateTag color={VOUCHER_STATE_COLORS[state]} label={t(`voucherState.${state}`)} testId="voucher-state" />;
}

export function DocumentTypeLabel({ typename }: { typename: string }) {
  const { t } = useTranslation();
  const known = Object.values(SOURCE_TYPES).includes(typename as DocumentTypename);
  return <>{known ? t(`documentType.${typename as DocumentTypename}`) : typename}</>;
}

/** A document number that opens the document. */
export function DocumentLink({ id, number }: { id: string; number: string }) {
  return (
    <Link to={documentPath(id)} data-testid="document-link">
      {number}
    </Link>
  );
}
