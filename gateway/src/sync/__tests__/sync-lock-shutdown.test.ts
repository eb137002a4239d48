import {
  change,
  createTestDatabase,
  sql,
  startFeedNode,
  startTestGateway,
  testIndexConfig,
  type ScriptedFeedNode,
  type TestDatabase,
  waitUntil,
} from '@commons-graph/testing';
import pino from 'pino';
import type { RunningGateway } from '../../server';
import { SYNC_LOCK_APPLICATION } from '../leadership';

interface LogLine {
  level: number;
  msg: string;
}
const WARN = 40;

/** Ends the sync lock's session from the database's side, as PostgreSQL does when it shuts down. */
const endLockSession = async (database: TestDatabase) =>
  (
    await sql<{ ended: number }>(
      database.url,
      `select count(pg_terminate_backend(pid))::int as ended from pg_stat_activity
        where datname = current_database() and application_name = $1`,
      [SYNC_LOCK_APPLICATION],
    )
  )[0].ended;

describe("the sync lock's session ended by the database", () => {
  let database: TestDatabase;
  let feed: ScriptedFeedNode;
  let gateway: RunningGateway;
  const lines: LogLine[] = [];
  const lockLines = () => lines.filter((line) => line.msg.includes('sync lock'));

  beforeAll(async () => {
    database = await createTestDatabase('sync-lock');
    feed = await startFeedNode('klamath-soil', [change('ARTIFACT', 'klamath-soil', 'guide')]);
    const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    gateway = await startTestGateway(
      [{ slug: 'klamath-soil', url: feed.url }],
      { adminToken: 'sync-lock-tests-admin-token-0123456789', index: testIndexConfig(database.url) },
      { logger },
    );
    await gateway.sync!.settled();
  });
  afterAll(async () => {
    await gateway?.stop();
    await feed?.stop();
    await database?.drop();
  });

  it('is a lost lock, warned, while the gateway runs; the next pass takes it again', async () => {
    expect(gateway.sync!.leading).toBe(true);
    expect(await endLockSession(database)).toBe(1);
    await waitUntil(() => !gateway.sync!.leading);
    expect(lockLines()).toEqual([
      expect.objectContaining({ level: WARN, msg: 'lost the sync lock; another replica may take it' }),
    ]);

    await gateway.sync!.pass();
    expect(gateway.sync!.leading).toBe(true);
  });

  it('is part of the shutdown, not warned, once the gateway is stopping', async () => {
    const warned = lockLines().length;
    // A pull held in flight keeps the stop from freeing the lock itself before the database ends it.
    let answer!: () => void;
    feed.behave(() => new Promise<undefined>((resolve) => (answer = () => resolve(undefined))));
    feed.append(change('ADOPTION', 'klamath-soil', 'a1'));
    const asked = feed.asks.length;
    const pulled = gateway.sync!.syncNode('klamath-soil');
    await waitUntil(() => feed.asks.length > asked);

    const stopping = gateway.stop();
    expect(await endLockSession(database)).toBe(1);
    await waitUntil(() => !gateway.sync!.leading);
    answer();
    await Promise.all([pulled, stopping]);

    expect(lockLines().slice(warned)).toEqual([
      expect.objectContaining({ level: 20, msg: 'the sync lock ended with the shutdown' }),
    ]);
    expect(lines.filter((line) => line.level >= WARN)).toHaveLength(warned);
  });
});
