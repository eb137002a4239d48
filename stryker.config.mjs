// Mutation testing (`npm run mutation`): Stryker changes one line at a time in the modules where a
// wrong line is a wrong answer, and the unit tests must notice. Not part of `npm test` (minutes,
// not seconds); the report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.js', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'schema/src/licences.ts',
    'schema/src/ids.ts',
    'schema/src/cursors.ts',
    'gateway/src/node-client/breaker.ts',
    'gateway/src/reports/metrics.ts',
    'gateway/src/resolvers/artifact-selection.ts',
    'gateway/src/resolvers/lineage.ts',
    'subgraphs/community-node/src/auth/roles.ts',
    // Only the token check that needs no database: hashing and generating tokens, the header and
    // the bootstrap token (lines: move them with the code; tokens.test.ts covers the rest on PostgreSQL).
    'subgraphs/community-node/src/auth/tokens.ts:18-25',
    'subgraphs/community-node/src/auth/tokens.ts:44-60',
  ],
  ignorePatterns: [
    'dist',
    '*.tsbuildinfo',
    '/reports',
    '/.commons-data',
    '/coverage',
    '/docs',
    '/bench',
    '/deploy',
  ],
  // Two jest processes at a time: the 2-core machines we target.
  concurrency: 2,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, reportTests: false, reportMutants: false },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
