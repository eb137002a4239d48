import { ApolloArmor } from '@escape.tech/graphql-armor';
import { queryLimitOptions } from '@commons-graph/schema';

/** Depth, cost, alias and token limits for both of the node's endpoints (graphql-armor). */
export function queryLimits() {
  return new ApolloArmor(queryLimitOptions({ maxDepth: 12, maxCost: 20_000 })).protect();
}
