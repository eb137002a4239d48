import fc from 'fast-check';

/**
 * The lineage specification as plainly as it can be said, shared by the property tests of both
 * walks (the live breadth-first walk and the index's recursive SQL): random derivation graphs,
 * and a breadth-first walk over an edge list, one direction at a time.
 */
export type LineageDirection = 'UP' | 'DOWN' | 'BOTH';

export interface ReferenceLink {
  id: string;
  artifactId: string;
  sourceId: string;
  relation: 'ADAPTS';
  note: null;
  assertedBy: string;
  assertedAt: string;
}

export interface ReferenceGraph {
  ids: string[];
  links: ReferenceLink[];
}

/** Artifacts spread over three communities, with derivation links drawn at random: cycles, diamonds, self-loops. */
export const lineageGraphs = fc
  .integer({ min: 1, max: 14 })
  .chain((n) =>
    fc.record({
      ids: fc.constant(Array.from({ length: n }, (_, i) => `c${i % 3}:a${i}`)),
      pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }),
      root: fc.nat(n - 1),
    }),
  )
  .map(({ ids, pairs, root }) => ({
    graph: {
      ids,
      links: pairs.map(([derivative, source], i) => ({
        id: `link-${i}`,
        artifactId: ids[derivative],
        sourceId: ids[source],
        relation: 'ADAPTS' as const,
        note: null,
        assertedBy: ids[derivative].split(':')[0],
        assertedAt: '2026-01-01T00:00:00.000Z',
      })),
    } satisfies ReferenceGraph,
    rootId: ids[root],
  }));

function referenceWalk(graph: ReferenceGraph, rootId: string, up: boolean, maxDepth: number) {
  const near = (l: ReferenceLink) => (up ? l.artifactId : l.sourceId);
  const far = (l: ReferenceLink) => (up ? l.sourceId : l.artifactId);
  const distance = new Map([[rootId, 0]]);
  for (let frontier = [rootId], d = 0; frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const link of graph.links) {
      if (frontier.includes(near(link)) && !distance.has(far(link))) {
        distance.set(far(link), d + 1);
        next.push(far(link));
      }
    }
    frontier = next;
  }
  const within = [...distance].filter(([, d]) => d <= maxDepth);
  return {
    nodes: within.map(([id]) => id),
    edges: graph.links.filter((l) => (distance.get(near(l)) ?? Infinity) < maxDepth).map((l) => l.id),
    depth: Math.max(...within.map(([, d]) => d)),
    truncated: [...distance.values()].some((d) => d > maxDepth),
  };
}

/** What a lineage must hold: its artifacts and edges (as sets of ids), depth and whether it was cut short. */
export function referenceLineage(
  graph: ReferenceGraph,
  rootId: string,
  direction: LineageDirection,
  maxDepth: number,
) {
  const walks = (direction === 'BOTH' ? [true, false] : [direction === 'UP']).map((up) =>
    referenceWalk(graph, rootId, up, maxDepth),
  );
  return {
    nodes: new Set(walks.flatMap((w) => w.nodes)),
    edges: new Set(walks.flatMap((w) => w.edges)),
    depth: Math.max(...walks.map((w) => w.depth)),
    truncated: walks.some((w) => w.truncated),
  };
}
