import type { SearchKind } from '../gql/graphql';

// Each kind's tag colour, by area: organisation, books, master data, documents, claims. A
// Record, so a kind the schema adds does not type-check until it is given one (and a label).
const COLORS: Record<SearchKind, string> = {
  DEPARTMENT: 'purple',
  USER: 'purple',
  ACCOUNT: 'gold',
  VOUCHER: 'gold',
  CUSTOMER: 'cyan',
  SUPPLIER: 'cyan',
  PRODUCT: 'cyan',
  PURCHASE_RECEIPT: 'blue',
  SALES_ORDER: 'blue',
  SALES_DELIVERY: 'blue',
  SALES_RETURN: 'blue',
  CUSTOMER_RECEIPT: 'geekblue',
  SUPPLIER_PAYMENT: 'geekblue',
  EXPENSE_CLAIM: 'green',
  POSTING_RULE: 'gold',
  ATTACHMENT: 'default',
  MEETING: 'magenta',
  MEETING_MINUTES: 'magenta',
  DECISION: 'magenta',
  ACTION_ITEM: 'volcano',
  SHARING_RULE: 'lime',
  PUBLICATION: 'lime',
  COURSE: 'orange',
  LESSON: 'orange',
};

/** Every search kind in the schema's order (the filters, the index page, a rebuild's choice). */
export const SEARCH_KINDS = Object.keys(COLORS) as readonly SearchKind[];

export function isSearchKind(value: string): value is SearchKind {
  return Object.hasOwn(COLORS, value);
}

export function kindColor(kind: SearchKind): string {
  return COLORS[kind];
}
