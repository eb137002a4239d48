import {
  change,
  derivationChange,
  graphql,
  startFeedNode,
  startIndexedFeeds,
  type IndexedGateway,
  type ScriptedFeedNode,
} from '@commons-graph/testing';

/**
 * A node's feed may assert derivation links on artifacts it never publishes (a draft, a typo): its
 * page passes the ownership check, as each link is on an id of its own community. The live walk
 * reads `derivedFrom` of the artifacts nodes serve, so going up such an artifact is reached, shown
 * dangling, and leads nowhere; going down, it asks every node for derivatives of any id reached.
 * The index walks the same (the property tests hold the two walks to each other on random graphs).
 */

const LINEAGE = `query($id: ID!, $direction: LineageDirection!) {
  artifact(id: $id) { id lineage(direction: $direction, maxDepth: 10) {
    depth truncated nodes { id } edges { sourceId derivativeId } } } }`;

describe('lineage from the index over a node asserting links on artifacts it does not publish', () => {
  let klamath: ScriptedFeedNode;
  let valley: ScriptedFeedNode;
  let indexed: IndexedGateway;
  beforeAll(async () => {
    klamath = await startFeedNode('klamath-soil', [
      change('ARTIFACT', 'klamath-soil', 'guide'),
      change('ARTIFACT', 'klamath-soil', 'other'),
      // The guide adapts a draft: a dangling link, as derivedFrom shows it.
      derivationChange('klamath-soil', 'd1', 'klamath-soil:guide', 'klamath-soil:draft'),
      // On the draft itself: from another of its artifacts, and back to the guide (a cycle).
      derivationChange('klamath-soil', 'd2', 'klamath-soil:draft', 'klamath-soil:other'),
      derivationChange('klamath-soil', 'd3', 'klamath-soil:draft', 'klamath-soil:guide'),
      // On a made-up id, from another community's artifact.
      derivationChange('klamath-soil', 'd4', 'klamath-soil:typo', 'valley-clinics:pattern'),
    ]);
    valley = await startFeedNode('valley-clinics', [change('ARTIFACT', 'valley-clinics', 'pattern')]);
    indexed = await startIndexedFeeds([klamath, valley], { source: 'index' });
  });
  afterAll(async () => {
    await indexed?.stop();
    await Promise.all([klamath?.stop(), valley?.stop()]);
  });

  const lineage = async (id: string, direction: 'UP' | 'DOWN') => {
    const answer = await graphql(indexed.gateway.graphqlUrl, LINEAGE, { id, direction });
    expect(answer.errors).toBeUndefined();
    const { nodes, edges, depth, truncated } = answer.data!.artifact.lineage;
    return { nodes: nodes.map((n: { id: string }) => n.id), edges, depth, truncated };
  };
  /** An edge as the lineage shows it (in the order of the links' ids: d1, d2, …). */
  const edge = (derivativeId: string, sourceId: string) => ({ sourceId, derivativeId });

  it('holds every link the feed sent: its own community’s ids, whatever they name', async () => {
    const held = await indexed.entities('klamath-soil');
    expect([...held.keys()].filter((key) => key.startsWith('DERIVATION')).sort()).toEqual(
      ['d1', 'd2', 'd3', 'd4'].map((local) => `DERIVATION klamath-soil:${local}`),
    );
  });

  it('going up, reaches an artifact it does not hold and goes no further, whatever links name it', async () => {
    expect(await lineage('klamath-soil:guide', 'UP')).toEqual({
      nodes: ['klamath-soil:guide'],
      edges: [edge('klamath-soil:guide', 'klamath-soil:draft')],
      depth: 1,
      truncated: false,
    });
  });

  it('shows the links on each artifact of the lineage when the operation asks for them', async () => {
    const answer = await graphql(
      indexed.gateway.graphqlUrl,
      `
        {
          artifact(id: "klamath-soil:other") {
            derivedFrom {
              sourceId
            }
            lineage(direction: DOWN, maxDepth: 3) {
              nodes {
                id
                derivedFrom {
                  sourceId
                }
              }
            }
          }
        }
      `,
    );
    expect(answer.data!.artifact).toEqual({
      derivedFrom: [],
      lineage: {
        nodes: [
          { id: 'klamath-soil:other', derivedFrom: [] },
          { id: 'klamath-soil:guide', derivedFrom: [{ sourceId: 'klamath-soil:draft' }] },
        ],
      },
    });
  });

  it('going down, follows links on any id reached, held or not, as nodes asked for derivatives answer', async () => {
    expect(await lineage('klamath-soil:other', 'DOWN')).toEqual({
      nodes: ['klamath-soil:other', 'klamath-soil:guide'],
      edges: [
        edge('klamath-soil:guide', 'klamath-soil:draft'),
        edge('klamath-soil:draft', 'klamath-soil:other'),
        // Back from the guide to the draft, reached already: walked, as any link to the lineage.
        edge('klamath-soil:draft', 'klamath-soil:guide'),
      ],
      depth: 2,
      truncated: false,
    });
    expect(await lineage('valley-clinics:pattern', 'DOWN')).toEqual({
      nodes: ['valley-clinics:pattern'],
      edges: [edge('klamath-soil:typo', 'valley-clinics:pattern')],
      depth: 1,
      truncated: false,
    });
  });
});
