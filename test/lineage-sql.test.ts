import fc from 'fast-check';
import { CommonsIndex } from '@commons-graph/gateway';
import {
  openTestIndex,
  indexLineageOver,
  lineageShape,
  openLineageGraphs,
  lineageGraphsWith,
  liveLineageOver,
  referenceLineage,
  referenceLink,
  type LineageDirection,
  type ReferenceGraph,
  type TestIndex,
  writeLineageGraph,
} from '@commons-graph/testing';

const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = Number(process.env.FC_SEED ?? 20260614);
const options = { seed: SEED, numRuns: RUNS };
const COMMUNITIES = ['c0', 'c1', 'c2'];

/**
 * Graphs whose links may be on or derive from artifacts the index does not hold (`gone`: never
 * synced, a draft, made up), walked from any artifact, held or not.
 */
const openGraphs = lineageGraphsWith(12, 3);

/** What the reference answers: the sets reached, the depth, whether maxDepth or the cap cut it short. */
const setsOf = (result: {
  nodeIds: Set<string>;
  edgeIds: Set<string>;
  depth: number;
  truncated: boolean;
}) => ({
  nodes: result.nodeIds,
  edges: result.edgeIds,
  depth: result.depth,
  truncated: result.truncated,
});

describe('lineage as one recursive SQL statement over the index, on any derivation graph', () => {
  let opened: TestIndex;
  let index: CommonsIndex;
  beforeAll(async () => {
    opened = await openTestIndex('lineage-sql');
    index = opened.index;
  });
  afterAll(() => opened?.close());

  const write = (graph: ReferenceGraph) => writeLineageGraph(index, graph);
  const walk = async (
    rootId: string,
    direction: LineageDirection,
    maxDepth: number,
    cap = 500,
    communities = COMMUNITIES,
  ) => {
    const result = await indexLineageOver(index, communities, rootId, direction, maxDepth, cap);
    // Its fallback, naming every participant, answers the same.
    expect(await indexLineageOver(index, communities, rootId, direction, maxDepth, cap, true)).toEqual(
      result,
    );
    return {
      ...result,
      nodeIds: new Set(result.nodes.map((n) => n.id)),
      edgeIds: new Set(result.edges.map((e) => e.id)),
    };
  };

  it('finds exactly what a plain breadth-first walk finds, with its depth and whether maxDepth cut it short', async () => {
    await fc.assert(
      fc.asyncProperty(
        openLineageGraphs,
        fc.integer({ min: 1, max: 10 }),
        async ({ graph, rootId }, maxDepth) => {
          await write(graph);
          for (const direction of ['UP', 'DOWN', 'BOTH'] as const) {
            const result = await walk(rootId, direction, maxDepth);
            expect(setsOf(result)).toEqual(referenceLineage(graph, rootId, direction, maxDepth));
            // The canonical order: the root first, then by fewest steps and id; edges by id.
            expect(result.nodes[0].id).toBe(rootId);
            expect(result.edges.map((e) => e.id)).toEqual([...result.edgeIds].sort());
            for (const edge of result.edges) expect(edge.derivativeId).toBe(edge.artifactId);
          }
        },
      ),
      options,
    );
  });

  it('keeps the nearest artifacts at the cap (fewest steps, then id) and the links walked to them, connected to the root', async () => {
    await fc.assert(
      fc.asyncProperty(
        openLineageGraphs,
        fc.constantFrom<LineageDirection>('UP', 'DOWN', 'BOTH'),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 8 }),
        async ({ graph, rootId }, direction, maxDepth, cap) => {
          await write(graph);
          const result = await walk(rootId, direction, maxDepth, cap);
          expect(setsOf(result)).toEqual(referenceLineage(graph, rootId, direction, maxDepth, cap));
          const reached = new Set([rootId]);
          for (let grew = true; grew;) {
            grew = false;
            for (const e of result.edges)
              for (const [from, to] of [
                [e.artifactId, e.sourceId],
                [e.sourceId, e.artifactId],
              ])
                if (reached.has(from) && !reached.has(to)) grew = Boolean(reached.add(to));
          }
          expect(new Set([...reached].filter((id) => graph.ids.includes(id)))).toEqual(result.nodeIds);
        },
      ),
      { ...options, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('walks as the live path does where communities stay out, links derive from artifacts it lacks, or the root is unknown', async () => {
    // Every community is followed; those that stay out of a request are left out of its answer.
    await index.followAll(COMMUNITIES.map((slug) => ({ slug, url: `http://${slug}.invalid/graphql` })));
    await fc.assert(
      fc.asyncProperty(
        openGraphs,
        fc.subarray(COMMUNITIES, { minLength: 1 }),
        fc.constantFrom<LineageDirection>('UP', 'DOWN', 'BOTH'),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 12 }),
        async ({ graph, rootId }, taking, direction, maxDepth, cap) => {
          await write(graph);
          // Live, a community that stays out is not asked: neither its artifacts nor the links it asserts.
          const asked = (community: string) => taking.includes(community);
          const askedGraph = {
            ids: graph.ids.filter((id) => asked(id.split(':')[0])),
            links: graph.links.filter((l) => asked(l.assertedBy)),
          };
          const live = await liveLineageOver(askedGraph, rootId, direction, maxDepth, cap);
          const indexed = await walk(rootId, direction, maxDepth, cap, taking);
          if (graph.ids.includes(rootId) && asked(rootId.split(':')[0])) {
            expect(lineageShape(indexed)).toEqual(lineageShape(live));
            expect(setsOf(indexed)).toEqual(referenceLineage(askedGraph, rootId, direction, maxDepth, cap));
          } else {
            // Not there, or not a participant's: the artifact is null on both paths, its lineage unread.
            expect(live.nodes).toEqual([]);
            expect(indexed.nodes.map((n) => n.id)).not.toContain(rootId);
          }
        },
      ),
      options,
    );
  });

  it('ignores a link a community asserts on another community’s artifact (refused at ingest; here written by hand)', async () => {
    await write({
      ids: ['c0:a', 'c1:b', 'c1:c'],
      links: [
        referenceLink('own', 'c0:a', 'c1:b'),
        { ...referenceLink('foreign', 'c0:a', 'c1:c'), assertedBy: 'c1' },
      ],
    });
    const up = await walk('c0:a', 'UP', 10);
    expect([up.nodeIds, up.edgeIds]).toEqual([new Set(['c0:a', 'c1:b']), new Set(['own'])]);
    const down = await walk('c1:c', 'DOWN', 10);
    expect([down.nodeIds, down.edgeIds]).toEqual([new Set(['c1:c']), new Set()]);
  });
});
