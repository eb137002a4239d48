import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@commons-graph/schema';
import type { GatewayContext } from './context';

/**
 * A down node costs its part, not the query: after execution, one error per node that did not
 * answer, shaped like Apollo Gateway's (serviceName) with our code and the community's slug.
 * Execution may end with node requests still under way (graphql-js answers as soon as an error
 * nulls `data` or a parent, leaving sibling fields running): their failures count too, once they
 * are in, so the errors never depend on which request happened to finish first.
 */
export const partialResultsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        await contextValue.settled();
        if (contextValue.failures.size === 0) return;
        const result = response.body.singleResult;
        const errors = [...(result.errors ?? [])];
        // In slug order, reasons sorted: the same failures read the same whatever finished first.
        for (const [slug, reasons] of [...contextValue.failures].sort(([a], [b]) => (a < b ? -1 : 1))) {
          errors.push({
            message: `The community node "${slug}" gave no usable answer (${[...reasons].sort().join('; ')}); results leave out its part.`,
            extensions: { code: ErrorCode.NODE_UNAVAILABLE, community: slug, serviceName: slug },
          });
        }
        result.errors = errors;
      },
    };
  },
};
