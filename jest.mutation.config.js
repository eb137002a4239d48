// The jest run Stryker repeats for every mutant: only the package unit tests that need no
// database and no server, so one mutant costs seconds. A test file that imports the shared
// harness (@commons-graph/testing: PostgreSQL, nodes, HTTP) is an integration test and stays out, and so is
// one that builds the whole gateway schema (`../server`: ten seconds of loading per mutant).
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { globalSetup, globalTeardown, testMatch, ...base } = require('./jest.config.js');

const PACKAGES = ['schema', 'gateway', 'subgraphs/community-node'];

function unitTests() {
  return PACKAGES.flatMap((pkg) => {
    const dir = join(__dirname, pkg, 'src', '__tests__');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => join(dir, name))
      .filter((file) => !/@commons-graph\/testing|from '\.\.\/server'/.test(readFileSync(file, 'utf8')));
  });
}

/** @type {import('jest').Config} */
module.exports = { ...base, testMatch: unitTests() };
