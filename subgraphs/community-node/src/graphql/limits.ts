import { ApolloArmor } from '@escape.tech/graphql-armor';
import { parseLimits, queryLimitOptions } from '@commons-graph/schema';

/** Depth, cost and alias limits (graphql-armor) and the token limit (the parser) for both endpoints. */
export function queryLimits() {
  return {
    ...new ApolloArmor(queryLimitOptions({ maxDepth: 12, maxCost: 20_000 })).protect(),
    parseOptions: parseLimits,
  };
}
