import { badInput, readGlobalId, type ParsedGlobalId } from '@commons-graph/schema';
import type { ArtifactLoader } from '../loaders';
import type { ArtifactSelection } from '../node-client/fields';
import type { LinkedArtifact, NodeDerivation } from '../node-client/types';
import type { LineageAnswer, LineageDirection, LineageRoot, Reader, WalkedLink } from '../reads';

export const LINEAGE_MAX_DEPTH = 10;
export const LINEAGE_MAX_NODES = 500;

/** Whether a lineage may walk this far: both paths refuse the same depths. */
export const isMaxDepth = (maxDepth: number) =>
  Number.isInteger(maxDepth) && maxDepth >= 1 && maxDepth <= LINEAGE_MAX_DEPTH;

export function checkMaxDepth(maxDepth: number): void {
  if (!isMaxDepth(maxDepth)) {
    throw badInput(`maxDepth must be between 1 and ${LINEAGE_MAX_DEPTH}, got ${maxDepth}`, {
      argument: 'maxDepth',
    });
  }
}

/** One direction's walk: how far each artifact it reached lies from the root, and what it expands next. */
interface Walk {
  up: boolean;
  reached: Map<string, number>;
  frontier: ParsedGlobalId[];
}

/**
 * Breadth-first over derivation edges, one level at a time: a level UP is one `_entities` call per
 * owning node, a level DOWN one `derivativesOf` call per node, and with BOTH the two go together.
 * Each direction keeps its own reached set, so BOTH is exactly UP ∪ DOWN (artifacts and edges) on
 * any graph, cycles included; the artifact cap counts the union.
 *
 * - `nodes`: the root and every artifact at most `maxDepth` steps away in a direction walked.
 * - `edges`: the links walked, from an artifact less than `maxDepth` steps away to one in `nodes`.
 * - `depth`: the most steps from the root to an artifact in `nodes` (0 when there is none but it).
 * - `truncated`: the lineage has an artifact that `nodes` leaves out, one step beyond `maxDepth`
 *   or past the cap of `maxNodes` artifacts. Knowing costs one more level of links when the walk
 *   reaches `maxDepth` with artifacts still to expand.
 *
 * The cap, on both paths (the index's statement keeps the same rule): at the first level where
 * the lineage would hold more than `maxNodes` artifacts, every nearer artifact is kept, then that
 * level's artifacts by id up to the cap, with the links walked to kept artifacts; the walk ends
 * there. The answer is the nearest part of the lineage, whichever node answered first, and costs
 * no request beyond that level.
 */
export async function lineage(
  ctx: Reader,
  selection: ArtifactSelection,
  root: LineageRoot,
  direction: LineageDirection,
  maxDepth: number,
  maxNodes = LINEAGE_MAX_NODES,
): Promise<LineageAnswer<WalkedLink>> {
  checkMaxDepth(maxDepth);
  // The selection of an operation that asks for lineage includes derivedFrom.
  const artifacts = ctx.loaders.artifacts(selection) as ArtifactLoader<LinkedArtifact>;
  // Every id is read once, where it enters the walk: the root's, then each link's far end.
  const rootId = readGlobalId(root.id);
  // Loaded already, unless asked for with its lineage (lineage-first.ts): then it is read first, as
  // its field would have read it, and one not there (or whose node did not answer) leads nowhere.
  if (!rootId || !(await artifacts.load(rootId)))
    return { rootId: root.id, nodes: [], edges: [], depth: 0, truncated: false };
  const walks: Walk[] = (direction === 'BOTH' ? [true, false] : [direction === 'UP']).map((up) => ({
    up,
    reached: new Map([[root.id, 0]]),
    frontier: rootId ? [rootId] : [],
  }));
  // Both ends of a link were checked as global ids as the node's answer arrived; one that still
  // does not read counts as reached but is never loaded.
  const included = new Map<string, ParsedGlobalId | null>([[root.id, rootId]]);
  const edges = new Map<string, NodeDerivation>();
  let truncated = false;
  let depth = 0;

  const linksOf = async ({ up, frontier }: Walk): Promise<NodeDerivation[]> => {
    if (frontier.length === 0) return [];
    if (up)
      return (await artifacts.loadMany(frontier)).flatMap((a) =>
        a && !(a instanceof Error) ? a.derivedFrom : [],
      );
    return (await ctx.loaders.derivativesOf.loadMany(frontier.map(({ id }) => id))).flatMap((list) =>
      list instanceof Error ? [] : list,
    );
  };

  for (let level = 1; walks.some((walk) => walk.frontier.length > 0); level += 1) {
    const links = await Promise.all(walks.map(linksOf));
    const far = (walk: Walk, link: NodeDerivation) => (walk.up ? link.sourceId : link.artifactId);
    if (level > maxDepth) {
      truncated ||= walks.some((walk, i) => links[i].some((link) => !walk.reached.has(far(walk, link))));
      break;
    }
    // The artifacts this level brings into the lineage; past the cap, the first by id.
    const arriving = new Set<string>();
    walks.forEach((walk, i) => {
      for (const link of links[i]) if (!included.has(far(walk, link))) arriving.add(far(walk, link));
    });
    const room = maxNodes - included.size;
    const capped = arriving.size > room;
    for (const target of capped ? [...arriving].sort(byText).slice(0, room) : arriving)
      included.set(target, readGlobalId(target));
    walks.forEach((walk, i) => {
      const next: ParsedGlobalId[] = [];
      for (const link of links[i]) {
        const target = far(walk, link);
        if (!included.has(target)) continue;
        if (!walk.reached.has(target)) {
          const id = included.get(target)!;
          walk.reached.set(target, level);
          if (id) next.push(id);
          depth = Math.max(depth, level);
        }
        edges.set(link.id, link);
      }
      walk.frontier = next;
    });
    if (capped) {
      truncated = true;
      break;
    }
  }

  const ids = [...included.values()].filter((id): id is ParsedGlobalId => id !== null);
  const nodes = (await artifacts.loadMany(ids)).filter(
    (a): a is LinkedArtifact => Boolean(a) && !(a instanceof Error),
  );
  const stepsTo = (id: string) => Math.min(...walks.map((walk) => walk.reached.get(id) ?? Infinity));
  return inLineageOrder({
    rootId: root.id,
    nodes: nodes.map((node) => ({ node, steps: stepsTo(node.id) })),
    edges: [...edges.values()].map((e) => ({ ...e, derivativeId: e.artifactId })),
    depth,
    truncated,
  });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The one order of a lineage, on both paths: artifacts by their fewest steps from the root, then
 * id (so the root comes first); edges by id. The walk's own order is an accident of which node
 * answered what first.
 */
export function inLineageOrder(
  lineage: Omit<LineageAnswer<WalkedLink>, 'nodes'> & {
    nodes: Array<{ node: LinkedArtifact; steps: number }>;
  },
): LineageAnswer<WalkedLink> {
  return {
    ...lineage,
    nodes: [...lineage.nodes]
      .sort((a, b) => a.steps - b.steps || byText(a.node.id, b.node.id))
      .map(({ node }) => node),
    edges: [...lineage.edges].sort((a, b) => byText(a.id, b.id)),
  };
}
