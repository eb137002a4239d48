import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, sql, type TestDatabase } from '@commons-graph/testing';
import { INDEX_MIGRATION_NAMES } from '../gateway/src/commons-index/migrations/names';

/**
 * What a gateway process loads: answering from its index, neither the live path (it never asks a
 * node at query time) nor MikroORM (only the index's migrations use it, in a worker thread that
 * ends with them). Run on the built gateway in a process of its own, as deployments run it.
 */
const GATEWAY = join(__dirname, '..', 'gateway', 'dist', 'index.js');
const STARTS_AND_LISTS_MODULES = `
const { readGatewayConfig, startGateway } = require(${JSON.stringify(GATEWAY)});
(async () => {
  const gateway = await startGateway({ ...readGatewayConfig(), port: 0, logLevel: 'silent' });
  const loaded = Object.keys(require.cache);
  await gateway.stop();
  process.stdout.write(JSON.stringify(loaded));
})().catch((error) => { process.stderr.write(String(error && error.stack)); process.exit(1); });
`;

async function modulesOf(databaseUrl: string, source: 'index' | 'live'): Promise<string[]> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    COMMONS_SOURCE: source,
  };
  delete env.NODES_FILE;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', STARTS_AND_LISTS_MODULES], {
    env: { ...env, NODES: '', PORT: '0' },
    maxBuffer: 16 * 2 ** 20,
  });
  return JSON.parse(stdout) as string[];
}

const LIVE_PATH = /[\\/]gateway[\\/]dist[\\/]live[\\/]/;
const MIKRO_ORM = /[\\/]node_modules[\\/](@mikro-orm|knex|umzug)[\\/]/;

describe('the modules a gateway process loads', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('gateway-modules');
  });
  afterAll(() => database?.drop());

  it('answering from a new index: migrates it, without the live path or MikroORM in the process', async () => {
    const loaded = await modulesOf(database.url, 'index');
    expect(loaded.filter((path) => LIVE_PATH.test(path))).toEqual([]);
    expect(loaded.filter((path) => MIKRO_ORM.test(path))).toEqual([]);
    const applied = await sql<{ name: string }>(
      database.url,
      'select name from mikro_orm_migrations order by id',
    );
    expect(applied.map((row) => row.name)).toEqual([...INDEX_MIGRATION_NAMES]);
  });

  it('answering live: loads the live path, and still not MikroORM on an index already migrated', async () => {
    const loaded = await modulesOf(database.url, 'live');
    expect(loaded.some((path) => /[\\/]live[\\/]source\.js$/.test(path))).toBe(true);
    expect(loaded.filter((path) => MIKRO_ORM.test(path))).toEqual([]);
  });
});
