import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context';

/**
 * An answer from the index never fails for a node that is down: it serves the node's last synced
 * data and says so, in `extensions.staleCommunities`, for every community whose last successful
 * sync is older than the freshness bound (slug, when it was synced, events behind).
 */
export const staleResultsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.source.name !== 'index') return;
        const stale = await contextValue.source.stale();
        if (stale.length === 0) return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, staleCommunities: stale };
      },
    };
  },
};
