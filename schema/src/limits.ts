/**
 * Query limits every endpoint applies (graphql-armor options as data): depth and cost differ by
 * endpoint, aliases, directives and tokens do not.
 */
export function queryLimitOptions({ maxDepth, maxCost }: { maxDepth: number; maxCost: number }) {
  return {
    maxDepth: { n: maxDepth },
    costLimit: { maxCost },
    // Enough for a portal to look up 50 artifacts by id in one request; cost bounds the rest.
    maxAliases: { n: 50 },
    maxDirectives: { n: 50 },
    maxTokens: { n: 5_000 },
    blockFieldSuggestion: { enabled: false },
  };
}
