import { parseGlobalId } from '@commons-graph/schema';
import type { Commons } from '@commons-graph/schema';
import { memo } from './calendar';
import type { LineageEdge } from './inputs';

const slugOf = memo((id) => parseGlobalId(id)?.community ?? '');

/** The lineage graph with its ids numbered: children as ranges of one array, each id's community as a number. */
function numbered(edges: readonly LineageEdge[]) {
  const numbers = new Map<string, number>();
  const numberOf = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = numbers.size));
    return n;
  };
  const sources = edges.map((d) => numberOf(d.sourceId));
  const derivatives = edges.map((d) => numberOf(d.artifactId));
  const firstChild = new Int32Array(numbers.size + 1);
  for (const s of sources) firstChild[s + 1]++;
  for (let i = 0; i < numbers.size; i++) firstChild[i + 1] += firstChild[i];
  const children = new Int32Array(edges.length);
  const filled = firstChild.slice(0, numbers.size);
  sources.forEach((s, i) => (children[filled[s]++] = derivatives[i]));
  const communities = new Map<string, number>();
  const community = new Int32Array(numbers.size);
  for (const [id, n] of numbers) {
    const slug = slugOf(id);
    if (!communities.has(slug)) communities.set(slug, communities.size);
    community[n] = communities.get(slug)!;
  }
  return { numbers, firstChild, children, community, communityCount: communities.size };
}

/**
 * Lineage reach: for each held artifact something derives from (`sources`: id → title), how many
 * artifacts and other communities its derivatives reach, transitively; widest first. A walk per
 * source over numbered ids, marks reset by the source's number rather than cleared: the Commons'
 * reach is hundreds of thousands of steps (every source walks what its derivatives reach).
 */
export function lineageReach(
  edges: readonly LineageEdge[],
  sources: Record<string, string>,
): Commons.LineageReach[] {
  const graph = numbered(edges);
  const { numbers, firstChild, children, community } = graph;
  const seenBy = new Int32Array(numbers.size).fill(-1);
  const communitySeenBy = new Int32Array(graph.communityCount).fill(-1);
  const queue = new Int32Array(numbers.size);
  const reach: Commons.LineageReach[] = [];
  // for…in: Object.entries would build a pair for each of the Commons' ~12,000 sources.
  for (const artifactId in sources) {
    const title = sources[artifactId];
    const root = numbers.get(artifactId);
    if (root === undefined || firstChild[root] === firstChild[root + 1]) continue;
    seenBy[root] = root;
    communitySeenBy[community[root]] = root;
    let length = 0;
    let communitiesReached = 0;
    queue[length++] = root;
    for (let next = 0; next < length; next++) {
      const at = queue[next];
      for (let i = firstChild[at]; i < firstChild[at + 1]; i++) {
        const child = children[i];
        if (seenBy[child] === root) continue;
        seenBy[child] = root;
        queue[length++] = child;
        if (communitySeenBy[community[child]] !== root) {
          communitySeenBy[community[child]] = root;
          communitiesReached++;
        }
      }
    }
    if (length > 1) reach.push({ artifactId, title, communitiesReached, artifactsReached: length - 1 });
  }
  return reach.sort(
    (a, b) =>
      b.communitiesReached - a.communitiesReached ||
      b.artifactsReached - a.artifactsReached ||
      (a.artifactId < b.artifactId ? -1 : 1),
  );
}
