import {
  badInput,
  compareArtifactKeys,
  decodeArtifactCursor,
  encodeArtifactCursor,
} from '@commons-graph/schema';
import type { ArtifactSelection } from '../node-client/fields';
import type { NodeArtifact } from '../node-client/types';
import type { RegisteredNode } from '../registry/Registry';
import type { ArtifactPage, Reader } from '../reads';

interface NodePage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean };
  edges: Array<{ node: NodeArtifact }>;
}

const keyOf = (a: NodeArtifact) => ({ publishedAt: new Date(a.publishedAt), id: a.id });
const cursorOf = (a: NodeArtifact) => encodeArtifactCursor(keyOf(a));

/**
 * The first `first` artifacts of lists each already in the shared order (newest first publication,
 * then id): a merge that looks only at the heads, so N nodes cost N + first key reads, not a sort.
 */
export function mergeSorted(lists: NodeArtifact[][], first: number): { page: NodeArtifact[]; more: boolean } {
  if (lists.length === 1) return { page: lists[0].slice(0, first), more: lists[0].length > first };
  const heads = lists.filter((list) => list.length > 0).map((list) => ({ list, at: 0, key: keyOf(list[0]) }));
  const page: NodeArtifact[] = [];
  while (page.length < first && heads.length > 0) {
    let best = 0;
    for (let i = 1; i < heads.length; i++)
      if (compareArtifactKeys(heads[i].key, heads[best].key) < 0) best = i;
    const head = heads[best];
    page.push(head.list[head.at]);
    head.at += 1;
    if (head.at < head.list.length) head.key = keyOf(head.list[head.at]);
    else heads.splice(best, 1);
  }
  return { page, more: heads.length > 0 };
}

/**
 * How many artifacts to ask each of `nodes` nodes for. Asking all `first` of each is exact in one
 * round but moves N × first artifacts to keep `first`; a share of the page with a margin fills it in
 * one round unless a few nodes hold most of the newest work, and those are asked again for more.
 */
export function perNodeFirst(first: number, nodes: number): number {
  return Math.min(first, Math.ceil((3 * first) / Math.max(1, nodes)) + 3);
}

interface NodeList {
  node: RegisteredNode;
  items: NodeArtifact[];
  hasNextPage: boolean;
}

/**
 * One connection over every node. All nodes order artifacts the same way and accept the same
 * cursor, so the gateway passes its last key to each, merges their pages and keeps the first N.
 */
export async function liveArtifactPage(
  ctx: Reader,
  selection: ArtifactSelection,
  filter: Record<string, unknown> | undefined,
  first: number,
  after: string | null | undefined,
): Promise<ArtifactPage> {
  if (after && !decodeArtifactCursor(after))
    throw badInput('after is not a cursor this API issued', { argument: 'after' });
  const wanted = filter?.communities as string[] | undefined;
  const nodes = ctx.registry.participants().filter((node) => !wanted || wanted.includes(node.slug));
  const share = perNodeFirst(first, nodes.length);
  const answers = await ctx.askAll<NodePage>(
    selection.page,
    { filter, first: share, after: after ?? null },
    nodes,
  );
  const lists: NodeList[] = answers.map(({ node, data }) => ({
    node,
    items: data.edges.map((edge) => edge.node),
    hasNextPage: data.pageInfo.hasNextPage,
  }));
  let { page, more } = mergeSorted(
    lists.map((list) => list.items),
    first,
  );

  // A node all of whose answer made the page may hold more that belong in it: ask it for a whole
  // page after its last artifact, which makes the merge exact.
  const boundary = page.length > 0 && page.length === first ? keyOf(page[page.length - 1]) : null;
  const short = lists.filter(
    ({ items, hasNextPage }) =>
      hasNextPage &&
      items.length > 0 &&
      (!boundary || compareArtifactKeys(keyOf(items[items.length - 1]), boundary) <= 0),
  );
  if (share < first && short.length > 0) {
    await Promise.all(
      short.map(async (list) => {
        const after = cursorOf(list.items[list.items.length - 1]);
        const next = await ctx.ask<NodePage>(list.node, selection.page, { filter, first, after });
        if (!next) return;
        list.items.push(...next.edges.map((edge) => edge.node));
        list.hasNextPage = next.pageInfo.hasNextPage;
      }),
    );
    ({ page, more } = mergeSorted(
      lists.map((list) => list.items),
      first,
    ));
  }

  return {
    artifacts: page,
    cursorOf,
    hasNextPage: more || lists.some((list) => list.hasNextPage),
    totalCount: answers.reduce((sum, { data }) => sum + data.totalCount, 0),
  };
}
