import type { ApolloServerPlugin } from '@apollo/server';
import type { StaleCommunity } from './reads';
import type { GatewayContext } from './context';

/**
 * An answer from the index never fails for a node that is down: it serves the node's last synced
 * data and says so, in `extensions.staleCommunities`, for every community whose last successful
 * sync is older than the freshness bound (slug, when it was synced, events behind).
 */
export const staleResultsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    if (contextValue.source.name !== 'index') return;
    let early: Promise<StaleCommunity[]> | undefined;
    return {
      async didResolveOperation({ operation }) {
        // A query changes nothing: its staleness is asked beside its execution rather than after
        // it, one round trip to the index less on its path. A mutation's is asked once it is done.
        if (operation?.operation !== 'query') return;
        early = contextValue.source.stale(contextValue);
        early.catch(() => undefined); // awaited in willSendResponse; not unhandled meanwhile
      },
      async willSendResponse({ response }) {
        const stale = await (early ?? contextValue.source.stale(contextValue));
        if (response.body.kind !== 'single' || stale.length === 0) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, staleCommunities: stale };
      },
    };
  },
};
