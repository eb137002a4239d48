import fc from 'fast-check';
import { CommonsIndex, LINEAGE_MAX_NODES } from '@commons-graph/gateway';
import {
  openTestIndex,
  indexLineageOver,
  lineageShape,
  liveLineageOver,
  referenceLineage,
  referenceLink,
  writeLineageGraph,
  type LineageDirection,
  type ReferenceGraph,
  type TestIndex,
} from '@commons-graph/testing';

/**
 * One cap rule on both paths: over random lineages larger than the cap, the live walk and the
 * index's statement keep the same artifacts (fewest steps, then id), the same links, depth and
 * `truncated`, in the same order, and both are what the rule says (testing's reference).
 */
const RUNS = Number(process.env.FC_RUNS ?? 60);
const SEED = Number(process.env.FC_SEED ?? 20261218);
const COMMUNITIES = ['c0', 'c1', 'c2', 'c3'];

const link = (i: number, artifactId: string, sourceId: string) =>
  referenceLink(`link-${String(i).padStart(4, '0')}`, artifactId, sourceId);

/** Graphs of 20 to 60 artifacts, dense enough that a lineage often passes a cap of a few. */
const largeGraphs = fc
  .integer({ min: 20, max: 60 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { minLength: n, maxLength: 3 * n }),
      root: fc.nat(n - 1),
    }),
  )
  .map(({ n, pairs, root }) => {
    const ids = Array.from({ length: n }, (_, i) => `c${i % 4}:a${String(i).padStart(2, '0')}`);
    const graph: ReferenceGraph = { ids, links: pairs.map(([d, s], i) => link(i, ids[d], ids[s])) };
    return { graph, rootId: ids[root] };
  });

describe('the lineage cap, the same on the live path and the index', () => {
  let opened: TestIndex;
  let index: CommonsIndex;
  beforeAll(async () => {
    opened = await openTestIndex('lineage-cap');
    index = opened.index;
  });
  afterAll(() => opened?.close());

  async function bothPaths(
    graph: ReferenceGraph,
    rootId: string,
    direction: LineageDirection,
    maxDepth: number,
    cap: number,
  ) {
    const live = await liveLineageOver(graph, rootId, direction, maxDepth, cap);
    const indexed = await indexLineageOver(index, COMMUNITIES, rootId, direction, maxDepth, cap);
    return { live, indexed };
  }

  it('keeps the same artifacts and links past the cap on random graphs, as the rule says', async () => {
    let capped = 0;
    await fc.assert(
      fc.asyncProperty(
        largeGraphs,
        fc.constantFrom<LineageDirection>('UP', 'DOWN', 'BOTH'),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 2, max: 15 }),
        async ({ graph, rootId }, direction, maxDepth, cap) => {
          await writeLineageGraph(index, graph);
          const { live, indexed } = await bothPaths(graph, rootId, direction, maxDepth, cap);
          expect(lineageShape(indexed)).toEqual(lineageShape(live));
          const expected = referenceLineage(graph, rootId, direction, maxDepth, cap);
          expect(new Set(live.nodes.map((n) => n.id))).toEqual(expected.nodes);
          expect(new Set(live.edges.map((e) => e.id))).toEqual(expected.edges);
          if (referenceLineage(graph, rootId, direction, maxDepth).nodes.size > cap) capped += 1;
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    // The property is about lineages past the cap: most generated ones are.
    expect(capped).toBeGreaterThan(RUNS / 2);
  });

  it('keeps the same 500 artifacts of a lineage of 781 at the real cap', async () => {
    // Each artifact has five derivatives, five levels down: 1 + 5 + 25 + 125 + 625 artifacts.
    const ids = ['c0:root'];
    const links: ReferenceGraph['links'] = [];
    for (let level = 1, parents = ['c0:root']; level <= 4; level++) {
      const children: string[] = [];
      for (const parent of parents)
        for (let k = 0; k < 5; k++) {
          const id = `c${k % 4}:${parent.split(':')[1]}.${k}`;
          children.push(id);
          links.push(link(links.length, id, parent));
        }
      ids.push(...children);
      parents = children;
    }
    const graph = { ids, links };
    await writeLineageGraph(index, graph);
    for (const direction of ['DOWN', 'BOTH'] as const) {
      const { live, indexed } = await bothPaths(graph, 'c0:root', direction, 10, LINEAGE_MAX_NODES);
      expect(lineageShape(indexed)).toEqual(lineageShape(live));
      expect(live.nodes).toHaveLength(500);
      expect(live.truncated).toBe(true);
      expect(live.depth).toBe(4);
      // Every artifact of the first three levels (156), then the fourth level's first by id.
      const fourth = ids.slice(156).sort();
      expect(live.nodes.slice(156).map((n) => n.id)).toEqual(fourth.slice(0, 344));
      expect(live.edges).toHaveLength(499);
    }
  });
});
