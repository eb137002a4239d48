import { createHash } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { findBreakingChanges, parse, type GraphQLSchema } from 'graphql';
import { nodeContractSchema } from '../node-client/answer-check';

/** Every node runs the same software, so most serve the same SDL: check each distinct one once. */
const verdicts = new Map<string, string[]>();
const MAX_VERDICTS = 100;
/** The contract is a few thousand tokens; a schema many times that is not a node's. */
const MAX_SDL_TOKENS = 100_000;
const MAX_REASONS = 100;

function subgraphSchema(sdl: string): GraphQLSchema {
  return buildSubgraphSchema(parse(sdl, { maxTokens: MAX_SDL_TOKENS, noLocation: true }));
}

/**
 * Compares a node's `_service { sdl }` with the node contract (schema/node.graphql): whatever the
 * gateway relies on must still be there. Returns the reasons it is not, or [] when compatible.
 */
export function incompatibilities(nodeSdl: string): string[] {
  // Keyed by digest: a node sending a new large SDL on every probe must not fill memory.
  const key = createHash('sha256').update(nodeSdl).digest('base64');
  const known = verdicts.get(key);
  if (known) return known;
  const verdict = check(nodeSdl);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

function check(nodeSdl: string): string[] {
  let served: GraphQLSchema;
  try {
    served = subgraphSchema(nodeSdl);
  } catch (error) {
    return [`its schema does not build: ${(error as Error).message.slice(0, 300)}`];
  }
  try {
    const reasons = findBreakingChanges(nodeContractSchema(), served).map((change) => change.description);
    return reasons.length > MAX_REASONS
      ? [...reasons.slice(0, MAX_REASONS), `and ${reasons.length - MAX_REASONS} more`]
      : reasons;
  } catch (error) {
    return [`its schema cannot be compared with the contract: ${(error as Error).message.slice(0, 300)}`];
  }
}
