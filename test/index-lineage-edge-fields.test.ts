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
 * The index sends each lineage edge with only the link fields the operation selects (anywhere in
 * it: fragments, aliases, several lineages): whatever it selects must come back, from the link
 * as its node served it, and an edge selected for its type alone must still be there.
 */

/** Each link as its edge shows it, every field (the fixtures' assertion time and asserter). */
const EDGES = [
  {
    sourceId: 'klamath-soil:base',
    derivativeId: 'klamath-soil:guide',
    relation: 'EXTENDS',
    assertedBy: 'klamath-soil',
    assertedAt: '2026-03-01T10:00:00.000Z',
  },
  {
    sourceId: 'valley-clinics:pattern',
    derivativeId: 'klamath-soil:base',
    relation: 'ADAPTS',
    assertedBy: 'klamath-soil',
    assertedAt: '2026-03-01T10:00:00.000Z',
  },
];

const only = (...fields: Array<keyof (typeof EDGES)[number]>) =>
  EDGES.map((edge) => Object.fromEntries(fields.map((field) => [field, edge[field]])));

describe('lineage edges from the index carry every link field the operation selects', () => {
  let klamath: ScriptedFeedNode;
  let valley: ScriptedFeedNode;
  let indexed: IndexedGateway;
  beforeAll(async () => {
    klamath = await startFeedNode('klamath-soil', [
      change('ARTIFACT', 'klamath-soil', 'guide'),
      change('ARTIFACT', 'klamath-soil', 'base'),
      derivationChange('klamath-soil', 'd1', 'klamath-soil:guide', 'klamath-soil:base', 1),
      derivationChange('klamath-soil', 'd2', 'klamath-soil:base', 'valley-clinics:pattern', 2),
    ]);
    valley = await startFeedNode('valley-clinics', [change('ARTIFACT', 'valley-clinics', 'pattern')]);
    indexed = await startIndexedFeeds([klamath, valley], { source: 'index' });
  });
  afterAll(async () => {
    await indexed?.stop();
    await Promise.all([klamath?.stop(), valley?.stop()]);
  });

  const ask = async (query: string) => {
    const answer = await graphql(indexed.gateway.graphqlUrl, query);
    expect(answer.errors).toBeUndefined();
    return answer.data!.artifact;
  };
  const up = (selection: string) =>
    ask(`{ artifact(id: "klamath-soil:guide") { lineage(direction: UP, maxDepth: 5) { ${selection} } } }`);

  it('the three fields the explorer shows, and the others alone', async () => {
    expect(await up('edges { sourceId derivativeId relation }')).toEqual({
      lineage: { edges: only('sourceId', 'derivativeId', 'relation') },
    });
    expect(await up('edges { assertedAt assertedBy }')).toEqual({
      lineage: { edges: only('assertedAt', 'assertedBy') },
    });
    expect(await up('edges { relation sourceId derivativeId assertedBy assertedAt }')).toEqual({
      lineage: { edges: EDGES },
    });
  });

  it('fields under aliases and in fragments, and edges asked for their type alone', async () => {
    const answer = await ask(`
      { artifact(id: "klamath-soil:guide") { lineage(direction: UP, maxDepth: 5) {
          edges { ...When from: sourceId }
          again: edges { __typename }
      } } }
      fragment When on LineageEdge { when: assertedAt by: assertedBy }`);
    expect(answer.lineage).toEqual({
      edges: EDGES.map((edge) => ({ when: edge.assertedAt, by: edge.assertedBy, from: edge.sourceId })),
      again: EDGES.map(() => ({ __typename: 'LineageEdge' })),
    });
  });

  it('the fields of every lineage in the operation, each showing its own', async () => {
    const answer = await ask(`
      { artifact(id: "klamath-soil:base") {
          up: lineage(direction: UP, maxDepth: 5) { edges { relation } }
          down: lineage(direction: DOWN, maxDepth: 5) { nodes { id } edges { derivativeId assertedAt } }
      } }`);
    expect(answer).toEqual({
      up: { edges: [{ relation: 'ADAPTS' }] },
      down: {
        nodes: [{ id: 'klamath-soil:base' }, { id: 'klamath-soil:guide' }],
        edges: [{ derivativeId: 'klamath-soil:guide', assertedAt: '2026-03-01T10:00:00.000Z' }],
      },
    });
  });

  it('no edges when the operation shows none, and the rest of the lineage as ever', async () => {
    expect(await up('depth truncated nodes { id }')).toEqual({
      lineage: {
        depth: 2,
        truncated: false,
        nodes: [{ id: 'klamath-soil:guide' }, { id: 'klamath-soil:base' }, { id: 'valley-clinics:pattern' }],
      },
    });
  });
});
