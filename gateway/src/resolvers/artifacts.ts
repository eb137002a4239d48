import {
  badInput, compareArtifactKeys, decodeArtifactCursor, DEFAULT_PAGE_SIZE, encodeArtifactCursor, MAX_PAGE_SIZE, parseGlobalId,
} from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import { Q, type NodeArtifact } from '../node-client/queries';

interface Page {
  artifacts: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: Array<{ node: NodeArtifact }> };
}

const keyOf = (a: NodeArtifact) => ({ publishedAt: new Date(a.publishedAt), id: a.id });

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
  }
}

/**
 * One connection over every node. All nodes order artifacts the same way and accept the same
 * cursor, so the gateway passes its last key to each, merges their pages and keeps the first N.
 */
export async function artifactConnection(
  ctx: GatewayContext,
  filter: Record<string, unknown> | undefined,
  first: number = DEFAULT_PAGE_SIZE,
  after?: string | null,
) {
  checkPageSize(first);
  if (after && !decodeArtifactCursor(after)) throw badInput('after is not a cursor this API issued', { argument: 'after' });
  const wanted = filter?.communities as string[] | undefined;
  const nodes = ctx.registry.participants().filter((node) => !wanted || wanted.includes(node.slug));
  const pages = await ctx.askAll<Page>('ArtifactPage', Q.artifacts, { filter, first, after: after ?? null }, nodes);
  const merged = pages
    .flatMap(({ data }) => data.artifacts.edges.map((edge) => edge.node))
    .sort((a, b) => compareArtifactKeys(keyOf(a), keyOf(b)));
  const page = merged.slice(0, first);
  page.forEach((artifact) => ctx.loaders.artifact.prime(artifact.id, artifact));
  const cursors = page.map((a) => encodeArtifactCursor(keyOf(a)));
  return {
    edges: page.map((node, i) => ({ node, cursor: cursors[i] })),
    pageInfo: {
      hasNextPage: merged.length > first || pages.some(({ data }) => data.artifacts.pageInfo.hasNextPage),
      hasPreviousPage: Boolean(after),
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
    totalCount: pages.reduce((sum, { data }) => sum + data.artifacts.totalCount, 0),
  };
}

export function loadArtifact(ctx: GatewayContext, id: string) {
  if (!parseGlobalId(id)) throw badInput(`"${id}" is not a global id of the form <community-slug>:<local-id>`, { id });
  return ctx.loaders.artifact.load(id);
}
