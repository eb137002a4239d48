import { backdateDemo, DEMO_COMMUNITIES, seedDemo } from '@commons-graph/demo';
import type { RunningGateway } from '@commons-graph/gateway';
import {
  testIndexConfig,
  createTestDatabase,
  graphql,
  startTestCommons,
  startTestGateway,
  type TestCommons,
  type TestDatabase,
} from '@commons-graph/testing';

const ARTIFACT = `id title status kind tags publishedAt updatedAt version community { slug name }
  licence { spdx name } provenance { authors aiAssisted reviewer } versions { number licence }
  adoptions { id status impact artifactDangling community { slug } adaptedAs { id } }
  derivedFrom { id relation sourceId sourceDangling source { id title } derivative { id } }
  derivatives { id derivativeId assertedBy { slug } }
  feedback { id kind artifactDangling responses { id kind body } community { slug } }
  licenceCheck { sourceId sourceLicence derivativeLicence allowed rule }`;
const LINEAGE = (direction: string, depth: number) =>
  `${direction}${depth}: lineage(direction: ${direction}, maxDepth: ${depth}) { nodes { id } edges { sourceId derivativeId relation assertedBy } depth truncated }`;
const PAGE = `query($filter: ArtifactFilter, $after: String) { artifacts(first: 7, filter: $filter, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${ARTIFACT} } } } }`;
const COMMUNITY = `query($slug: String!, $from: DateTime!, $to: DateTime!) { community(slug: $slug) {
  slug name description region website
  artifacts(first: 4) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
  adoptionsGiven { id artifactId artifact { id } } adoptionsReceived { id community { slug } }
  feedbackGiven { id artifactId } feedbackReceived { id responses { id } }
  needs { id status answers { id artifactId artifactDangling artifact { id } community { slug } } }
  learningCycles { id cadence startsOn harvestedArtifactIds } contributionRoles { id personName role hoursPerMonth }
  vitality(from: $from, to: $to) { metrics { key value state detail evidence } decaySigns replant } } }`;
const REPORT = `query($from: DateTime!, $to: DateTime!) { commonsReport(from: $from, to: $to) {
  from to unavailableCommunities crossCommunityAdoptionShare adoptionMatrix { adopter origin count }
  lineageReach { artifactId title communitiesReached artifactsReached } fewestCommunitiesForHalfOfArtifacts
  reciprocity reciprocalCommunities dormantCommunities licenceConflicts { derivativeId sourceId relation rule community }
  unansweredNeeds { id title community postedAt } monthlyFlow { community month count }
  responseTimes { community feedbackId days } danglingLinks { community count linkIds }
  communities { community { slug } metrics { key value state detail evidence } decaySigns replant } } }`;
const NEEDS = `query($status: NeedStatus) { needs(status: $status) { id title status tags postedAt closedAt community { slug }
  answers { id note artifactId artifact { id title } } } }`;

const WINDOW = { from: '2025-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
const SLUGS = DEMO_COMMUNITIES.map((c) => c.slug);

describe('the Commons answered from its index, as the nodes answer it live', () => {
  let commons: TestCommons;
  let live: RunningGateway;
  let indexDatabase: TestDatabase;
  const ask = (url: string, query: string, variables?: Record<string, unknown>) =>
    graphql(url, query, variables);

  beforeAll(async () => {
    indexDatabase = await createTestDatabase('reads-index');
    commons = await startTestCommons(SLUGS, {
      gateway: {
        source: 'index',
        index: testIndexConfig(indexDatabase.url),
      },
    });
    const nodes = Object.values(commons.nodes);
    await seedDemo(
      nodes.map((n) => ({ slug: n.slug, adminUrl: n.node.adminUrl, adminToken: n.tokens.admin })),
    );
    await backdateDemo(Object.fromEntries(nodes.map((n) => [n.slug, n.database.url])));
    for (const slug of SLUGS) expect(await commons.gateway.sync!.syncNode(slug)).toBe(true);
    for (const state of await commons.gateway.index!.states()) expect(state.lastError).toBeNull();
    live = await startTestGateway(
      nodes.map((n) => ({ slug: n.slug, url: n.node.publicUrl })),
      { source: 'live' },
    );
  });

  afterAll(async () => {
    await live?.stop();
    await commons?.stop();
    await indexDatabase?.drop();
  });

  /** Asks both gateways; the index must send no request to any node, and answer as live does. */
  async function same(query: string, variables?: Record<string, unknown>) {
    let fromIndex: Awaited<ReturnType<typeof ask>> | undefined;
    const requests = await commons.countRequests(async () => {
      fromIndex = await ask(commons.gateway.graphqlUrl, query, variables);
    });
    const fromNodes = await ask(live.graphqlUrl, query, variables);
    expect(fromNodes.errors).toBeUndefined();
    expect(requests).toEqual({});
    expect(fromIndex!.errors).toBeUndefined();
    expect(fromIndex!.data).toEqual(fromNodes.data);
    return fromIndex!.data!;
  }

  it('pages through every artifact, with its links, lineage and licence checks, in the same order, cursors and counts', async () => {
    let after: string | null = null;
    let seen = 0;
    for (let pages = 0; pages < 20; pages++) {
      const data = await same(PAGE, { after });
      const page = data.artifacts;
      seen += page.edges.length;
      expect(page.totalCount).toBeGreaterThan(10);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toBe((await same(PAGE)).artifacts.totalCount);
  });

  it('filters by kind, tag, licence, community, status and publication time the same way', async () => {
    const filters = [
      { kinds: ['PLAYBOOK', 'FIELD_GUIDE'] },
      { tags: ['soil', 'water'] },
      { licences: ['CC-BY-SA-4.0'] },
      { communities: [SLUGS[1], SLUGS[2]] },
      { communities: [] },
      { status: 'RETIRED' },
      { publishedAfter: '2026-03-01T00:00:00Z', publishedBefore: '2026-10-01T00:00:00Z' },
    ];
    for (const filter of filters) await same(PAGE, { filter });
  });

  it('answers each artifact by id, and its lineage in every direction and depth', async () => {
    const { artifacts } = await same(`{ artifacts(first: 100) { edges { node { id } } } }`);
    const ids: string[] = artifacts.edges.map((e: { node: { id: string } }) => e.node.id);
    const lineages = [LINEAGE('UP', 5), LINEAGE('DOWN', 5), LINEAGE('BOTH', 1), LINEAGE('BOTH', 3)].join(' ');
    for (const id of ids)
      await same(`query($id: ID!) { artifact(id: $id) { ${ARTIFACT} ${lineages} } }`, { id });
    await same(`{ artifact(id: "${SLUGS[0]}:no-such-thing") { id } }`);
  });

  it('reads an artifact asked for with its lineage in the lineage statement alone, and answers as live does', async () => {
    const index = commons.gateway.index!;
    const statements = async (query: string, variables: Record<string, unknown>) => {
      const read = jest.spyOn(index, 'read');
      const prepared = jest.spyOn(index, 'readPrepared');
      try {
        await ask(commons.gateway.graphqlUrl, query, variables);
        return read.mock.calls.length + prepared.mock.calls.length;
      } finally {
        read.mockRestore();
        prepared.mockRestore();
      }
    };
    const WITH = `query($id: ID!, $direction: LineageDirection!, $depth: Int!) { artifact(id: $id) { id title
      lineage(direction: $direction, maxDepth: $depth) { nodes { id title } edges { sourceId derivativeId } depth truncated } } }`;
    // Artifacts in a lineage (as many as the client's budget of points allows), and one the index lacks.
    const { artifacts } = await same(
      `{ artifacts(first: 100) { edges { node { id derivedFrom { id } } } } }`,
    );
    const linked = artifacts.edges
      .map((e: { node: { id: string; derivedFrom: unknown[] } }) => e.node)
      .filter((a: { derivedFrom: unknown[] }) => a.derivedFrom.length > 0);
    const ids = [...linked.slice(0, 4).map((a: { id: string }) => a.id), `${SLUGS[1]}:no-such-thing`];
    for (const id of ids) {
      for (const direction of ['UP', 'DOWN', 'BOTH']) {
        const answer = await same(WITH, { id, direction, depth: 4 });
        if (id.endsWith('no-such-thing')) expect(answer.artifact).toBeNull();
      }
      // The lineage's statement reads the artifact: as many as for the artifact without lineage.
      expect(await statements(WITH, { id, direction: 'BOTH', depth: 4 })).toBe(
        await statements(`query($id: ID!) { artifact(id: $id) { id title } }`, { id }),
      );
    }
    const id = ids[0];
    // Fragments, defaults, conditions and several lineages are answered as live, whatever is read first.
    await same(
      `query($id: ID!) { artifact(id: $id) { ...L } } fragment L on Artifact { lineage { depth nodes { id } } }`,
      { id },
    );
    await same(
      `query($id: ID!, $no: Boolean!) { artifact(id: $id) { id lineage @include(if: $no) { depth } } }`,
      { id, no: false },
    );
    await same(
      `query($id: ID!) { artifact(id: $id) { up: lineage(direction: UP) { depth nodes { id } } lineage(maxDepth: 1) { depth nodes { id } } } }`,
      { id },
    );
    // A depth the lineage refuses fails the lineage alone, as it does live.
    const refused = `query($id: ID!) { artifact(id: $id) { id lineage(maxDepth: 11) { depth } } }`;
    const [fromIndex, fromNodes] = await Promise.all([
      ask(commons.gateway.graphqlUrl, refused, { id }),
      ask(live.graphqlUrl, refused, { id }),
    ]);
    expect(fromIndex.data).toEqual({ artifact: null });
    expect(fromIndex.data).toEqual(fromNodes.data);
    expect(fromIndex.errors?.map((e) => [e.path, e.extensions?.code])).toEqual(
      fromNodes.errors?.map((e) => [e.path, e.extensions?.code]),
    );
  });

  it("answers needs, and each community's profile, ledgers, cycles, roles and vitality", async () => {
    for (const status of [null, 'OPEN', 'ANSWERED', 'CLOSED']) await same(NEEDS, { status });
    for (const slug of SLUGS) await same(COMMUNITY, { slug, ...WINDOW });
    await same(`{ communities { slug name } }`);
  });

  it('gives the same commons report', async () => {
    const { commonsReport } = await same(REPORT, WINDOW);
    expect(commonsReport.communities).toHaveLength(SLUGS.length);
    expect(commonsReport.unavailableCommunities).toEqual([]);
  });
});
