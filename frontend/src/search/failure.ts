import type { CombinedError } from 'urql';

/** Why a search answered null: the server's code and field (INVALID_INPUT, SEARCH_UNAVAILABLE …), or a network failure. */
export interface SearchFailure {
  code: string | null;
  /** The argument at fault (`query`, `to`, `kinds` …) when the input was refused. */
  field: string | null;
  /** The server's message without the field name it starts with ("to：不能早于开始日期" → "不能早于开始日期"). */
  message: string;
  network: boolean;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function searchFailure(error: CombinedError): SearchFailure {
  if (error.networkError) return { code: null, field: null, message: error.message, network: true };
  const first = error.graphQLErrors[0];
  const extensions = (first?.extensions ?? {}) as { code?: unknown; field?: unknown };
  const code = typeof extensions.code === 'string' ? extensions.code : null;
  const field = typeof extensions.field === 'string' ? extensions.field : null;
  const raw = first?.message ?? error.message;
  const message = field ? raw.replace(new RegExp(`^${escapeRegExp(field)}\\s*[：:]\\s*`), '') : raw;
  return { code, field, message, network: false };
}
