import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@commons-graph/schema';
import type { GatewayContext } from './context';

/**
 * A down node costs its part, not the query: after execution, one error per node that did not
 * answer, shaped like Apollo Gateway's (serviceName) with our code and the community's slug.
 */
export const partialResultsPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || contextValue.failures.size === 0) return;
        const result = response.body.singleResult;
        const errors = [...(result.errors ?? [])];
        for (const [slug, reason] of contextValue.failures) {
          errors.push({
            message: `The community node "${slug}" gave no usable answer (${reason}); results leave out its part.`,
            extensions: { code: ErrorCode.NODE_UNAVAILABLE, community: slug, serviceName: slug },
          });
        }
        result.errors = errors;
      },
    };
  },
};
