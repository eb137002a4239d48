import {
  change,
  createTestDatabase,
  sql,
  startFeedNode,
  startIndexedGateway,
  type IndexedGateway,
  type ScriptedFeedNode,
  type TestDatabase,
} from '@commons-graph/testing';

/** How often the index's artifacts were vacuumed and analyzed (not by autovacuum). */
const analyses = async (database: TestDatabase) =>
  (
    await sql<{ count: number }>(
      database.url,
      `select least(vacuum_count, analyze_count)::int as count from pg_stat_user_tables where relname = 'artifact'`,
    )
  )[0].count;

const guides = (from: number, amount: number) =>
  Array.from({ length: amount }, (_, i) => change('ARTIFACT', 'klamath-soil', `guide-${from + i}`));

describe('the index vacuumed and analyzed after a bulk load', () => {
  let feed: ScriptedFeedNode;
  const started: IndexedGateway[] = [];
  const gatewayOn = async (database: TestDatabase, analyzeAfterEvents: number) => {
    const indexed = await startIndexedGateway(
      [{ slug: 'klamath-soil', url: feed.url }],
      { analyzeAfterEvents },
      {},
      database,
    );
    started.push(indexed);
    return indexed;
  };
  const databases: TestDatabase[] = [];
  const database = async () => {
    const created = await createTestDatabase('index-statistics');
    databases.push(created);
    return created;
  };

  beforeAll(async () => {
    feed = await startFeedNode('klamath-soil', guides(0, 6));
  });
  afterAll(async () => {
    for (const indexed of started) await indexed.stop();
    await feed?.stop();
    for (const created of databases) await created.drop();
  });

  it('are refreshed once a pass has applied the threshold, then after a pull that reaches it again', async () => {
    const loaded = await database();
    const indexed = await gatewayOn(loaded, 5);
    expect(await indexed.entities()).toEqual(feed.latest()); // the first pass applied 6 events
    expect(await analyses(loaded)).toBe(1);

    feed.append(...guides(6, 2));
    await indexed.sync('klamath-soil');
    expect(await analyses(loaded)).toBe(1); // 2 events since: not yet

    feed.append(...guides(8, 3));
    await indexed.sync('klamath-soil');
    expect(await analyses(loaded)).toBe(2);
  });

  it('are left to autovacuum below the threshold', async () => {
    const quiet = await database();
    const indexed = await gatewayOn(quiet, 1000);
    expect((await indexed.entities()).size).toBe(feed.latest().size);
    expect(await analyses(quiet)).toBe(0);
  });
});
