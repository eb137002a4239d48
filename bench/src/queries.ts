import { queryLimitOptions } from '@commons-graph/schema';
import type { GraphQLRequest } from './load';

/** The queries the bench sends, and how many resolution levels each needs at least. */
export interface BenchQuery {
  name: string;
  request: GraphQLRequest;
  /** Sequential rounds of node requests the query needs: the bound on requests per node. */
  levels: number;
}

/** One node, both gateways, directly: a page of 50 artifacts with licences. */
export const PAGE: BenchQuery = {
  name: 'page of 50 with licences',
  request: { query: '{ artifacts(first: 50) { edges { node { id title licence { spdx name } } } } }' },
  levels: 1,
};

/**
 * The ids an entity lookup asks for: 50, or fewer while the alias limit every endpoint applies
 * (`maxAliases` in schema/src/limits.ts) is lower, since the lookup is written with aliases.
 */
const LOOKUP_SIZE = Math.min(50, queryLimitOptions({ maxDepth: 1, maxCost: 1 }).maxAliases.n);

/**
 * An entity lookup that both gateways and the node accept as is: aliased root fields (the Commons
 * schema and the node's both have `artifact(id: ID!): Artifact`).
 */
export function lookup(slug: string, handle: (i: number) => string, size = LOOKUP_SIZE): BenchQuery {
  const fields = Array.from({ length: size }, (_, i) => `a${i}: artifact(id: "${slug}:${handle(i + 1)}") { id title licence { spdx name } }`);
  return { name: `lookup of ${size} ids`, request: { query: `{ ${fields.join(' ')} }` }, levels: 1 };
}
