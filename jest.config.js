// One jest run over every package. TypeScript goes through SWC, which keeps the decorator
// metadata type-graphql and MikroORM read; `tsc -b` type-checks before jest runs.
const swc = ['@swc/jest', { swcrc: true }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    // A lazy `import('./x.js')` names the compiled file, as Node16 modules must; here it is x.ts.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@commons-graph/community-node$': '<rootDir>/subgraphs/community-node/src',
    '^@commons-graph/(schema|postgres|gateway|cli|demo|testing)$': '<rootDir>/$1/src',
    '^@commons-graph/web$': '<rootDir>/web/src/server',
  },
  testMatch: ['**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  // .stryker-tmp holds the sandbox copies of a running (or interrupted) `npm run mutation`.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/.stryker-tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  globalSetup: '<rootDir>/testing/jest/global-setup.mjs',
  globalTeardown: '<rootDir>/testing/jest/global-teardown.mjs',
  maxWorkers: 2,
  testTimeout: 60_000,
};
