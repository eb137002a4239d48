import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import {
  codesOf,
  publishedArtifact,
  startFakeNode,
  startTestCommons,
  type TestCommons,
} from '@commons-graph/testing';

const ADMIN = 'gateway-admin-token-for-the-resilience-test';

/** A subgraph that claims to be a community node but lacks most of the node contract. */
async function startBrokenNode(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        type Query { community: Community! }
        type Community @key(fields: "slug") { slug: String! name: String! software: NodeSoftware! }
        type NodeSoftware { name: String! version: String! protocol: String! }`),
      resolvers: {
        Query: {
          community: () => ({
            slug: 'broken-circle',
            name: 'Broken',
            software: { name: 'x', version: '0', protocol: '1' },
          }),
        },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** A node that accepts connections and never answers: the gateway's timeout must bound it. */
async function startSilentNode(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

describe('a Commons whose nodes fail', () => {
  let commons: TestCommons;
  beforeAll(async () => {
    commons = await startTestCommons(['klamath-soil', 'openinfra-sigs', 'valley-clinics'], {
      nodeTimeoutMs: 500,
      adminToken: ADMIN,
      breakerThreshold: 2,
    });
    for (const node of Object.values(commons.nodes)) {
      await publishedArtifact(node, { title: `${node.slug} guide`, handle: 'guide' });
    }
  });
  afterAll(() => commons?.stop());

  const admin = { authorization: `Bearer ${ADMIN}` };

  it('keeps a node with a broken schema out as INCOMPATIBLE, with the reason', async () => {
    const broken = await startBrokenNode();
    try {
      const result = await commons.query(
        `mutation($url: String!) { registerNode(url: $url) { slug status error } }`,
        { url: broken.url },
        admin,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.registerNode).toMatchObject({ slug: 'broken-circle', status: 'INCOMPATIBLE' });
      expect(result.data!.registerNode.error).toMatch(/Query\.artifacts was removed/);
      const { communities, artifacts } = await commons.queryOk(
        `{ communities { slug } artifacts { totalCount } }`,
      );
      expect(communities.map((c: { slug: string }) => c.slug)).not.toContain('broken-circle');
      expect(artifacts.totalCount).toBe(3);
      expect(
        codesOf(await commons.query(`mutation { removeNode(slug: "broken-circle") }`, {}, admin)),
      ).toEqual([]);
    } finally {
      await broken.stop();
    }
  });

  it('guards registration with the gateway admin token', async () => {
    expect(
      codesOf(await commons.query(`mutation { registerNode(url: "http://127.0.0.1:9/graphql") { slug } }`)),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      codesOf(
        await commons.query(
          `mutation { removeNode(slug: "klamath-soil") }`,
          {},
          { authorization: 'Bearer not-the-token' },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codesOf(await commons.query(`mutation { registerNode(url: "not a url") { slug } }`, {}, admin)),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('answers with the other nodes’ data and one NODE_UNAVAILABLE error when a node never answers', async () => {
    const silent = await startSilentNode();
    try {
      await commons.query(
        `mutation($url: String!) { registerNode(url: $url, slug: "silent-circle") { status } }`,
        { url: silent.url },
        admin,
      );
      const result = await commons.query(`{ artifacts { totalCount edges { node { id } } } }`);
      expect(result.data!.artifacts.totalCount).toBe(3);
      expect(result.errors).toEqual([
        expect.objectContaining({
          extensions: { code: 'NODE_UNAVAILABLE', community: 'silent-circle', serviceName: 'silent-circle' },
        }),
      ]);
      expect(result.errors![0].message).toMatch(/no answer within 500 ms/);
      // After repeated failures the node is skipped for a cool-down instead of slowing every query.
      await commons.query(`{ artifacts { totalCount } }`);
      const skipped = await commons.countRequests(() => commons.query(`{ artifacts { totalCount } }`));
      expect(skipped['silent-circle']).toBeUndefined();
    } finally {
      await commons.query(`mutation { removeNode(slug: "silent-circle") }`, {}, admin);
      silent.server.closeAllConnections();
      silent.server.close();
    }
  });

  it('costs a node that answers in the wrong shape only its part', async () => {
    // It passes the contract check, then answers pages with something that is not a page.
    const garbled = await startFakeNode('garbled-circle', () => ({ page: 'of something else' }));
    try {
      await commons.query(
        `mutation($url: String!) { registerNode(url: $url, slug: "garbled-circle") { status } }`,
        { url: garbled.url },
        admin,
      );
      const result = await commons.query(`{ artifacts { totalCount edges { node { id } } } }`);
      expect(result.data!.artifacts.totalCount).toBe(3);
      expect(result.errors).toEqual([
        expect.objectContaining({
          extensions: {
            code: 'NODE_UNAVAILABLE',
            community: 'garbled-circle',
            serviceName: 'garbled-circle',
          },
        }),
      ]);
      expect(result.errors![0].message).toMatch(/left artifacts\.totalCount out of its answer/);
    } finally {
      await commons.query(`mutation { removeNode(slug: "garbled-circle") }`, {}, admin);
      garbled.server.close();
    }
  });

  it('costs a stopped node only its part, and shows it DOWN in Query.nodes', async () => {
    await commons.nodes['valley-clinics'].node.stop();
    const result = await commons.query(`{
      artifacts { totalCount edges { node { id community { slug } } } }
      gone: artifact(id: "valley-clinics:guide") { id }
      here: artifact(id: "klamath-soil:guide") { id adoptions { id } }
    }`);
    expect(result.data!.artifacts.totalCount).toBe(2);
    expect(result.data!.artifacts.edges.map((e: any) => e.node.community.slug).sort()).toEqual([
      'klamath-soil',
      'openinfra-sigs',
    ]);
    expect(result.data!.gone).toBeNull();
    expect(result.data!.here).toEqual({ id: 'klamath-soil:guide', adoptions: [] });
    expect(result.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'NODE_UNAVAILABLE', community: 'valley-clinics', serviceName: 'valley-clinics' },
      }),
    ]);
    const { nodes } = await commons.queryOk(`{ nodes { slug status error lastSeen } }`);
    expect(nodes.find((n: { slug: string }) => n.slug === 'valley-clinics')).toMatchObject({
      status: 'DOWN',
    });
    expect(nodes.find((n: { slug: string }) => n.slug === 'klamath-soil')).toMatchObject({
      status: 'UP',
      error: null,
    });
  });

  it('bounds page size, depth and aliases with clear errors, and keeps CSRF prevention on', async () => {
    expect(codesOf(await commons.query(`{ artifacts(first: 101) { totalCount } }`))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const deep = `{ artifacts { edges { node { derivedFrom { source { derivedFrom { source { derivedFrom { source { derivedFrom { source { derivedFrom { source { derivedFrom { source { id } } } } } } } } } } } } } } } }`;
    expect(codesOf(await commons.query(deep))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const csrf = await fetch(`${commons.gateway.graphqlUrl}?query=%7B__typename%7D`);
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/CSRF/i);
  });
});
