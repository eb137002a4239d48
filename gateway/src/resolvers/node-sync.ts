import type { GatewayContext } from '../context';

/** CommunityNode.sync: how far the Commons index follows the node's feed (null without an index). */
export async function nodeSync({ slug }: { slug: string }, _: unknown, ctx: GatewayContext) {
  const state = await ctx.registry.follower?.state(slug);
  if (!state) return null;
  return {
    syncedSeq: state.cursor,
    head: state.head,
    lag: Math.max(0, state.head - state.cursor),
    lastSyncAt: state.lastSyncAt,
    lastError: state.lastError,
    epoch: state.epoch,
    failures: state.failures,
    nextAttemptAt: state.nextAttemptAt,
  };
}
