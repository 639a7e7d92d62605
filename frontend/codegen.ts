import type { CodegenConfig } from '@graphql-codegen/cli';

// The schema is the SDL the backend exports and checks in. YECAI_SCHEMA and
// CODEGEN_OUT exist only so `codegen:check` can regenerate into a scratch folder.
const schema = process.env.YECAI_SCHEMA ?? '../schema/schema.graphql';
const out = process.env.CODEGEN_OUT ?? 'src/gql/';

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  hooks: { afterOneFileWrite: ['node scripts/add-banner.mjs'] },
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        defaultScalarType: 'unknown',
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'string', JSON: 'unknown' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
