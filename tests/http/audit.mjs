// GraphQL over HTTP conformance audit of a running server, with graphql-http's serverAudits.
//
//   node audit.mjs http://127.0.0.1:8000/graphql [--json]
//
// Every audit runs (a fatal one, e.g. a dropped connection, counts as an error). Prints a
// plain report, or with --json one JSON array of {id, name, status, reason, httpStatus,
// contentType, body}. Exits 1 when any audit is `error` or `warn`, 0 otherwise
// (`notice` is for optional MAY items and does not fail).
import { serverAudits } from 'graphql-http';

const args = process.argv.slice(2);
const json = args.includes('--json');
const url = args.find((a) => !a.startsWith('--'));
if (!url) {
  console.error('usage: node audit.mjs GRAPHQL_URL [--json]');
  process.exit(2);
}

async function describe(response) {
  if (!response) return {};
  const out = { httpStatus: response.status, contentType: response.headers.get('content-type') };
  try {
    const text = await response.text();
    out.body = text.length > 500 ? `${text.slice(0, 500)}…` : text;
  } catch {
    // the audit already read the body
  }
  return out;
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  let result;
  try {
    result = await audit.fn();
  } catch (err) {
    result = { id: audit.id, name: audit.name, status: 'error', reason: `fatal: ${err?.stack ?? err}` };
  }
  const { response, ...rest } = result;
  results.push({ ...rest, ...(rest.status === 'ok' ? {} : await describe(response)) });
}

const count = (s) => results.filter((r) => r.status === s).length;
if (json) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  for (const r of results.filter((r) => r.status !== 'ok')) {
    console.log(`[${r.status}] ${r.id} ${r.name}\n    ${r.reason}` +
      (r.httpStatus !== undefined ? `\n    HTTP ${r.httpStatus} ${r.contentType ?? ''} ${r.body ?? ''}` : ''));
  }
  console.log(`${count('ok')} ok, ${count('notice')} notice, ${count('warn')} warn, ${count('error')} error`);
}
process.exit(count('error') + count('warn') > 0 ? 1 : 0);
