import pino from 'pino';
import { startGateway, type RunningGateway } from '@commons-graph/gateway';
import {
  testIndexConfig,
  change,
  createTestDatabase,
  graphql,
  startFeedNode,
  startHostileNode,
  startIndexedGateway,
  type HostileNode,
  type ScriptedFeedNode,
  type TestDatabase,
} from '@commons-graph/testing';

/** A gateway answering from the index on `db`, started without waiting for its probes. */
const startOnIndex = (db: TestDatabase) =>
  startGateway(
    {
      host: '127.0.0.1',
      port: 0,
      nodes: [{ slug: 'early-circle', url: node.url }],
      nodeTimeoutMs: 60_000,
      probeIntervalMs: 0,
      breakerThreshold: 5,
      breakerCooldownMs: 30_000,
      corsOrigins: '*',
      logLevel: 'silent',
      source: 'index',
      index: testIndexConfig(db.url),
    },
    { logger: pino({ level: 'silent' }) },
  );

const QUERY = `{ artifacts(first: 10) { totalCount edges { node { id } } } nodes { slug status error } }`;

let node: HostileNode;

describe('a gateway answering from an index that already holds its nodes', () => {
  let feed: ScriptedFeedNode;
  let database: TestDatabase;
  let gateway: RunningGateway | undefined;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    feed = await startFeedNode('early-circle', [
      change('COMMUNITY', 'early-circle', ''),
      change('ARTIFACT', 'early-circle', 'guide'),
    ]);
    node = await startHostileNode(feed.url);
    database = await createTestDatabase('listens-first');
    // A first gateway syncs the index, then stops.
    const first = await startIndexedGateway([{ slug: 'early-circle', url: node.url }], {}, {}, database);
    await first.stop();
  });
  afterAll(async () => {
    release();
    await gateway?.stop();
    await node?.stop();
    await feed?.stop();
    await database?.drop();
  });

  it('listens before its probes are answered, answers from the index, and probes, then pulls, after', async () => {
    const probeAnswered = new Promise<void>((resolve) => (release = resolve));
    let probeArrived: () => void = () => undefined;
    const probeAsked = new Promise<void>((resolve) => (probeArrived = resolve));
    node.behave(async (request) => {
      if (request.isProbe) {
        probeArrived();
        await probeAnswered;
      }
      return { json: await request.honest() };
    });
    feed.asks.length = 0;

    gateway = await startOnIndex(database);

    // Listening while the probe waits unanswered: the index answers, the node is honestly unprobed.
    await probeAsked;
    expect(node.open).toBe(1);
    const before = await graphql(gateway.graphqlUrl, QUERY);
    expect(before.errors).toBeUndefined();
    expect(before.data).toEqual({
      artifacts: { totalCount: 1, edges: [{ node: { id: 'early-circle:guide' } }] },
      nodes: [{ slug: 'early-circle', status: 'DOWN', error: 'not probed yet' }],
    });
    expect(feed.asks).toEqual([]); // no pull before the probe

    release();
    await gateway.probed;
    await gateway.sync!.settled();
    const after = await graphql(gateway.graphqlUrl, QUERY);
    expect(after.data!.nodes).toEqual([{ slug: 'early-circle', status: 'UP', error: null }]);
    expect(feed.asks).toEqual([{ after: 2, first: 1000 }]);
  });

  it('probes first, as before, a node the index does not hold yet', async () => {
    release();
    await gateway?.stop();
    node.behave(null);
    const fresh = await createTestDatabase('listens-first-fresh');
    try {
      gateway = await startOnIndex(fresh);
      // Without awaiting `probed`: the probe was answered before the gateway listened.
      expect(gateway.registry.get('early-circle')).toMatchObject({ status: 'UP', error: null });
      await gateway.stop();
    } finally {
      gateway = undefined;
      await fresh.drop();
    }
  });
});
