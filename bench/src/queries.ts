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
  const fields = Array.from(
    { length: size },
    (_, i) => `a${i}: artifact(id: "${slug}:${handle(i + 1)}") { id title licence { spdx name } }`,
  );
  return { name: `lookup of ${size} ids`, request: { query: `{ ${fields.join(' ')} }` }, levels: 1 };
}

/** Across N nodes: the global page, each artifact with its adoptions and feedback (stored anywhere). */
export const LINKED_PAGE: BenchQuery = {
  name: 'artifacts(first: 50) with adoptions and feedback',
  request: {
    query:
      '{ artifacts(first: 50) { totalCount edges { node { id title adoptions { id community { slug } } feedback { id kind } } } } }',
  },
  levels: 2,
};

/** Upward lineage of depth 5: the root's lookup, then one level per depth (the last fetches the leaves). */
export function lineage(rootId: string): BenchQuery {
  return {
    name: 'lineage, depth 5',
    request: {
      query: `query Lineage($id: ID!) { artifact(id: $id) { id lineage(direction: UP, maxDepth: 5) { depth truncated nodes { id title community { slug } } edges { sourceId derivativeId relation } } } }`,
      variables: { id: rootId },
    },
    levels: 6,
  };
}

export const REPORT_WINDOW = { from: '2025-10-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z' };

/** The steward's report: every node's links, then its artifacts (two sequential calls per node). */
export const REPORT: BenchQuery = {
  name: 'commonsReport',
  request: {
    query: `{ commonsReport(from: "${REPORT_WINDOW.from}", to: "${REPORT_WINDOW.to}") {
      unavailableCommunities crossCommunityAdoptionShare fewestCommunitiesForHalfOfArtifacts reciprocity dormantCommunities
      communities { community { slug } decaySigns replant metrics { key value state } }
      lineageReach { artifactId communitiesReached artifactsReached } adoptionMatrix { adopter origin count } } }`,
  },
  levels: 2,
};
