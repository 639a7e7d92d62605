import { Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { DocumentState, DocumentType, VoucherState } from '../gql/graphql';

/** Where a voucher, voucher line, stock move or replayed line came from; `document` is null when the viewer may not see it. */
export const DocumentSourceFields = graphql(`
  fragment DocumentSourceFields on DocumentSource {
    type
    document {
      id
      number
      documentType
    }
    line {
      id
      lineNo
    }
  }
`);

export function documentPath(id: string): string {
  return `/documents/${encodeURIComponent(id)}`;
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

export function DocumentTypeLabel({ type }: { type: DocumentType }) {
  const { t } = useTranslation();
  return <>{t(`documentType.${type}`)}</>;
}

/** A document's number linking to it, or its type alone when the viewer may not see it. */
export function DocumentSourceLink({ source }: { source: { type: DocumentType; document: { id: string; number: string } | null } }) {
  return source.document ? <DocumentLink id={source.document.id} number={source.document.number} /> : <DocumentTypeLabel type={source.type} />;
}

/** A document number that opens the document. */
export function DocumentLink({ id, number }: { id: string; number: string }) {
  return (
    <Link to={documentPath(id)} data-testid="document-link">
      {number}
    </Link>
  );
}
