import { untilSynced } from '@commons-graph/gateway';
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
 * Gateway replicas on one Commons index serve one list of nodes: the index's followed nodes.
 * registerNode and removeNode on any replica change it for all; each hears of a change by
 * PostgreSQL notification (no periodic reload here unless a test says so), or reloads the list.
 */
const TOKEN = 'index-tests-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };
const REGISTER = `mutation($url: String!, $slug: String) { registerNode(url: $url, slug: $slug) { slug status } }`;
const REMOVE = `mutation($slug: String!) { removeNode(slug: $slug) }`;
const ARTIFACT = `query($id: ID!) { artifact(id: $id) { id title } }`;
const NODES = `{ nodes { slug status } }`;
const NOTIFIED_ONLY = { registryReloadMs: 0 };

/** Waits for what another replica hears of asynchronously; the test's timeout bounds the wait. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

const served = (replica: IndexedGateway) =>
  replica.gateway.registry
    .all()
    .map((node) => `${node.slug} ${node.url}`)
    .sort();

const listed = async (replica: IndexedGateway) =>
  (await sql<{ slug: string; url: string }>(replica.database.url, 'select slug, url from followed_node'))
    .map((row) => `${row.slug} ${row.url}`)
    .sort();

describe('two gateway replicas on one index share the nodes registered on either', () => {
  let configured: TestNode;
  let registered: TestNode;
  let syncing: IndexedGateway;
  let other: IndexedGateway;

  beforeAll(async () => {
    [configured, registered] = await Promise.all([
      startTestNode('configured-circle'),
      startTestNode('registered-circle'),
    ]);
    await publishedArtifact(configured, { title: 'Seed saving', handle: 'seeds' });
    await publishedArtifact(registered, { title: 'Cover crops', handle: 'cover-crops' });
    // Only the syncing replica is configured with a node; the other learns of it from the index.
    syncing = await startIndexedGateway(
      [{ slug: configured.slug, url: configured.node.publicUrl }],
      NOTIFIED_ONLY,
    );
    other = await startIndexedGateway([], NOTIFIED_ONLY, {}, syncing.database);
  });
  afterAll(async () => {
    await other?.stop();
    await syncing?.stop();
    await Promise.all([configured?.stop(), registered?.stop()]);
  });

  it('serves on every replica the nodes configured on any', async () => {
    expect([syncing.gateway.sync!.leading, other.gateway.sync!.leading]).toEqual([true, false]);
    expect(served(other)).toEqual([`configured-circle ${configured.node.publicUrl}`]);
    await untilSynced(syncing.gateway.sync!, [configured.slug], 30_000);
    expect(
      (await graphql(other.gateway.graphqlUrl, ARTIFACT, { id: 'configured-circle:seeds' })).data,
    ).toEqual({
      artifact: { id: 'configured-circle:seeds', title: 'Seed saving' },
    });
  });

  it('refuses registerNode and removeNode without the admin token on any replica, listing nothing', async () => {
    for (const replica of [syncing, other]) {
      const anonymous = await graphql(replica.gateway.graphqlUrl, REGISTER, {
        url: registered.node.publicUrl,
      });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const wrong = await graphql(
        replica.gateway.graphqlUrl,
        REMOVE,
        { slug: configured.slug },
        { authorization: 'Bearer not-the-gateway-admin-token-at-all' },
      );
      expect(wrong.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await listed(syncing)).toEqual([`configured-circle ${configured.node.publicUrl}`]);
  });

  it('follows a node registered on the replica that does not sync, and both serve its artifacts', async () => {
    const result = await graphql(
      other.gateway.graphqlUrl,
      REGISTER,
      { url: registered.node.publicUrl, slug: registered.slug },
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ registerNode: { slug: 'registered-circle', status: 'UP' } });
    expect(await listed(syncing)).toContain(`registered-circle ${registered.node.publicUrl}`);

    // The syncing replica hears of it, follows it and pulls its feed.
    await until(() => !!syncing.gateway.registry.get(registered.slug));
    await untilSynced(syncing.gateway.sync!, [registered.slug], 30_000);
    for (const replica of [syncing, other]) {
      const answer = await graphql(replica.gateway.graphqlUrl, ARTIFACT, {
        id: 'registered-circle:cover-crops',
      });
      expect(answer).toEqual({
        data: { artifact: { id: 'registered-circle:cover-crops', title: 'Cover crops' } },
      });
      expect((await graphql(replica.gateway.graphqlUrl, NODES)).data!.nodes).toEqual([
        { slug: 'configured-circle', status: 'UP' },
        { slug: 'registered-circle', status: 'UP' },
      ]);
    }
  });

  it('stops serving a node removed on the syncing replica on the other too, purged once', async () => {
    const result = await graphql(syncing.gateway.graphqlUrl, REMOVE, { slug: registered.slug }, admin);
    expect(result).toEqual({ data: { removeNode: true } });
    expect(await syncing.entities(registered.slug)).toEqual(new Map());
    expect(await listed(syncing)).toEqual([`configured-circle ${configured.node.publicUrl}`]);

    await until(() => !other.gateway.registry.get(registered.slug));
    for (const replica of [syncing, other]) {
      expect((await graphql(replica.gateway.graphqlUrl, NODES)).data!.nodes).toEqual([
        { slug: 'configured-circle', status: 'UP' },
      ]);
      const answer = await graphql(replica.gateway.graphqlUrl, ARTIFACT, {
        id: 'registered-circle:cover-crops',
      });
      expect(answer.data).toEqual({ artifact: null });
    }
    // Removing it again, on the other replica, finds nothing.
    const again = await graphql(other.gateway.graphqlUrl, REMOVE, { slug: registered.slug }, admin);
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the registered nodes when a replica restarts', async () => {
    const result = await graphql(
      syncing.gateway.graphqlUrl,
      REGISTER,
      { url: registered.node.publicUrl, slug: registered.slug },
      admin,
    );
    expect(result.errors).toBeUndefined();
    await until(() => !!other.gateway.registry.get(registered.slug));

    await untilSynced(syncing.gateway.sync!, [registered.slug], 30_000);
    await other.stop();
    other = await startIndexedGateway([], NOTIFIED_ONLY, {}, syncing.database);
    expect(served(other)).toEqual([
      `configured-circle ${configured.node.publicUrl}`,
      `registered-circle ${registered.node.publicUrl}`,
    ]);
    const answer = await graphql(other.gateway.graphqlUrl, ARTIFACT, { id: 'registered-circle:cover-crops' });
    expect(answer.data).toEqual({ artifact: { id: 'registered-circle:cover-crops', title: 'Cover crops' } });
  });
});

describe('replicas registering the same slug at once end with one node, the same on both', () => {
  let first: TestNode;
  let second: TestNode;
  let a: IndexedGateway;
  let b: IndexedGateway;

  beforeAll(async () => {
    // Two nodes claiming one community (each its own database): only one may be it in the Commons.
    [first, second] = await Promise.all([startTestNode('twin-circle'), startTestNode('twin-circle')]);
    a = await startIndexedGateway([], NOTIFIED_ONLY);
    b = await startIndexedGateway([], NOTIFIED_ONLY, {}, a.database);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('registers the same URL on both: both succeed, one node listed', async () => {
    const answers = await Promise.all(
      [a, b].map((replica) =>
        graphql(
          replica.gateway.graphqlUrl,
          REGISTER,
          { url: first.node.publicUrl, slug: 'twin-circle' },
          admin,
        ),
      ),
    );
    expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined]);
    expect(await listed(a)).toEqual([`twin-circle ${first.node.publicUrl}`]);
    for (const replica of [a, b]) expect(served(replica)).toEqual([`twin-circle ${first.node.publicUrl}`]);
  });

  it('registers two URLs for one slug on the two replicas: one wins, the other is refused, both serve the winner', async () => {
    expect(
      (await graphql(a.gateway.graphqlUrl, REMOVE, { slug: 'twin-circle' }, admin)).errors,
    ).toBeUndefined();
    await until(() => served(b).length === 0);

    const answers = await Promise.all(
      [
        [a, first],
        [b, second],
      ].map(([replica, node]) =>
        graphql(
          (replica as IndexedGateway).gateway.graphqlUrl,
          REGISTER,
          { url: (node as TestNode).node.publicUrl, slug: 'twin-circle' },
          admin,
        ),
      ),
    );
    const refused = answers.filter((answer) => answer.errors);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors![0]).toMatchObject({
      message: expect.stringContaining('is already registered at'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const [winner] = await listed(a);
    expect(await listed(a)).toHaveLength(1);
    await until(() => served(a)[0] === winner && served(b)[0] === winner);
    expect([served(a), served(b)]).toEqual([[winner], [winner]]);
  });
});

describe('a replica that missed a notification catches up on its periodic reload', () => {
  let node: TestNode;
  let reloading: IndexedGateway;
  let other: IndexedGateway;

  beforeAll(async () => {
    node = await startTestNode('quiet-circle');
    reloading = await startIndexedGateway([], { registryReloadMs: 50 });
    other = await startIndexedGateway([], NOTIFIED_ONLY, {}, reloading.database);
  });
  afterAll(async () => {
    await other?.stop();
    await reloading?.stop();
    await node?.stop();
  });

  it('learns of a node registered while notifications were off, and of its removal', async () => {
    // As if the notification were lost: the index announces no change of its list.
    await sql(reloading.database.url, 'alter table followed_node disable trigger followed_node_listed');
    const result = await graphql(
      other.gateway.graphqlUrl,
      REGISTER,
      { url: node.node.publicUrl, slug: node.slug },
      admin,
    );
    expect(result.errors).toBeUndefined();
    await until(() => !!reloading.gateway.registry.get(node.slug));

    expect(
      (await graphql(other.gateway.graphqlUrl, REMOVE, { slug: node.slug }, admin)).errors,
    ).toBeUndefined();
    await until(() => !reloading.gateway.registry.get(node.slug));
    await sql(reloading.database.url, 'alter table followed_node enable trigger followed_node_listed');
  });
});
