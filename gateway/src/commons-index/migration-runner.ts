import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Pool } from 'pg';
import { INDEX_MIGRATION_NAMES } from './migrations/names';

/** Whether the index lacks any of this gateway's migrations, read from MikroORM's own table. */
export async function migrationsPending(pool: Pool): Promise<boolean> {
  try {
    const { rows } = await pool.query<{ name: string }>('select name from mikro_orm_migrations');
    const applied = new Set(rows.map((row) => row.name));
    return INDEX_MIGRATION_NAMES.some((name) => !applied.has(name));
  } catch (error) {
    // undefined_table: an index never migrated.
    if ((error as { code?: unknown }).code === '42P01') return true;
    throw error;
  }
}

interface WorkerAnswer {
  ok: boolean;
  name?: string;
  message?: string;
  stack?: string;
}

function inWorker(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'migrate-worker.js'), { workerData: { url } });
    let answer: WorkerAnswer | undefined;
    worker.once('message', (message: WorkerAnswer) => (answer = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (answer?.ok) return resolve();
      const error = new Error(answer?.message ?? `the index's migrations stopped (exit code ${code})`);
      if (answer?.name) error.name = answer.name;
      if (answer?.stack) error.stack = answer.stack;
      reject(error);
    });
  });
}

/**
 * Migrates the index when it lacks a migration. MikroORM, knex and umzug are about 9 MB of JS heap
 * and 15 MB of RSS that serving never uses: compiled, they load in a worker thread and go with it;
 * from the TypeScript sources (the tests) the migrations run in this thread. An index already
 * migrated loads none of it.
 */
export async function migrateIfPending(pool: Pool, url: string): Promise<void> {
  if (!(await migrationsPending(pool))) return;
  if (__filename.endsWith('.js')) return inWorker(url);
  const { migrateIndex } = await import('./migrate.js');
  await migrateIndex(url);
}
