import { parentPort, workerData } from 'node:worker_threads';
import { migrateIndex } from './migrate';

/** The index's migrations in a thread of their own: MikroORM's modules go when the thread ends. */
const { url } = workerData as { url: string };
migrateIndex(url).then(
  () => parentPort?.postMessage({ ok: true }),
  (error: unknown) =>
    parentPort?.postMessage({
      ok: false,
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
);
