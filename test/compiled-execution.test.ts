import type { RunningGateway } from '@commons-graph/gateway';
import { getIntrospectionQuery } from 'graphql';
import {
  type FakeNode,
  link,
  publishedArtifact,
  startFakeNode,
  startTestCommons,
  startTestGateway,
  type TestCommons,
} from '@commons-graph/testing';

/** Answers in the right shapes, but serves an artifact without the title every artifact must have. */
const untitledArtifacts = (body: string) =>
  body.includes('_entities')
    ? [
        {
          id: 'odd-node:untitled',
          community: 'odd-node',
          publishedAt: '2026-01-01T00:00:00.000Z',
          title: null,
        },
      ]
    : body.includes('ArtifactPage')
      ? { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] }
      : [];

/**
 * The gateway compiles operations with graphql-jit by default. Every answer, errors included, must
 * be exactly what graphql-js gives: a second gateway over the same nodes interprets, and the two
 * are asked the same things.
 */
describe('compiled execution answers exactly as graphql-js does', () => {
  let commons: TestCommons;
  let interpreted: RunningGateway;
  let odd: FakeNode;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    commons = await startTestCommons(['klamath-soil', 'openinfra-sigs']);
    const { 'klamath-soil': A, 'openinfra-sigs': B } = commons.nodes;
    id.a = await publishedArtifact(A, { title: 'Soil guide', handle: 'soil-guide', licence: 'CC-BY-SA-4.0' });
    id.b = await publishedArtifact(
      B,
      { title: 'Soil guide for data centres', handle: 'dc-soil', licence: 'CC-BY-4.0' },
      [{ sourceId: id.a, relation: 'ADAPTS' }],
    );
    await link(B, 'recordAdoption', {
      artifactId: id.a,
      status: 'ADOPTED',
      context: 'Cooling ponds',
      impact: 'Less water',
      adaptedAsId: id.b,
    });
    const feedback = await link(B, 'giveFeedback', {
      artifactId: id.a,
      kind: 'GAP',
      body: 'Nothing on clay',
    });
    await link(A, 'respondToFeedback', {
      feedbackId: feedback,
      artifactId: id.a,
      kind: 'ACKNOWLEDGED',
      body: 'Noted',
    });
    odd = await startFakeNode('odd-node', untitledArtifacts);
    await commons.gateway.registry.add({ slug: 'odd-node', url: odd.url });
    interpreted = await startTestGateway(
      [
        ...Object.values(commons.nodes).map((n) => ({ slug: n.slug, url: n.node.publicUrl })),
        { slug: 'odd-node', url: odd.url },
      ],
      { execution: 'interpreted', source: 'live' },
    );
  });
  afterAll(async () => {
    await interpreted?.stop();
    await commons?.stop();
    odd?.server.close();
  });

  async function both(query: string, variables: Record<string, unknown> = {}) {
    const ask = async (url: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    };
    const [compiled, reference] = await Promise.all([
      ask(commons.gateway.graphqlUrl),
      ask(interpreted.graphqlUrl),
    ]);
    // Byte for byte: field order is part of the answer (toEqual would ignore it).
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(reference));
    return compiled;
  }

  it('for pages with fragments, aliases, directives and cursors', async () => {
    const answer = await both(
      `query Page($first: Int!, $withBody: Boolean!) {
        artifacts(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Card } } }
        again: artifacts(first: 1, filter: { communities: ["openinfra-sigs"] }) { edges { node { __typename id } } }
      }
      fragment Card on Artifact { id title kind licence { spdx name } body @include(if: $withBody) community { slug name } }`,
      { first: 5, withBody: false },
    );
    expect(answer.body.data.artifacts.totalCount).toBe(2);
  });

  it('for links across nodes: adoptions, lineage, feedback with responses, licence checks', async () => {
    const answer = await both(
      `query($a: ID!, $b: ID!) {
        a: artifact(id: $a) { adoptions { community { slug } impact adaptedAs { id title } } feedback { kind responses { kind body } }
          lineage { nodes { id } edges { sourceId derivativeId relation } depth truncated } derivatives { derivativeId } }
        b: artifact(id: $b) { derivedFrom { sourceId source { id licence { spdx } } } licenceCheck { allowed rule sourceLicence } }
        missing: artifact(id: "klamath-soil:no-such-thing") { id }
      }`,
      { a: id.a, b: id.b },
    );
    expect(answer.body.data.a.adoptions).toHaveLength(1);
    expect(answer.body.data.missing).toBeNull();
  });

  it('for bad input: arguments, ids and variables', async () => {
    expect((await both(`{ artifacts(first: 500) { totalCount } }`)).body.errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await both(`{ artifact(id: "not-global") { id } }`)).body.errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
    const badVariable = await both(`query($n: Int!) { artifacts(first: $n) { totalCount } }`, { n: 'many' });
    expect(badVariable.status).toBe(400);
    expect(badVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await both(`query($n: Int!) { artifacts(first: $n) { totalCount } }`);
    await both(`query($f: ArtifactFilter) { artifacts(filter: $f) { totalCount } }`, {
      f: { kinds: ['NOVEL'] },
    });
    await both(`query($n: Int! = 3) { artifacts(first: $n) { totalCount } }`, { n: null });
    await both(`{ commonsReport(from: "2026-06-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { from } }`);
  });

  it('for an empty page: first: 0 counts without listing', async () => {
    const empty = await both(
      `{ artifacts(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(empty.body).toEqual({
      data: { artifacts: { totalCount: 2, edges: [], pageInfo: { hasNextPage: true, endCursor: null } } },
    });
  });

  it('for variables with defaults: a non-null variable with a default may be omitted', async () => {
    const omitted = await both(
      `query($n: Int! = 1) { artifacts(first: $n) { totalCount edges { node { id } } } }`,
    );
    expect(omitted.status).toBe(200);
    expect(omitted.body.data.artifacts.edges).toHaveLength(1);
    const given = await both(`query($n: Int! = 1) { artifacts(first: $n) { edges { node { id } } } }`, {
      n: 2,
    });
    expect(given.body.data.artifacts.edges).toHaveLength(2);
    const skipped = await both(`query($show: Boolean! = false, $kinds: [ArtifactKind!] = [PLAYBOOK]) {
      artifacts(filter: { kinds: $kinds }) { totalCount @include(if: $show) edges { node { kind } } } }`);
    expect(skipped.body.data.artifacts).not.toHaveProperty('totalCount');
    const dated = await both(
      `query($after: DateTime = "2000-01-01T00:00:00Z") { artifacts(filter: { publishedAfter: $after }) { totalCount } }`,
    );
    expect(dated.body.data.artifacts.totalCount).toBe(2);
  });

  it('for a node breaking a non-null field: its part left out with NODE_UNAVAILABLE, never read', async () => {
    const answer = await both(`{ artifact(id: "odd-node:untitled") { id title } }`);
    expect(answer.body).toEqual({
      data: { artifact: null },
      errors: [
        {
          message:
            'The community node "odd-node" gave no usable answer (answered _entities[0].title with null, which the contract says is never null); results leave out its part.',
          extensions: { code: 'NODE_UNAVAILABLE', community: 'odd-node', serviceName: 'odd-node' },
        },
      ],
    });
  });

  it('for introspection, as sandboxes ask it', async () => {
    const answer = await both(getIntrospectionQuery());
    expect(answer.body.data.__schema.queryType.name).toBe('Query');
  });

  it('for a node that stopped answering: the same partial result and NODE_UNAVAILABLE error', async () => {
    await commons.nodes['openinfra-sigs'].stop();
    const answer = await both(`{ artifacts { edges { node { id adoptions { id } } } } }`);
    expect(answer.body.data.artifacts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([id.a]);
    expect(answer.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'NODE_UNAVAILABLE',
    ]);
  });
});
