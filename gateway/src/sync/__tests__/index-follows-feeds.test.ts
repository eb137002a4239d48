import {
  change,
  graphql,
  startFeedNode,
  startIndexedGateway,
  type IndexedGateway,
  type ScriptedChange,
  type ScriptedFeedNode,
} from '@commons-graph/testing';

const NODES_QUERY = `{ nodes { slug sync { syncedSeq head lag lastSyncAt lastError epoch failures } } }`;

async function syncState(indexed: IndexedGateway, slug: string) {
  const { data } = await graphql<{ nodes: Array<{ slug: string; sync: Record<string, unknown> }> }>(
    indexed.gateway.graphqlUrl,
    NODES_QUERY,
  );
  return data!.nodes.find((node) => node.slug === slug)!.sync;
}

/** Artifacts, adoptions and the rest, `count` changes in all, some entities changed more than once. */
function history(slug: string, count: number): ScriptedChange[] {
  const kinds = ['ARTIFACT', 'ADOPTION', 'FEEDBACK', 'DERIVATION', 'NEED', 'LEARNING_CYCLE'] as const;
  return Array.from({ length: count }, (_, i) =>
    change(kinds[i % kinds.length], slug, `e${i % (count - 50)}`, 1 + Math.floor(i / (count - 50))),
  );
}

describe('the Commons index follows each node’s change feed', () => {
  let feed: ScriptedFeedNode;
  let indexed: IndexedGateway;
  beforeEach(async () => {
    feed = await startFeedNode('klamath-soil', [change('COMMUNITY', 'klamath-soil', '')]);
  });
  afterEach(async () => {
    await indexed?.stop();
    await feed.stop();
  });

  it('backfills a few thousand events from 0, a page of at most 1000 at a time, into what the node serves now', async () => {
    feed.append(...history('klamath-soil', 3000));
    indexed = await startIndexedGateway([{ slug: 'klamath-soil', url: feed.url }]);
    await indexed.sync('klamath-soil');

    expect(await indexed.entities()).toEqual(feed.latest());
    expect(feed.asks.map((ask) => ask.after)).toEqual(expect.arrayContaining([0, 1000, 2000, 3000]));
    expect(feed.asks.every((ask) => ask.first === 1000)).toBe(true);
    expect(await syncState(indexed, 'klamath-soil')).toMatchObject({
      syncedSeq: 3001,
      head: 3001,
      lag: 0,
      lastError: null,
      epoch: feed.epoch,
      failures: 0,
    });
  });

  it('then pulls only what is new, and a member that is no longer public is removed', async () => {
    feed.append(
      change('ARTIFACT', 'klamath-soil', 'guide'),
      change('LEARNING_CYCLE', 'klamath-soil', 'spring'),
    );
    indexed = await startIndexedGateway([{ slug: 'klamath-soil', url: feed.url }]);
    await indexed.sync('klamath-soil');
    feed.asks.length = 0;

    feed.append(
      change('ARTIFACT', 'klamath-soil', 'guide', 2),
      change('LEARNING_CYCLE', 'klamath-soil', 'spring', 1, true),
    );
    await indexed.sync('klamath-soil');

    expect(feed.asks).toEqual([{ after: 3, first: 1000 }]);
    const held = await indexed.entities();
    expect(held).toEqual(feed.latest());
    expect(held.get('ARTIFACT klamath-soil:guide')).toMatchObject({ version: 2, title: 'guide (version 2)' });
    expect(held.has('LEARNING_CYCLE klamath-soil:spring')).toBe(false);
  });

  it('purges a node whose epoch changed and syncs it again from 0', async () => {
    feed.append(change('ARTIFACT', 'klamath-soil', 'old-guide'), change('ADOPTION', 'klamath-soil', 'a1'));
    indexed = await startIndexedGateway([{ slug: 'klamath-soil', url: feed.url }]);
    await indexed.sync('klamath-soil');

    feed.reset([change('ARTIFACT', 'klamath-soil', 'new-guide')]);
    await indexed.sync('klamath-soil');

    expect([...(await indexed.entities()).keys()]).toEqual(['ARTIFACT klamath-soil:new-guide']);
    expect(await syncState(indexed, 'klamath-soil')).toMatchObject({
      syncedSeq: 1,
      head: 1,
      epoch: feed.epoch,
    });
  });

  it('syncs a node again from 0 when its head is behind the cursor (restored from an older backup)', async () => {
    feed.append(change('ARTIFACT', 'klamath-soil', 'kept'), change('ARTIFACT', 'klamath-soil', 'lost'));
    indexed = await startIndexedGateway([{ slug: 'klamath-soil', url: feed.url }]);
    await indexed.sync('klamath-soil');

    feed.rollBack(2);
    await indexed.sync('klamath-soil');

    expect(await indexed.entities()).toEqual(feed.latest());
    expect([...(await indexed.entities()).keys()]).toEqual([
      'ARTIFACT klamath-soil:kept',
      'COMMUNITY klamath-soil',
    ]);
    expect(await syncState(indexed, 'klamath-soil')).toMatchObject({ syncedSeq: 2, head: 2 });
  });

  it('purges what it holds of a node removed with removeNode, and follows a node registered with registerNode', async () => {
    const other = await startFeedNode('valley-clinics', [change('NEED', 'valley-clinics', 'forms')]);
    try {
      feed.append(change('ARTIFACT', 'klamath-soil', 'guide'));
      indexed = await startIndexedGateway([{ slug: 'klamath-soil', url: feed.url }]);
      await indexed.sync('klamath-soil');
      const admin = { authorization: 'Bearer index-tests-admin-token-0123456789' };

      const registered = await graphql(
        indexed.gateway.graphqlUrl,
        `
          mutation ($url: String!) {
            registerNode(url: $url, slug: "valley-clinics") {
              slug
            }
          }
        `,
        { url: other.url },
        admin,
      );
      expect(registered.errors).toBeUndefined();
      await indexed.sync('valley-clinics');
      expect(await indexed.entities('valley-clinics')).toEqual(other.latest());

      const removed = await graphql(
        indexed.gateway.graphqlUrl,
        `
          mutation {
            removeNode(slug: "klamath-soil")
          }
        `,
        {},
        admin,
      );
      expect(removed.data).toEqual({ removeNode: true });
      expect(await indexed.entities('klamath-soil')).toEqual(new Map());
      expect(await indexed.gateway.index!.state('klamath-soil')).toBeNull();
      expect(await indexed.entities()).toEqual(other.latest());
    } finally {
      await other.stop();
    }
  });
});
