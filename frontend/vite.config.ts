import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const GENERATED = path.resolve(import.meta.dirname, 'src/gql/graphql.ts');

/**
 * In the production build, replaces each `graphql(`query Name ...`)` call with the
 * document codegen generated for it (the job of the client preset's Babel plugin).
 * Otherwise every page, the sign-in page included, would load one chunk holding every
 * operation of the app; this way each page's chunk carries only its own documents.
 * Type checking still sees the `graphql()` calls; a document missing from the generated
 * file (codegen not run) fails the build.
 */
function inlineGeneratedDocuments(): Plugin {
  const call = /graphql\(`\s*(query|mutation|subscription|fragment)\s+(\w+)[^`]*`\)/g;
  const line = /^export const (\w+) = (\{"kind":"Document".*\}) as unknown as DocumentNode<.*;$/gm;
  let documents: Map<string, string> | null = null;
  return {
    name: 'yecai-inline-generated-documents',
    apply: 'build',
    enforce: 'pre',
    buildStart() {
      documents = new Map([...readFileSync(GENERATED, 'utf8').matchAll(line)].map((m) => [m[1] ?? '', m[2] ?? '']));
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/\.(ts|tsx)$/.test(file) || file.includes(`${path.sep}src${path.sep}gql${path.sep}`) || !code.includes('graphql(`')) return null;
      return {
        code: code.replace(call, (_match, kind: string, name: string) => {
          const exported = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
          const document = documents?.get(exported);
          if (!document) this.error(`${exported} is not in src/gql/graphql.ts: run \`npm run codegen\``);
          return `(${document})`;
        }),
        map: null,
      };
    },
  };
}

const backend = process.env.YECAI_BACKEND ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [inlineGeneratedDocuments(), react()],
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: backend, changeOrigin: false, ws: true },
      '/auth': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
      // The meetings' downloads (minutes PDF, .ics); the pages under /meetings stay the app's.
      '^/meetings/.+(/minutes\\.pdf|\\.ics)$': { target: backend, changeOrigin: false },
      '^/meeting-series/.+\\.ics$': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our pages: separate, long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'graphql', test: /node_modules[\\/](graphql|urql|@urql|wonka)[\\/]/, priority: 30 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next|dayjs)[\\/]/, priority: 30 },
          ],
        },
      },
    },
  },
});
