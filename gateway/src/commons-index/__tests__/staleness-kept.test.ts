import { createTestDatabase, sql, type TestDatabase } from '@commons-graph/testing';
import { CommonsIndex } from '../CommonsIndex';
import { Followed } from '../reads/followed';
import { Staleness } from '../reads/staleness';

const FRESHNESS_MS = 60_000;

/**
 * Which communities are stale is kept between requests and read again only when the index
 * notifies a change that can alter it (whichever client wrote it), when a node fresh when read
 * falls behind, or while the notices' connection is down; the answer is always the one a read
 * would give.
 */
describe('staleness kept between requests', () => {
  let database: TestDatabase;
  let index: CommonsIndex;
  let staleness: Staleness;
  let reads: jest.SpyInstance;
  const slugs = ['fresh-circle', 'late-circle', 'never-circle'];

  /** Runs `change` on another connection and waits until the index notified it about `slug`. */
  async function elsewhere(slug: string, change: string): Promise<void> {
    const heard = new Promise<void>((resolve) => {
      const stop = index.notices.hear((notice) => notice.slug === slug && resolve(void stop()));
    });
    await sql(database.url, change);
    await heard;
  }
  const readsDuring = async (work: () => Promise<unknown>) => {
    reads.mockClear();
    await work();
    return reads.mock.calls.length;
  };
  const communities = async () => (await staleness.of(slugs)).map((s) => s.community);

  beforeAll(async () => {
    database = await createTestDatabase('staleness-kept');
    index = await CommonsIndex.open({ databaseUrl: database.url, dataDir: 'unused' });
    await index.followAll(slugs.map((slug) => ({ slug, url: `http://127.0.0.1:9/${slug}` })));
    await sql(
      database.url,
      `update followed_node set last_sync_at = now() where slug = 'fresh-circle';
       update followed_node set last_sync_at = now() - interval '1 hour', head = 7, cursor = 4 where slug = 'late-circle'`,
    );
    staleness = new Staleness(index, new Followed(index), FRESHNESS_MS);
    reads = jest.spyOn(index, 'read');
    await staleness.of(slugs);
    for (let tries = 0; tries < 200 && !index.notices.listening; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(index.notices.listening).toBe(true);
  });
  afterAll(async () => {
    await index?.close();
    await database?.drop();
  });

  it('answers again from what it kept, without a statement', async () => {
    await staleness.of(slugs); // the first read since listening is kept
    let answer: unknown;
    expect(await readsDuring(async () => (answer = await staleness.of(slugs)))).toBe(0);
    expect(answer).toEqual([
      { community: 'late-circle', syncedAt: expect.any(String), lag: 3 },
      { community: 'never-circle', syncedAt: null, lag: 0 },
    ]);
  });

  it('reads again once another client moves a fresh node back in time, or syncs a stale one', async () => {
    await elsewhere(
      'fresh-circle',
      `update followed_node set last_sync_at = now() - interval '2 hours' where slug = 'fresh-circle'`,
    );
    expect(await communities()).toEqual(['fresh-circle', 'late-circle', 'never-circle']);
    await elsewhere(
      'late-circle',
      `update followed_node set last_sync_at = now() where slug = 'late-circle'`,
    );
    expect(await communities()).toEqual(['fresh-circle', 'never-circle']);
    expect(await readsDuring(communities)).toBe(0);
  });

  it("keeps its answer through a fresh node's sync, and reads a stale node's restart", async () => {
    await elsewhere(
      'late-circle',
      `update followed_node set last_sync_at = now() where slug = 'late-circle'`,
    );
    expect(await readsDuring(communities)).toBe(0);
    await elsewhere('never-circle', `update followed_node set head = 9 where slug = 'never-circle'`);
    expect(await readsDuring(communities)).toBe(1);
    expect(await staleness.of(slugs)).toContainEqual({ community: 'never-circle', syncedAt: null, lag: 9 });
  });

  it('sees a node fall behind as time passes, with no notice', async () => {
    const short = new Staleness(index, new Followed(index), 1500);
    await sql(database.url, `update followed_node set last_sync_at = now() where slug <> 'never-circle'`);
    await short.of(slugs);
    expect((await short.of(slugs)).map((s) => s.community)).toEqual(['never-circle']);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await short.of(slugs)).map((s) => s.community)).toEqual(slugs);
  });

  it('keeps nothing while its notices are lost, and listens again', async () => {
    await sql(
      database.url,
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and query like 'listen %' and pid <> pg_backend_pid()`,
    );
    for (let tries = 0; tries < 200 && index.notices.listening; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(index.notices.listening).toBe(false);
    expect(await readsDuring(communities)).toBe(1);
    expect(await readsDuring(communities)).toBe(1);
    for (let tries = 0; tries < 300 && !index.notices.listening; tries++) {
      await communities();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(index.notices.listening).toBe(true);
    await communities();
    expect(await readsDuring(communities)).toBe(0);
  });
});
