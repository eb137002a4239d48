import type { RunningGateway } from '@commons-graph/gateway';
import {
  testIndexConfig,
  codesOf,
  createTestDatabase,
  graphql,
  link,
  publishedArtifact,
  startTestCommons,
  startTestGateway,
  type TestCommons,
  type TestDatabase,
} from '@commons-graph/testing';

const SEARCH = `query($text: String!, $first: Int!, $after: String) {
  artifacts(filter: { text: $text }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }`;

describe('search and dangling links, read from the index', () => {
  let commons: TestCommons;
  let live: RunningGateway;
  let indexDatabase: TestDatabase;
  let derivative: string;

  beforeAll(async () => {
    indexDatabase = await createTestDatabase('search-index');
    commons = await startTestCommons(['soil-circle', 'water-circle'], {
      gateway: {
        source: 'index',
        index: testIndexConfig(indexDatabase.url),
      },
    });
    const { 'soil-circle': soil, 'water-circle': water } = commons.nodes;
    await publishedArtifact(soil, { title: 'Compost tea brewing', body: 'Steep it.', tags: ['soil'] });
    await publishedArtifact(soil, {
      title: 'Meeting notes',
      summary: 'Notes.',
      body: 'We tried compost once.',
    });
    await publishedArtifact(water, {
      title: 'Water rights',
      summary: 'Rights.',
      body: 'Law.',
      tags: ['compost'],
    });
    await publishedArtifact(water, { title: 'Composting toilets', summary: 'Dry.', body: 'No water.' });
    // Links to an artifact no node holds: a community the gateway does not know.
    derivative = await publishedArtifact(water, { title: 'Borrowed pattern', summary: 'B.', body: 'B.' }, [
      { sourceId: 'ghost-circle:missing', relation: 'ADAPTS' },
    ]);
    await link(soil, 'recordAdoption', {
      artifactId: 'ghost-circle:gone',
      status: 'TRIAL',
      context: 'Tried.',
    });
    for (const slug of ['soil-circle', 'water-circle']) await commons.gateway.sync!.syncNode(slug);
    live = await startTestGateway(
      Object.values(commons.nodes).map((n) => ({ slug: n.slug, url: n.node.publicUrl })),
      { source: 'live' },
    );
  });

  afterAll(async () => {
    await live?.stop();
    await commons?.stop();
    await indexDatabase?.drop();
  });

  const titles = async (text: string) =>
    (await commons.queryOk(SEARCH, { text, first: 10 })).artifacts.edges.map(
      (e: { node: { title: string } }) => e.node.title,
    );

  it('ranks a match in the title above one in the tags, above one in the body; words are not stemmed', async () => {
    expect(await titles('compost')).toEqual(['Compost tea brewing', 'Water rights', 'Meeting notes']);
  });

  it('needs every word, honours quoted phrases and excluded words', async () => {
    expect(await titles('compost tea')).toEqual(['Compost tea brewing']);
    expect(await titles('compost -tea')).toEqual(['Water rights', 'Meeting notes']);
    expect(await titles('"water rights"')).toEqual(['Water rights']);
    expect(await titles('nothing-like-this')).toEqual([]);
  });

  it('pages through the ranking with cursors that carry the rank', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let more = true; more;) {
      const { artifacts }: { artifacts: any } = await commons.queryOk(SEARCH, {
        text: 'compost',
        first: 1,
        after,
      });
      expect(artifacts.totalCount).toBe(3);
      seen.push(...artifacts.edges.map((e: { node: { title: string } }) => e.node.title));
      ({ hasNextPage: more, endCursor: after } = artifacts.pageInfo);
    }
    expect(seen).toEqual(await titles('compost'));
    // A cursor of the usual order is not a place in a ranking.
    const plain = await commons.queryOk(`{ artifacts(first: 1) { pageInfo { endCursor } } }`);
    const refused = await commons.query(SEARCH, {
      text: 'compost',
      first: 1,
      after: plain.artifacts.pageInfo.endCursor,
    });
    expect(codesOf(refused)).toEqual(['BAD_USER_INPUT']);
  });

  it('shows links whose target nobody holds as dangling, counts them in the report, and so does the live path', async () => {
    const query = `query($id: ID!) {
      artifact(id: $id) { derivedFrom { sourceId sourceDangling source { id } } }
      community(slug: "soil-circle") { adoptionsGiven { artifactId artifactDangling artifact { id } } }
      commonsReport(from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z") { danglingLinks { community count linkIds } } }`;
    const fromIndex = await commons.queryOk(query, { id: derivative });
    expect(fromIndex.artifact.derivedFrom).toEqual([
      { sourceId: 'ghost-circle:missing', sourceDangling: true, source: null },
    ]);
    expect(fromIndex.community.adoptionsGiven).toEqual([
      { artifactId: 'ghost-circle:gone', artifactDangling: true, artifact: null },
    ]);
    expect(fromIndex.commonsReport.danglingLinks).toEqual([
      { community: 'soil-circle', count: 1, linkIds: [expect.stringMatching(/^soil-circle:/)] },
      { community: 'water-circle', count: 1, linkIds: [expect.stringMatching(/^water-circle:/)] },
    ]);
    const fromNodes = await graphql(live.graphqlUrl, query, { id: derivative });
    expect(fromNodes.errors).toBeUndefined();
    expect(fromNodes.data).toEqual(fromIndex);
  });

  it('does not call a link dangling when the target is only on a node that is down (live)', async () => {
    const { artifacts } = await commons.queryOk(
      `{ artifacts(first: 1, filter: { communities: ["soil-circle"] }) { edges { node { id } } } }`,
    );
    const target = artifacts.edges[0].node.id;
    await link(commons.nodes['water-circle'], 'giveFeedback', {
      artifactId: target,
      kind: 'WORKED',
      body: 'Good.',
    });
    await commons.nodes['soil-circle'].stop();
    const answer = await graphql(
      live.graphqlUrl,
      `
        {
          community(slug: "water-circle") {
            feedbackGiven {
              artifactId
              artifactDangling
              artifact {
                id
              }
            }
          }
        }
      `,
    );
    expect(answer.data!.community.feedbackGiven).toEqual([
      { artifactId: target, artifactDangling: false, artifact: null },
    ]);
    expect(codesOf(answer)).toEqual(['NODE_UNAVAILABLE']);
  });
});
