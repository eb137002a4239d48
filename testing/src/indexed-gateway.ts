import {
  CommonsIndex,
  KIND_TABLES,
  type GatewayConfig,
  type IndexConfig,
  type RunningGateway,
} from '@commons-graph/gateway';
import { startTestGateway } from './commons';
import { createTestDatabase, sql, type TestDatabase } from './databases';
import type { Member } from './feed-fixtures';
import type { ScriptedFeedNode } from './feed-node';

export interface IndexedGateway {
  gateway: RunningGateway;
  /** The index database (shared by every gateway started on it). */
  database: TestDatabase;
  /** Pulls a node now and waits for it; throws if this gateway does not hold the sync lock. */
  sync(slug: string): Promise<void>;
  /** What the index holds: each entity's representation by `<kind> <entityId>`, optionally of one node. */
  entities(community?: string): Promise<Map<string, Member>>;
  /** Stops the gateway; drops the database unless it was given. */
  stop(): Promise<void>;
}

/**
 * The tests' index configuration on `databaseUrl`: nothing syncs on a period unless asked, and a
 * failing node is retried after a second.
 */
export function testIndexConfig(databaseUrl: string, overrides: Partial<IndexConfig> = {}): IndexConfig {
  return {
    databaseUrl,
    dataDir: 'unused: the index is on a test database',
    syncIntervalMs: 0,
    syncBackoffMs: 1000,
    syncBackoffCapMs: 60_000,
    ...overrides,
  };
}

/**
 * A test gateway keeping a Commons index on a database of its own (or on `database`, to run
 * replicas on one index). Nothing syncs on a period unless asked: tests pull with
 * `gateway.sync.syncNode(slug)` or `pass()`.
 */
export async function startIndexedGateway(
  nodes: GatewayConfig['nodes'],
  index: Partial<IndexConfig> = {},
  overrides: Partial<GatewayConfig> = {},
  database?: TestDatabase,
): Promise<IndexedGateway> {
  const db = database ?? (await createTestDatabase('index'));
  const gateway = await startTestGateway(nodes, {
    adminToken: 'index-tests-admin-token-0123456789',
    ...overrides,
    index: testIndexConfig(db.url, index),
  });
  await gateway.sync!.settled(); // the first pass, so that tests start from a known state
  return {
    gateway,
    database: db,
    async sync(slug) {
      if (!(await gateway.sync!.syncNode(slug)))
        throw new Error('this gateway does not sync: another holds the lock');
    },
    async entities(community) {
      const where = community ? 'where community = $1' : '';
      const rows = await sql<{ kind: string; id: string; doc: Member }>(
        db.url,
        KIND_TABLES.map(
          ({ kind, table }) => `select '${kind}' as kind, id, doc from "${table}" ${where}`,
        ).join(' union all ') + ' order by kind, id',
        community ? [community] : [],
      );
      return new Map(rows.map((row) => [`${row.kind} ${row.id}`, row.doc]));
    },
    async stop() {
      await gateway.stop();
      if (!database) await db.drop();
    },
  };
}

/** A test gateway keeping an index of its own over scripted feed nodes, each pulled once. */
export async function startIndexedFeeds(
  feeds: readonly ScriptedFeedNode[],
  overrides: Partial<GatewayConfig> = {},
): Promise<IndexedGateway> {
  const indexed = await startIndexedGateway(
    feeds.map(({ slug, url }) => ({ slug, url })),
    {},
    overrides,
  );
  await Promise.all(feeds.map((feed) => indexed.sync(feed.slug)));
  return indexed;
}

/** A Commons index on a database of its own, for suites that write and read it directly. */
export interface TestIndex {
  index: CommonsIndex;
  url: string;
  close(): Promise<void>;
}

export async function openTestIndex(label: string): Promise<TestIndex> {
  const database = await createTestDatabase(label);
  const index = await CommonsIndex.open({
    databaseUrl: database.url,
    dataDir: 'unused: on a test database',
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  return {
    index,
    url: database.url,
    close: async () => {
      await index.close();
      await database.drop();
    },
  };
}
