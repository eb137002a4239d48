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

/** An adaptation of sourceId by artifactId, asserted by the derivative's community. */
export const referenceLink = (id: string, artifactId: string, sourceId: string): ReferenceLink => ({
  id,
  artifactId,
  sourceId,
  relation: 'ADAPTS',
  note: null,
  assertedBy: artifactId.split(':')[0],
  assertedAt: '2026-01-01T00:00:00.000Z',
});

export interface ReferenceGraph {
  ids: string[];
  links: ReferenceLink[];
}

/**
 * Artifacts spread over three communities, with derivation links drawn at random: cycles, diamonds,
 * self-loops. With `gone` > 0, that many more ids that no community holds (never synced, a draft,
 * made up) may be the root or either end of a link: a community may assert links on an artifact
 * the index lacks, as a hostile node's feed can (its ownership is checked at ingest: each link is
 * asserted by its artifact's community), and cycles may pass through such ids.
 */
export function lineageGraphsWith(maxHeld: number, gone = 0) {
  return fc
    .integer({ min: 1, max: maxHeld })
    .chain((n) =>
      fc.record({
        ids: fc.constant(Array.from({ length: n + gone }, (_, i) => `c${i % 3}:${i < n ? 'a' : 'gone'}${i}`)),
        pairs: fc.array(fc.tuple(fc.nat(n + gone - 1), fc.nat(n + gone - 1)), { maxLength: 30 }),
        root: fc.nat(n + gone - 1),
      }),
    )
    .map(({ ids, pairs, root }) => ({
      graph: {
        ids: ids.slice(0, ids.length - gone),
        links: pairs.map(([derivative, source], i) =>
          referenceLink(`link-${i}`, ids[derivative], ids[source]),
        ),
      } satisfies ReferenceGraph,
      rootId: ids[root],
    }));
}

export const lineageGraphs = lineageGraphsWith(14);

/** Graphs with links on and to ids no community holds, walked from an artifact held (as `referenceLineage` is). */
export const openLineageGraphs = lineageGraphsWith(14, 3).filter(({ graph, rootId }) =>
  graph.ids.includes(rootId),
);

/**
 * How many steps from the root each artifact a walk in one direction reaches lies, however far.
 * Up, a walk follows the links an artifact shows (`derivedFrom`), so it goes on only from artifacts
 * held: one that is not is reached and leads nowhere. Down, it follows the links that name an
 * artifact as their source, whoever holds it.
 */
function distancesFrom(graph: ReferenceGraph, rootId: string, up: boolean): Map<string, number> {
  const near = (l: ReferenceLink) => (up ? l.artifactId : l.sourceId);
  const far = (l: ReferenceLink) => (up ? l.sourceId : l.artifactId);
  const distance = new Map([[rootId, 0]]);
  for (let frontier = [rootId], d = 0; frontier.length > 0; d += 1) {
    const next: string[] = [];
    const expanded = up ? frontier.filter((id) => graph.ids.includes(id)) : frontier;
    for (const link of graph.links) {
      if (expanded.includes(near(link)) && !distance.has(far(link))) {
        distance.set(far(link), d + 1);
        next.push(far(link));
      }
    }
    frontier = next;
  }
  return distance;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What a lineage must hold: its artifacts and edges (as sets of ids), depth and whether it was cut
 * short, walked from an artifact held. Within the cap: every artifact at most `maxDepth` steps away in a direction walked, and
 * the links from those fewer than `maxDepth` steps away. Past the cap, at the first level where the
 * lineage holds more than `cap` artifacts, it keeps every nearer artifact, then that level's by id
 * up to the cap, and the links from artifacts nearer than that level to kept ones.
 */
export function referenceLineage(
  graph: ReferenceGraph,
  rootId: string,
  direction: LineageDirection,
  maxDepth: number,
  cap = Infinity,
) {
  const walks = (direction === 'BOTH' ? [true, false] : [direction === 'UP']).map((up) => ({
    up,
    distance: distancesFrom(graph, rootId, up),
  }));
  const steps = new Map<string, number>();
  for (const { distance } of walks)
    for (const [id, d] of distance) if (d <= maxDepth) steps.set(id, Math.min(d, steps.get(id) ?? d));
  let cut = maxDepth + 1;
  for (let level = 0; level <= maxDepth && cut > maxDepth; level++)
    if ([...steps.values()].filter((s) => s <= level).length > cap) cut = level;
  const kept = new Set(
    [...steps]
      .filter(([, s]) => s <= cut)
      .sort(([a, s], [b, t]) => s - t || byText(a, b))
      .slice(0, cap)
      .map(([id]) => id),
  );
  const nearerThan = Math.min(cut, maxDepth);
  const walked = (l: ReferenceLink) =>
    walks.some(({ up, distance }) => {
      const [near, far] = up ? [l.artifactId, l.sourceId] : [l.sourceId, l.artifactId];
      const leads = !up || graph.ids.includes(near);
      return leads && (distance.get(near) ?? Infinity) < nearerThan && kept.has(far);
    });
  const depths = walks.flatMap(({ distance }) =>
    [...distance].filter(([id, d]) => kept.has(id) && d <= Math.min(cut, maxDepth)).map(([, d]) => d),
  );
  return {
    // An artifact not held is reached (it counts for the cap and the depth) but not shown.
    nodes: new Set([...kept].filter((id) => graph.ids.includes(id))),
    edges: new Set(graph.links.filter(walked).map((l) => l.id)),
    depth: Math.max(...depths),
    truncated:
      cut <= maxDepth || walks.some(({ distance }) => [...distance.values()].some((d) => d > maxDepth)),
  };
}
