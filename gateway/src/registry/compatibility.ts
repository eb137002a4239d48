import { buildSubgraphSchema } from '@apollo/subgraph';
import { readNodeContract } from '@commons-graph/schema';
import { findBreakingChanges, parse, type GraphQLSchema } from 'graphql';

let contract: GraphQLSchema | undefined;

function subgraphSchema(sdl: string): GraphQLSchema {
  return buildSubgraphSchema(parse(sdl));
}

/**
 * Compares a node's `_service { sdl }` with the node contract (schema/node.graphql): whatever the
 * gateway relies on must still be there. Returns the reasons it is not, or [] when compatible.
 */
export function incompatibilities(nodeSdl: string): string[] {
  contract ??= subgraphSchema(readNodeContract());
  let served: GraphQLSchema;
  try {
    served = subgraphSchema(nodeSdl);
  } catch (error) {
    return [`its schema does not build: ${(error as Error).message}`];
  }
  return findBreakingChanges(contract, served).map((change) => change.description);
}
