import { Result, Spin } from 'antd';
import type { CombinedError } from 'urql';

interface NodeResult {
  fetching: boolean;
  data?: unknown;
  error?: CombinedError;
}

/** What a detail page (`node(id:)`) shows until its object is there: a spinner, or 404. */
export function NodeFallback({ result, title }: { result: NodeResult; title: string }) {
  if (result.fetching || (!result.data && !result.error)) return <Spin style={{ display: 'block', margin: 48 }} />;
  return <Result status="404" title={title} subTitle={result.error?.message} />;
}
