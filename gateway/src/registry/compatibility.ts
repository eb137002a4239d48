import { buildSubgraphSchema } from '@apollo/subgraph';
import { readNodeContract } from '@commons-graph/schema';
import { findBreakingChanges, parse, type GraphQLSchema } from 'graphql';

let contract: GraphQLSchema | undefined;
/** Every node runs the same software, so most serve the same SDL: check each distinct one once. */
const verdicts = new Map<string, string[]>();
const MAX_VERDICTS = 100;

function subgraphSchema(sdl: string): GraphQLSchema {
  return buildSubgraphSchema(parse(sdl));
}

/**
 * Compares a node's `_service { sdl }` with the node contract (schema/node.graphql): whatever the
 * gateway relies on must still be there. Returns the reasons it is not, or [] when compatible.
 */
export function incompatibilities(nodeSdl: string): string[] {
  const known = verdicts.get(nodeSdl);
  if (known) return known;
  const verdict = check(nodeSdl);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(nodeSdl, verdict);
  return verdict;
}

function check(nodeSdl: string): string[] {
  contract ??= subgraphSchema(readNodeContract());
  let served: GraphQLSchema;
  try {
    served = subgraphSchema(nodeSdl);
  } catch (error) {
    return [`its schema does not build: ${(error as Error).message}`];
  }
  return findBreakingChanges(contract, served).map((change) => change.description);
}
