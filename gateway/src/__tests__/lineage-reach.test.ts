import { groupBy, parseGlobalId } from '@commons-graph/schema';
import fc from 'fast-check';
import type { LineageEdge } from '../reports/inputs';
import { lineageReach } from '../reports/lineage-reach';

/**
 * The report's lineage reach walks numbered ids for speed; this is the plain walk it replaced, by
 * sets of ids, as the reference it must equal on any graph.
 */
function reference(edges: readonly LineageEdge[], sources: Record<string, string>) {
  const slugOf = (id: string) => parseGlobalId(id)?.community ?? '';
  const children = new Map(
    [...groupBy(edges, (d) => d.sourceId)].map(([source, links]) => [source, links.map((d) => d.artifactId)]),
  );
  return Object.entries(sources)
    .filter(([id]) => children.has(id))
    .map(([artifactId, title]) => {
      const seen = new Set<string>([artifactId]);
      const queue = [artifactId];
      for (let next = 0; next < queue.length; next++)
        for (const child of children.get(queue[next]) ?? [])
          if (!seen.has(child)) {
            seen.add(child);
            queue.push(child);
          }
      const others = new Set([...seen].map(slugOf).filter((s) => s !== slugOf(artifactId)));
      return { artifactId, title, communitiesReached: others.size, artifactsReached: seen.size - 1 };
    })
    .filter((r) => r.artifactsReached > 0)
    .sort(
      (a, b) =>
        b.communitiesReached - a.communitiesReached ||
        b.artifactsReached - a.artifactsReached ||
        (a.artifactId < b.artifactId ? -1 : 1),
    );
}

/** Few ids over few communities, so that random edges make cycles, diamonds and self-links; some ids are not global. */
const IDS = [
  ...['c-a', 'c-b', 'c-c', 'c-d'].flatMap((slug) => [0, 1, 2, 3, 4].map((i) => `${slug}:x${i}`)),
  'not-global',
  'C-A:x',
  ':x',
];
const id = fc.constantFrom(...IDS);

describe('lineage reach', () => {
  it('equals the plain walk on random graphs (cycles, diamonds, self-links, sources not held or underived)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sourceId: id, artifactId: id }), { maxLength: 60 }),
        fc.uniqueArray(id, { maxLength: 12 }),
        (edges, held) => {
          const sources = Object.fromEntries(held.map((x) => [x, `Title of ${x}`]));
          expect(lineageReach(edges, sources)).toEqual(reference(edges, sources));
        },
      ),
      { seed: 20261201, numRuns: 400 },
    );
  });

  it('counts a cycle back to the source once, a diamond once, and not a dangling source', () => {
    const edges = [
      { sourceId: 'c-a:1', artifactId: 'c-b:1' },
      { sourceId: 'c-a:1', artifactId: 'c-c:1' },
      { sourceId: 'c-b:1', artifactId: 'c-d:1' },
      { sourceId: 'c-c:1', artifactId: 'c-d:1' },
      { sourceId: 'c-d:1', artifactId: 'c-a:1' },
      { sourceId: 'c-a:2', artifactId: 'c-a:3' },
      { sourceId: 'c-z:gone', artifactId: 'c-a:2' },
    ];
    const sources = { 'c-a:1': 'One', 'c-a:2': 'Two', 'c-a:4': 'Underived' };
    expect(lineageReach(edges, sources)).toEqual([
      { artifactId: 'c-a:1', title: 'One', communitiesReached: 3, artifactsReached: 3 },
      { artifactId: 'c-a:2', title: 'Two', communitiesReached: 0, artifactsReached: 1 },
    ]);
  });
});
