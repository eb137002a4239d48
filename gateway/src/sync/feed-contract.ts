import { readNodeContract } from '@commons-graph/schema';
import type { GraphQLSchema } from 'graphql';
import { nodeContractSchema } from '../node-client/answer-check';

/** The SDL a node following the feed protocol serves: the node contract, which carries `changes`. */
export function feedNodeSdl(): string {
  return readNodeContract();
}

/** The node contract the follower checks feed pages against (docs/feed-protocol.md). */
export function feedContractSchema(): GraphQLSchema {
  return nodeContractSchema();
}
