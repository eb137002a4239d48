import { KIND_TABLES } from '@commons-graph/gateway';
import {
  graphql,
  publishedArtifact,
  sql,
  startIndexedGateway,
  startTestNode,
  type IndexedGateway,
  type TestNode,
} from '@commons-graph/testing';

/**
 * Operating the Commons index (README, "Operating the index"): an operator re-syncs a node whose
 * copy they distrust, and purges one they stop federating. Both need the gateway admin token.
 */
const TOKEN = 'index-tests-admin-token-0123456789';
const RESYNC = `mutation($slug: String!) { resyncNode(slug: $slug) { slug sync { syncedSeq head lag } } }`;

describe('an operator re-syncs and purges a node in the Commons index', () => {
  let node: TestNode;
  let indexed: IndexedGateway;
  const admin = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    node = await startTestNode('ops-circle');
    await publishedArtifact(node, { title: 'Seed saving', handle: 'seeds' });
    indexed = await startIndexedGateway([{ slug: node.slug, url: node.node.publicUrl }]);
    await indexed.sync(node.slug);
  });
  afterAll(async () => {
    await indexed?.stop();
    await node?.stop();
  });

  it('re-syncs a node whose rows were damaged: the index holds exactly the feed again', async () => {
    const before = await indexed.entities(node.slug);
    expect(before.has('ARTIFACT ops-circle:seeds')).toBe(true);
    // Damage the copy behind the follower's back, as a bad restore or a manual edit would.
    const { table } = KIND_TABLES.find((t) => t.kind === 'ARTIFACT')!;
    await sql(indexed.database.url, `delete from "${table}" where community = $1`, [node.slug]);
    expect((await indexed.entities(node.slug)).has('ARTIFACT ops-circle:seeds')).toBe(false);

    const result = await graphql(indexed.gateway.graphqlUrl, RESYNC, { slug: node.slug }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data!.resyncNode.sync).toMatchObject({ lag: 0 });
    expect(result.data!.resyncNode.sync.syncedSeq).toBeGreaterThan(0);
    expect(await indexed.entities(node.slug)).toEqual(before);
  });

  it('refuses a re-sync without the admin token, and of a node it does not know', async () => {
    const anonymous = await graphql(indexed.gateway.graphqlUrl, RESYNC, { slug: node.slug });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await graphql(indexed.gateway.graphqlUrl, RESYNC, { slug: 'no-such-node' }, admin);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('purges a node by removing it: nothing of it stays in the index', async () => {
    expect((await indexed.entities(node.slug)).size).toBeGreaterThan(0);
    const removed = await graphql(
      indexed.gateway.graphqlUrl,
      `
        mutation ($slug: String!) {
          removeNode(slug: $slug)
        }
      `,
      { slug: node.slug },
      admin,
    );
    expect(removed.errors).toBeUndefined();
    expect((await indexed.entities(node.slug)).size).toBe(0);
    expect(await indexed.gateway.index!.state(node.slug)).toBeNull();
  });
});
