import { groupBy, parseGlobalId } from '@commons-graph/schema';
import type { Commons } from '@commons-graph/schema';
import type { LineageEdge } from './inputs';

const slugOf = (id: string) => parseGlobalId(id)?.community ?? '';

/**
 * Lineage reach: for each held artifact something derives from (`sources`: id → title), how many
 * artifacts and other communities its derivatives reach, transitively; widest first.
 */
export function lineageReach(
  edges: readonly LineageEdge[],
  sources: Record<string, string>,
): Commons.LineageReach[] {
  const children = new Map(
    [...groupBy(edges, (d) => d.sourceId)].map(([source, links]) => [source, links.map((d) => d.artifactId)]),
  );
  return Object.entries(sources)
    .filter(([id]) => children.has(id))
    .map(([artifactId, title]) => {
      const seen = new Set<string>([artifactId]);
      const queue = [artifactId];
      for (let next = 0; next < queue.length; next++) {
        for (const child of children.get(queue[next]) ?? []) {
          if (!seen.has(child)) {
            seen.add(child);
            queue.push(child);
          }
        }
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
