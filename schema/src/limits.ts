/** Most lexical tokens one document may hold, on every endpoint. */
export const MAX_TOKENS = 5_000;

/**
 * Query limits every endpoint applies (graphql-armor options as data): depth and cost differ by
 * endpoint, aliases and directives do not. Tokens are counted by graphql-js's own parser instead
 * (`parseLimits`): armor's Apollo token plugin throws from a hook, which Apollo answers with 500.
 */
export function queryLimitOptions({ maxDepth, maxCost }: { maxDepth: number; maxCost: number }) {
  return {
    maxDepth: { n: maxDepth },
    costLimit: { maxCost },
    // Enough for a portal to look up 50 artifacts by id in one request; cost bounds the rest.
    maxAliases: { n: 50 },
    maxDirectives: { n: 50 },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  };
}

/** Apollo Server's `parseOptions`: an over-long document is a syntax error (400, GRAPHQL_PARSE_FAILED). */
export const parseLimits = { maxTokens: MAX_TOKENS };
