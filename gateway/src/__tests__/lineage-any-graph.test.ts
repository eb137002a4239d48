import fc from 'fast-check';
import {
  liveLineageOver,
  openLineageGraphs,
  referenceLineage,
  referenceLink,
  type LineageDirection,
  type ReferenceGraph,
} from '@commons-graph/testing';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const SEED = Number(process.env.FC_SEED ?? 20260614);

type Direction = LineageDirection;
type Graph = ReferenceGraph;
// Links may be on or to artifacts no community holds: reached, shown dangling, walked no further up.
const graphs = openLineageGraphs;
const reference = referenceLineage;

async function walk(graph: Graph, rootId: string, direction: Direction, maxDepth: number, maxNodes?: number) {
  const result = await liveLineageOver(graph, rootId, direction, maxDepth, maxNodes);
  return {
    ...result,
    nodeIds: new Set(result.nodes.map((n) => n.id)),
    edgeIds: new Set(result.edges.map((e) => e.id)),
  };
}

/** What the reference answers: the sets reached, the depth, whether maxDepth or the cap cut it short. */
const shapeOf = (result: Awaited<ReturnType<typeof walk>>) => ({
  nodes: result.nodeIds,
  edges: result.edgeIds,
  depth: result.depth,
  truncated: result.truncated,
});

const directions = fc.constantFrom<Direction>('UP', 'DOWN', 'BOTH');
const depths = fc.integer({ min: 1, max: 10 });
const options = { seed: SEED, numRuns: RUNS };

describe('lineage on any derivation graph', () => {
  it('finds exactly what a plain breadth-first walk finds, with its depth and whether maxDepth cut it short', async () => {
    await fc.assert(
      fc.asyncProperty(graphs, directions, depths, async ({ graph, rootId }, direction, maxDepth) => {
        const result = await walk(graph, rootId, direction, maxDepth);
        const expected = reference(graph, rootId, direction, maxDepth);
        expect(shapeOf(result)).toEqual(expected);
        for (const edge of result.edges) expect(edge.derivativeId).toBe(edge.artifactId);
      }),
      options,
    );
  });

  it('answers BOTH with the union of UP and DOWN, artifacts and edges, cycles or not', async () => {
    await fc.assert(
      fc.asyncProperty(graphs, depths, async ({ graph, rootId }, maxDepth) => {
        const [up, down, both] = await Promise.all(
          (['UP', 'DOWN', 'BOTH'] as const).map((d) => walk(graph, rootId, d, maxDepth)),
        );
        expect(both.nodeIds).toEqual(new Set([...up.nodeIds, ...down.nodeIds]));
        expect(both.edgeIds).toEqual(new Set([...up.edgeIds, ...down.edgeIds]));
        expect(both.depth).toBe(Math.max(up.depth, down.depth));
        expect(both.truncated).toBe(up.truncated || down.truncated);
      }),
      options,
    );
  });

  it('expands going down an artifact first reached going up (a cycle through the root)', async () => {
    // r derives from s; d derives from r; s derives from d (the cycle); t derives from s.
    const graph = {
      ids: ['c0:r', 'c1:s', 'c2:d', 'c0:t'],
      links: [
        referenceLink('rs', 'c0:r', 'c1:s'),
        referenceLink('dr', 'c2:d', 'c0:r'),
        referenceLink('sd', 'c1:s', 'c2:d'),
        referenceLink('ts', 'c0:t', 'c1:s'),
      ],
    };
    const both = await walk(graph, 'c0:r', 'BOTH', 5);
    const down = await walk(graph, 'c0:r', 'DOWN', 5);
    expect(down.nodeIds).toEqual(new Set(['c0:r', 'c2:d', 'c1:s', 'c0:t']));
    expect(both.nodeIds).toEqual(down.nodeIds);
    expect(both.edgeIds).toEqual(new Set(['rs', 'dr', 'sd', 'ts']));
    expect(both.depth).toBe(3);
  });

  it('at the artifact cap keeps the nearest artifacts (fewest steps, then id) and the links walked to them, connected, and says it was truncated', async () => {
    await fc.assert(
      fc.asyncProperty(
        graphs,
        directions,
        depths,
        fc.integer({ min: 1, max: 8 }),
        async ({ graph, rootId }, direction, maxDepth, cap) => {
          const result = await walk(graph, rootId, direction, maxDepth, cap);
          const expected = reference(graph, rootId, direction, maxDepth, cap);
          expect(shapeOf(result)).toEqual(expected);
          // Every artifact returned is reached from the root through the edges returned, and so
          // is every dangling id the lineage counts.
          const reached = new Set([rootId]);
          for (let grew = true; grew;) {
            grew = false;
            for (const e of result.edges) {
              for (const [from, to] of [
                [e.artifactId, e.sourceId],
                [e.sourceId, e.artifactId],
              ]) {
                if (reached.has(from) && !reached.has(to)) grew = Boolean(reached.add(to));
              }
            }
          }
          expect(new Set([...reached].filter((id) => graph.ids.includes(id)))).toEqual(result.nodeIds);
          if (expected.nodes.size < reference(graph, rootId, direction, maxDepth).nodes.size) {
            expect(result.truncated).toBe(true);
            expect(reached.size).toBe(cap);
          }
        },
      ),
      options,
    );
  });

  it('refuses a maxDepth outside 1 to 10', async () => {
    const graph = { ids: ['c0:a0'], links: [] };
    for (const maxDepth of [0, 11, 1.5]) {
      await expect(walk(graph, 'c0:a0', 'BOTH', maxDepth)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', argument: 'maxDepth' },
      });
    }
  });
});
