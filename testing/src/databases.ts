import { randomBytes } from 'node:crypto';
import { createDatabase, type CreatedDatabase } from '@commons-graph/postgres';
import { Client } from 'pg';

/**
 * Each test gets databases of its own on the run's PostgreSQL (embedded, started by
 * jest/global-setup.mjs, or the server DATABASE_URL names), so test files run in parallel.
 */
export function serverUrl(): string {
  const url = process.env.COMMONS_TEST_DATABASE_URL;
  if (!url)
    throw new Error('COMMONS_TEST_DATABASE_URL is unset: run the tests through jest (see jest.config.js)');
  return url;
}

export type TestDatabase = CreatedDatabase;

export function createTestDatabase(label: string): Promise<TestDatabase> {
  return createDatabase(
    serverUrl(),
    `t_${label.replace(/[^a-z0-9]/g, '_').slice(0, 30)}_${randomBytes(4).toString('hex')}`,
  );
}

/** Runs SQL directly against a test database, for checks the APIs cannot make (e.g. what is at rest). */
export async function sql<T extends Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
