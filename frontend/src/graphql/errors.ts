import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';

/** The shape every `...Error` member of a mutation result union shares. */
export interface DomainError {
  __typename?: string;
  code: string;
  field?: string | null;
  message: string;
}

export function isDomainError<T extends object>(value: T): value is Extract<T, DomainError> {
  return 'code' in value && 'message' in value && typeof (value as { message: unknown }).message === 'string';
}

/** Server field names may be `input.departmentId` or `department_id`; forms use `departmentId`. */
export function formFieldName(field: string): string {
  const last = field.split('.').pop() ?? field;
  return last.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A field such as `lines[0].quantity` (or `input.lines[0].quantity`) as an Ant Design
 * name path, `['lines', 0, 'quantity']`; null when it names no list row.
 */
export function formFieldPath(field: string): (string | number)[] | null {
  const parts = field
    .replace(/^input\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
  return parts.some((p) => typeof p === 'number') ? parts : null;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function describeCombinedError(error: CombinedError, fallback: string): string {
  if (error.networkError) return fallback;
  const first = error.graphQLErrors[0];
  return first?.message ?? error.message;
}

interface Outcome {
  data?: unknown;
  error?: CombinedError;
}

/**
 * Turns a mutation outcome into either its success payload or `null`, telling the
 * user why in the second case: the server's message as a toast, and also on the
 * form field it names when that field is on the form.
 */
export function useMutationFeedback() {
  const { message } = App.useApp();
  const { t } = useTranslation();

  return useCallback(
    <R extends object>(
      outcome: Outcome,
      result: R | null | undefined,
      form?: FormInstance,
    ): Exclude<R, DomainError> | null => {
      if (outcome.error) {
        const text = describeCombinedError(outcome.error, t('common.networkError'));
        void message.error(t('common.unexpectedError', { message: text }));
        return null;
      }
      if (!result) {
        void message.error(t('common.unexpectedError', { message: t('common.loadFailed') }));
        return null;
      }
      if (isDomainError(result)) {
        const err: DomainError = result;
        // Some messages repeat the field path ("lines[0].quantity：库存不足"); the field already says where.
        const text = err.field ? err.message.replace(new RegExp(`^${escapeRegExp(err.field)}\\s*[：:]\\s*`), '') : err.message;
        if (form && err.field) {
          const path = formFieldPath(err.field);
          const row = path ? form.getFieldValue(path.slice(0, path.findIndex((p) => typeof p === 'number') + 1)) : undefined;
          if (path && row !== undefined) {
            form.setFields([{ name: path, errors: [text] }]);
          } else {
            const name = formFieldName(err.field);
            const known = name in (form.getFieldsValue() as Record<string, unknown>);
            if (known) form.setFields([{ name, errors: [text] }]);
          }
        }
        void message.error(err.message);
        return null;
      }
      return result as Exclude<R, DomainError>;
    },
    [message, t],
  );
}
