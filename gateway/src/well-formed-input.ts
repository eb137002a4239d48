import type { ApolloServerPlugin } from '@apollo/server';
import { badInput, malformedTextIn } from '@commons-graph/schema';

/**
 * Refuses a request whose strings no node could store or compare (a NUL byte, a lone surrogate)
 * before any node is asked: such a value would otherwise fail on every node at once.
 */
export const wellFormedInputPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const where = malformedTextIn(document, request.variables);
        if (where) throw badInput(`${where} holds a NUL byte or a lone UTF-16 surrogate, which no community node can store`, { http: { status: 400 } });
      },
    };
  },
};
