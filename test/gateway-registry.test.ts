import type { RunningGateway } from '@commons-graph/gateway';
import {
  codesOf,
  type FakeNode,
  graphql,
  publishedArtifact,
  startFakeNode,
  startTestCommons,
  startTestGateway,
  type TestCommons,
} from '@commons-graph/testing';

const ADMIN = 'gateway-admin-token-for-the-registry-test';
const admin = { authorization: `Bearer ${ADMIN}` };

/** Polls until `check` holds (at most `attempts` times), for state that a background probe changes. */
async function eventually(check: () => Promise<boolean>, attempts = 100): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

const close = (fake: FakeNode) =>
  new Promise((resolve) => {
    fake.server.closeAllConnections();
    fake.server.close(resolve);
  });

describe('the gateway registry, as a node operator meets it', () => {
  let commons: TestCommons;
  beforeAll(async () => {
    commons = await startTestCommons(['klamath-soil', 'openinfra-sigs'], { adminToken: ADMIN });
    await publishedArtifact(commons.nodes['klamath-soil'], { title: 'Guide', handle: 'guide' });
  });
  afterAll(() => commons?.stop());

  it('refuses a second node under a slug that is already registered elsewhere', async () => {
    const impostor = await startFakeNode('klamath-soil', () => []);
    try {
      const result = await commons.query(
        `mutation($url: String!) { registerNode(url: $url) { slug } }`,
        { url: impostor.url },
        admin,
      );
      expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].message).toMatch(/"klamath-soil" is already registered at/);
      const { nodes } = await commons.queryOk(`{ nodes { slug url status } }`);
      expect(nodes.find((n: { slug: string }) => n.slug === 'klamath-soil')).toMatchObject({
        url: commons.nodes['klamath-soil'].node.publicUrl,
        status: 'UP',
      });
    } finally {
      await close(impostor);
    }
  });

  it('keeps out a node whose own profile names another community than it was registered as', async () => {
    const registered = await commons.query(
      `mutation($url: String!) { registerNode(url: $url, slug: "somebody-else") { slug status error } }`,
      {
        url: commons.nodes['openinfra-sigs'].node.publicUrl,
      },
      admin,
    );
    expect(registered.data!.registerNode).toMatchObject({ slug: 'somebody-else', status: 'INCOMPATIBLE' });
    expect(registered.data!.registerNode.error).toMatch(
      /it says it is "openinfra-sigs", but is registered as "somebody-else"/,
    );
    // An incompatible node takes no part in queries.
    const requests = await commons.countRequests(() => commons.queryOk(`{ artifacts { totalCount } }`));
    expect(requests['somebody-else']).toBeUndefined();
    expect(codesOf(await commons.query(`mutation { removeNode(slug: "somebody-else") }`, {}, admin))).toEqual(
      [],
    );
  });

  it('retries a read once when a node drops the connection, and answers as if nothing happened', async () => {
    let pages = 0;
    const flaky = await startFakeNode('flaky-circle', () => ({
      totalCount: 0,
      pageInfo: { hasNextPage: false },
      edges: [],
    }));
    // The first page request loses its connection before any answer; the second is answered.
    flaky.server.prependListener('request', (req) => {
      if (req.headers['content-length'] && Number(req.headers['content-length']) > 0) {
        req.once('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ArtifactPage') && pages++ === 0) req.socket.destroy();
        });
      }
    });
    try {
      await commons.query(
        `mutation($url: String!) { registerNode(url: $url, slug: "flaky-circle") { status } }`,
        { url: flaky.url },
        admin,
      );
      const sent = await commons.countRequests(async () => {
        const result = await commons.query(`{ artifacts { totalCount } }`);
        expect(result.errors).toBeUndefined();
        expect(result.data!.artifacts.totalCount).toBe(1);
      });
      expect(pages).toBe(2);
      expect(sent['flaky-circle']).toBe(2);
    } finally {
      await commons.query(`mutation { removeNode(slug: "flaky-circle") }`, {}, admin);
      await close(flaky);
    }
  });
});

describe('periodic probes', () => {
  let gateway: RunningGateway;
  let fake: FakeNode;
  let answering = true;
  beforeAll(async () => {
    fake = await startFakeNode('probed-circle', () => []);
    // A node that stops answering (closes every connection at once) and comes back.
    fake.server.prependListener('request', (req) => {
      if (!answering) req.socket.destroy();
    });
    gateway = await startTestGateway([{ slug: 'probed-circle', url: fake.url }], {
      nodeTimeoutMs: 500,
      probeIntervalMs: 100,
      source: 'live',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    if (fake) await close(fake);
  });

  const statusOf = async () =>
    (
      await graphql(
        gateway.graphqlUrl,
        `
          {
            nodes {
              slug
              status
            }
          }
        `,
      )
    ).data!.nodes[0].status as string;

  it('mark a node DOWN when it stops answering, and UP again when it is back, with no query in between', async () => {
    expect(await statusOf()).toBe('UP');
    answering = false;
    expect(await eventually(async () => (await statusOf()) === 'DOWN')).toBe(true);
    answering = true;
    expect(await eventually(async () => (await statusOf()) === 'UP')).toBe(true);
  });
});
