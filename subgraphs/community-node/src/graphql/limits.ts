import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Depth, cost, alias and token limits for every endpoint (graphql-armor). */
export function queryLimits() {
  return new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 20_000 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 50 },
    maxTokens: { n: 5_000 },
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
