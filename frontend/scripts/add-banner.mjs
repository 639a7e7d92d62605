// codegen hook: put a "generated, do not edit" line at the top of each written file.
import { readFileSync, writeFileSync } from 'node:fs';

const BANNER =
  '// GENERATED FILE - DO NOT EDIT. Produced by GraphQL Code Generator from ../schema/schema.graphql\n' +
  '// and the graphql() operations in src/; regenerate with `npm run codegen`.\n';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  if (!text.startsWith(BANNER)) writeFileSync(file, BANNER + text);
}
