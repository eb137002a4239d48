import type { NodeEntry } from '../config';
import type { CommonsIndex } from './CommonsIndex';

/** The channel on which the index announces a followed node added, removed or moved (a migration's trigger). */
export const NODE_LIST_CHANNEL = 'followed_node';

/** The nodes the index follows: the list every replica serves. */
export async function listedNodes(index: CommonsIndex): Promise<Array<Required<NodeEntry>>> {
  return index.read<Required<NodeEntry>>('select slug, url from followed_node order by slug');
}

/**
 * Lists a node unless its slug is listed already, atomically among replicas; returns the URL the
 * slug is listed at now (the node's own, or another node's that was there first).
 */
export async function claimNode(index: CommonsIndex, slug: string, url: string): Promise<string> {
  // A no-op update of the row already there returns it, even one a concurrent claim just committed.
  const [row] = await index.read<{ url: string }>(
    `insert into followed_node (slug, url) values ($1, $2)
     on conflict (slug) do update set url = followed_node.url returning url`,
    [slug, url],
  );
  return row.url;
}
