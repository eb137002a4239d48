import { readFileSync } from 'node:fs';
import { errorPropagated, type RunningGateway } from '@commons-graph/gateway';
import { COMMONS_SDL_PATH } from '@commons-graph/schema';
import fc from 'fast-check';

/** Per-client budgets off (0 points). */
const UNLIMITED = { points: 0 };
import { buildSchema } from 'graphql';
import {
  type FakeNode,
  generateOperation,
  link,
  publishedArtifact,
  startFakeNode,
  startTestCommons,
  startTestGateway,
  type TestCommons,
  type ValuePools,
} from '@commons-graph/testing';

const RUNS = Number(process.env.FC_RUNS ?? 30);
const SEED = Number(process.env.FC_SEED ?? 20260614);

/**
 * Serves one artifact without the title every artifact must have (null bubbling, under any
 * selection), an empty page, and empty lists where an object is due (a field the gateway refuses).
 */
const untitledArtifacts = (field: string) =>
  field === '_entities'
    ? [
        {
          id: 'odd-node:untitled',
          community: 'odd-node',
          publishedAt: '2026-01-01T00:00:00.000Z',
          title: null,
          derivedFrom: [],
        },
      ]
    : field === 'artifacts'
      ? { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] }
      : [];

/**
 * Operations drawn from the Commons schema itself — fragments, directives, aliases, variables given,
 * omitted, null or wrong, literals good and bad — asked of two gateways over the same real nodes:
 * one compiles with graphql-jit, one interprets with graphql-js. Status and body must be the same
 * bytes: data in the same field order, errors with the same messages, paths, locations and codes.
 */
describe('compiled execution answers generated operations exactly as graphql-js does', () => {
  let commons: TestCommons;
  let interpreted: RunningGateway;
  let odd: FakeNode;
  let pools: ValuePools;

  beforeAll(async () => {
    // Budgets out of reach: this compares execution, and the two gateways' rate limits would say
    // "try again in N s" with N depending on when each was asked.
    commons = await startTestCommons(['klamath-soil', 'openinfra-sigs'], {
      breakerThreshold: 1_000_000,
      limits: UNLIMITED,
    });
    const { 'klamath-soil': A, 'openinfra-sigs': B } = commons.nodes;
    const a1 = await publishedArtifact(A, {
      title: 'Soil guide',
      handle: 'soil-guide',
      licence: 'CC-BY-SA-4.0',
      tags: ['soil'],
    });
    const b1 = await publishedArtifact(
      B,
      { title: 'Soil guide for data centres', handle: 'dc-soil', licence: 'CC-BY-4.0', kind: 'FIELD_GUIDE' },
      [{ sourceId: a1, relation: 'ADAPTS' }],
    );
    const a2 = await publishedArtifact(A, { title: 'Cooling ponds', handle: 'ponds', licence: 'CC-BY-4.0' }, [
      { sourceId: b1, relation: 'EXTENDS' },
    ]);
    await link(A, 'addDerivedFrom', { artifactId: a1, sourceId: a2, relation: 'REFERENCES' }); // a cycle a1 → b1 → a2 → a1
    await link(B, 'recordAdoption', {
      artifactId: a1,
      status: 'ADOPTED',
      context: 'Cooling ponds',
      impact: 'Less water',
      adaptedAsId: b1,
    });
    const feedback = await link(B, 'giveFeedback', { artifactId: a1, kind: 'GAP', body: 'Nothing on clay' });
    await link(A, 'respondToFeedback', {
      feedbackId: feedback,
      artifactId: a1,
      kind: 'ACKNOWLEDGED',
      body: 'Noted',
    });
    const need = await link(A, 'postNeed', { title: 'Shade planting', body: 'What grows in shade?' });
    await link(B, 'answerNeed', { needId: need, artifactId: b1 });
    odd = await startFakeNode('odd-node', untitledArtifacts, { everyField: true });
    await commons.gateway.registry.add({ slug: 'odd-node', url: odd.url });
    interpreted = await startTestGateway(
      [
        ...Object.values(commons.nodes).map((n) => ({ slug: n.slug, url: n.node.publicUrl })),
        { slug: 'odd-node', url: odd.url },
      ],
      { breakerThreshold: 1_000_000, execution: 'interpreted', limits: UNLIMITED, source: 'live' },
    );
    const { artifacts } = await commons.queryOk(`{ artifacts(first: 1) { edges { cursor } } }`);
    const slugs = ['klamath-soil', 'openinfra-sigs', 'odd-node'];
    pools = {
      ID: [a1, b1, a2, 'odd-node:untitled', 'klamath-soil:no-such-thing', 'not-global'],
      String: [...slugs, 'soil', 'CC-BY-4.0', ''],
      byArgument: {
        slug: [...slugs, 'no-such-community', 'Not A Slug'],
        after: [artifacts.edges[0].cursor, 'not-a-cursor'],
        communities: slugs,
        licences: ['CC-BY-4.0', 'CC-BY-SA-4.0', 'MIT'],
        tags: ['soil', 'water'],
        text: ['soil', 'pond'],
      },
      // Each gateway probes the nodes itself: when and how fast differ by nature.
      skipFields: ['CommunityNode.lastSeen', 'CommunityNode.lastLatencyMs'],
    };
  });
  afterAll(async () => {
    await interpreted?.stop();
    await commons?.stop();
    odd?.server.close();
  });

  /**
   * What graphql-js itself answers the same way every time. Where an error nulled a parent, graphql-js
   * answers at once and reports only the errors already in from the parent's other fields: which
   * ones depends on which node answered first. The gateway hands those operations to graphql-js,
   * so the two gateways run the same code; only errors under a nulled parent are left out of the
   * comparison (status, data and every other error still must match byte for byte).
   */
  function settled(body: string): string {
    const answer = JSON.parse(body) as { data?: unknown; errors?: Array<{ path?: Array<string | number> }> };
    if (!answer.errors || !errorPropagated(answer as never)) return body;
    const parentPresent = (path: Array<string | number>) =>
      path.length === 1 ||
      path.slice(0, -1).reduce<any>((value, key) => (value == null ? value : value[key]), answer.data) !=
        null;
    return JSON.stringify({
      ...answer,
      errors: answer.errors.filter((e) => !e.path || parentPresent(e.path)),
    });
  }

  async function ask(url: string, query: string, variables: Record<string, unknown>) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.text() };
  }

  it(`for ${RUNS} operations drawn from the Commons schema (FC_RUNS, FC_SEED for more)`, async () => {
    const schema = buildSchema(readFileSync(COMMONS_SDL_PATH, 'utf8'));
    const statuses = new Map<number, number>();
    let propagated = 0;
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const { query, variables } = generateOperation(schema, pools, g);
        const [compiled, reference] = await Promise.all([
          ask(commons.gateway.graphqlUrl, query, variables),
          ask(interpreted.graphqlUrl, query, variables),
        ]);
        statuses.set(reference.status, (statuses.get(reference.status) ?? 0) + 1);
        if (settled(reference.body) !== reference.body) propagated += 1;
        // The operation travels with the answers, so a failure shows what was asked.
        expect({ query, variables, status: compiled.status, body: settled(compiled.body) }).toEqual({
          query,
          variables,
          status: reference.status,
          body: settled(reference.body),
        });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The draw covers both answers that ran and refusals before anything ran.
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 3);
    expect(statuses.get(400)).toBeGreaterThan(0);
    // Most answers compare whole; nulled parents come mostly from the odd node's vitality.
    expect(propagated).toBeLessThan(RUNS / 2);
  });
});
