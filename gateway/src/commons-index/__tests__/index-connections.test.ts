import { openTestIndex, sql, type TestIndex } from '@commons-graph/testing';
import { CommonsIndex } from '../CommonsIndex';

/**
 * The index's database ends its idle connections when it restarts or shuts down (a Ctrl-C in a
 * terminal reaches PostgreSQL first). The gateway must take that as a dropped connection, not as
 * an uncaught exception, and answer the next query on a new one.
 */
describe("the index's connections", () => {
  let opened: TestIndex;
  let index: CommonsIndex;
  beforeAll(async () => {
    opened = await openTestIndex('index-connections');
    index = opened.index;
  });
  afterAll(() => opened?.close());

  it('outlive the server ending them while idle, and the next query opens another', async () => {
    const strays: unknown[] = [];
    const stray = (error: unknown) => strays.push(error);
    process.on('uncaughtException', stray);
    try {
      // Several idle connections in the pool, then the server ends every one of them.
      await Promise.all([1, 2, 3].map(() => index.read('select pg_sleep(0.05)')));
      const [{ ended }] = await sql<{ ended: number }>(
        opened.url,
        `select count(pg_terminate_backend(pid))::int as ended from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and application_name = ''`,
      );
      expect(ended).toBeGreaterThanOrEqual(3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await index.read<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      process.off('uncaughtException', stray);
    }
    expect(strays).toEqual([]);
  });
});
