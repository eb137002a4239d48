import type DataLoader from 'dataloader';
import { badInput } from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { LinkedArtifact, NodeArtifact, NodeDerivation } from '../node-client/types';
import type { ArtifactSelection } from './artifact-selection';

export const LINEAGE_DEFAULT_DEPTH = 5;
export const LINEAGE_MAX_DEPTH = 10;
export const LINEAGE_MAX_NODES = 500;

type Direction = 'UP' | 'DOWN' | 'BOTH';

/**
 * Breadth-first over derivation edges, one level at a time: a level UP is one `_entities` call per
 * owning node, a level DOWN one `derivativesOf` call per node. A visited set makes it cycle-safe.
 */
export async function lineage(ctx: GatewayContext, selection: ArtifactSelection, root: LinkedArtifact, direction: Direction, maxDepth: number) {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > LINEAGE_MAX_DEPTH) {
    throw badInput(`maxDepth must be between 1 and ${LINEAGE_MAX_DEPTH}, got ${maxDepth}`, { argument: 'maxDepth' });
  }
  // The selection of an operation that asks for lineage includes derivedFrom.
  const artifacts = ctx.loaders.artifacts(selection) as DataLoader<string, LinkedArtifact | null>;
  const visited = new Set<string>([root.id]);
  const edges = new Map<string, NodeDerivation>();
  let truncated = false;
  let depth = 0;
  let up = direction !== 'DOWN' ? [root.id] : [];
  let down = direction !== 'UP' ? [root.id] : [];

  while ((up.length || down.length) && !truncated) {
    if (depth === maxDepth) {
      truncated = true;
      break;
    }
    const [parents, children] = await Promise.all([
      artifacts.loadMany(up),
      ctx.loaders.derivativesOf.loadMany(down),
    ]);
    const upLinks = parents.flatMap((a) => (a && !(a instanceof Error) ? a.derivedFrom : []));
    const downLinks = children.flatMap((list) => (list instanceof Error ? [] : list));
    const nextUp: string[] = [];
    const nextDown: string[] = [];
    for (const [links, next, far] of [
      [upLinks, nextUp, (l: NodeDerivation) => l.sourceId],
      [downLinks, nextDown, (l: NodeDerivation) => l.artifactId],
    ] as const) {
      for (const link of links) {
        edges.set(link.id, link);
        const target = far(link);
        if (visited.has(target)) continue;
        if (visited.size >= LINEAGE_MAX_NODES) {
          truncated = true;
          continue;
        }
        visited.add(target);
        next.push(target);
      }
    }
    depth += 1;
    up = nextUp;
    down = nextDown;
  }

  const nodes = (await artifacts.loadMany([...visited])).filter(
    (a): a is LinkedArtifact => Boolean(a) && !(a instanceof Error),
  );
  return {
    rootId: root.id,
    nodes,
    edges: [...edges.values()].map((e) => ({ ...e, derivativeId: e.artifactId })),
    depth,
    truncated,
  };
}
