// Fails when src/gql/ no longer matches what codegen produces from the checked-in
// schema and the operations in src/. Regenerates into a scratch folder, so the
// working tree is never touched.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const checkedIn = join(root, 'src', 'gql');
const scratch = mkdtempSync(join(tmpdir(), 'yecai-codegen-'));

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

try {
  const bin = join(root, 'node_modules', '.bin', 'graphql-codegen');
  execFileSync(bin, ['--config', 'codegen.ts', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, CODEGEN_OUT: `${scratch}/` },
  });
  const fresh = new Map(listFiles(scratch).map((p) => [relative(scratch, p), readFileSync(p, 'utf8')]));
  const current = new Map(listFiles(checkedIn).map((p) => [relative(checkedIn, p), readFileSync(p, 'utf8')]));
  const stale = [];
  for (const [name, text] of fresh) {
    if (current.get(name) !== text) stale.push(current.has(name) ? `changed: ${name}` : `missing: ${name}`);
  }
  for (const name of current.keys()) {
    if (!fresh.has(name)) stale.push(`extra: ${name}`);
  }
  if (stale.length > 0) {
    console.error('src/gql/ is stale; run `npm run codegen` and commit the result:');
    for (const line of stale) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`src/gql/ is up to date (${fresh.size} files).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
