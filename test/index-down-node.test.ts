import {
  testIndexConfig,
  createTestDatabase,
  link,
  publishedArtifact,
  sql,
  startTestCommons,
  type TestCommons,
  type TestDatabase,
} from '@commons-graph/testing';

const QUERY = `{ artifacts(first: 10) { totalCount edges { node { id title adoptions { id community { slug } } } } }
  needs { id community { slug } }
  nodes { slug sync { syncedSeq lastSyncAt lastError failures } } }`;

describe('a node that is down, read from the index', () => {
  let commons: TestCommons;
  let indexDatabase: TestDatabase;

  beforeAll(async () => {
    indexDatabase = await createTestDatabase('down-node-index');
    commons = await startTestCommons(['up-circle', 'down-circle'], {
      gateway: {
        source: 'index',
        index: testIndexConfig(indexDatabase.url, { freshnessMs: 60_000 }),
      },
    });
    const { 'up-circle': up, 'down-circle': down } = commons.nodes;
    const guide = await publishedArtifact(down, { title: 'Down guide', handle: 'guide' });
    await publishedArtifact(up, { title: 'Up guide', handle: 'guide' });
    await link(up, 'recordAdoption', { artifactId: guide, status: 'ADOPTED', context: 'Used it.' });
    await link(down, 'postNeed', { title: 'A need', body: 'Help.', tags: [] });
    for (const slug of ['up-circle', 'down-circle']) await commons.gateway.sync!.syncNode(slug);
  });

  afterAll(async () => {
    await commons?.stop();
    await indexDatabase?.drop();
  });

  it('keeps serving its last synced data, names it stale, and fails nothing', async () => {
    const before = await commons.query(QUERY);
    expect(before.errors).toBeUndefined();
    expect(before.extensions?.staleCommunities).toBeUndefined();

    await commons.nodes['down-circle'].stop();
    await commons.gateway.sync!.syncNode('down-circle'); // fails: the node is gone
    // As if the node had been down for an hour: its last successful sync is that old. The gateway
    // keeps what is stale between requests until the index notifies it of a change such as this.
    const heard = new Promise<void>((resolve) => {
      const stop = commons.gateway.index!.notices.hear((notice) => {
        if (notice.slug === 'down-circle' && notice.staler) resolve(void stop());
      });
    });
    await sql(
      indexDatabase.url,
      `update followed_node set last_sync_at = last_sync_at - interval '1 hour' where slug = 'down-circle'`,
    );
    await heard;

    const requests = await commons.countRequests(async () => {
      const after = await commons.query(QUERY);
      expect(after.errors).toBeUndefined();
      expect(after.data!.artifacts).toEqual(before.data!.artifacts);
      expect(after.data!.needs).toEqual(before.data!.needs);
      const stale = after.extensions!.staleCommunities as Array<Record<string, unknown>>;
      expect(stale).toEqual([{ community: 'down-circle', syncedAt: expect.any(String), lag: 0 }]);
      expect(Date.parse(stale[0].syncedAt as string)).toBeLessThan(Date.now() - 3_000_000);
      const down = after.data!.nodes.find((n: { slug: string }) => n.slug === 'down-circle');
      expect(down.sync.lastError).toEqual(expect.any(String));
      expect(down.sync.failures).toBe(1);
    });
    expect(requests).toEqual({});
  });
});
