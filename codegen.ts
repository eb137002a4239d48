import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * TypeScript types generated from the printed SDL, so what nodes answer and what the Commons serves
 * are described once, by the schema. `npm run codegen` writes them (never edit them by hand);
 * test/generated-types.test.ts fails when they are stale.
 */
const typesConfig = {
  // Enums as string unions: answers arrive as JSON strings, and no runtime enum object is needed.
  enumsAsTypes: true,
  // Every field is present in an answer that selects it (null when nullable), never left out.
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  skipTypename: true,
  useTypeImports: true,
  // JSON carries these scalars as strings (ISO date-time, YYYY-MM-DD) or any JSON value.
  scalars: { DateTime: 'string', LocalDate: 'string', JSON: 'unknown' },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    'schema/src/generated/node-contract.ts': {
      schema: 'schema/node.graphql',
      plugins: ['typescript'],
      config: typesConfig,
    },
    'schema/src/generated/commons.ts': {
      schema: 'schema/commons.graphql',
      plugins: ['typescript'],
      config: typesConfig,
    },
    // What the gateway's report gathering asks of nodes, typed by its fragments' selections.
    'gateway/src/generated/report-answers.ts': {
      schema: 'schema/node.graphql',
      documents: 'gateway/src/reports/gather.ts',
      plugins: ['typescript-operations'],
      config: typesConfig,
    },
    // The operations the report client sends the gateway, typed by their selection.
    'cli/src/generated/report-operations.ts': {
      schema: 'schema/commons.graphql',
      documents: 'cli/src/report/operations.ts',
      plugins: ['typescript-operations'],
      config: typesConfig,
    },
  },
};

export default config;
