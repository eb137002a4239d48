import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { badInput, commonsError, ErrorCode } from '@commons-graph/schema';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { CLIENT_LIMIT_DEFAULTS, type ClientLimitsConfig } from '../config';
import type { GatewayContext } from '../context';
import { GATHERS_COMMONS, operationWeight, type OperationWeight } from './operation-weight';
import { Slots } from '../slots';

// Apollo keeps each parsed document across requests: an operation without variables weighs the same
// every time it comes, for as long as the Commons has as many nodes (a lookup of 50 ids took 30 µs).
const weighed = new WeakMap<OperationDefinitionNode, { nodes: number; weight: OperationWeight }>();

function weightOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  nodes: number,
): OperationWeight {
  if (operation.variableDefinitions?.length)
    return operationWeight(schema, document, operation, variables, { nodes });
  const kept = weighed.get(operation);
  if (kept?.nodes === nodes) return kept.weight;
  const weight = operationWeight(schema, document, operation, undefined, { nodes });
  weighed.set(operation, { nodes, weight });
  return weight;
}

/**
 * Anonymous clients cannot make the gateway do unbounded work: each operation is weighed once it is
 * resolved, before any node is asked; a client whose budget it would exceed is refused with
 * RATE_LIMITED (HTTP 429, Retry-After), and Commons gatherings run a few at a time whoever asks.
 */
export function clientLimitsPlugin(
  limits: Partial<ClientLimitsConfig> | undefined,
  commons: { nodes(): number },
): ApolloServerPlugin<GatewayContext> {
  const { points, windowSeconds, maxConcurrentReports, reportWaitMs } = {
    ...CLIENT_LIMIT_DEFAULTS,
    ...limits,
  };
  const budget =
    points > 0 ? new RateLimiterMemory({ points, duration: windowSeconds, keyPrefix: 'client' }) : undefined;
  const reports = new Slots(maxConcurrentReports, Infinity);

  /** Spends `weight` of the client's budget, or throws RATE_LIMITED and spends nothing. */
  async function spend(client: string, weight: number): Promise<void> {
    if (!budget || weight === 0) return;
    if (weight > points) {
      throw badInput(
        `This operation costs ${weight} points; a client may spend ${points} every ${windowSeconds} s. Ask for smaller pages, a lower maxDepth or fewer nested lists.`,
        {
          reason: 'TOO_EXPENSIVE',
          weight,
          budget: points,
          http: { status: 400 },
        },
      );
    }
    try {
      await budget.consume(client, weight);
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      // A refused operation costs nothing: what is left can still pay for smaller ones.
      await budget.reward(client, weight);
      throw rateLimited(
        `This client has spent its budget of ${points} points per ${windowSeconds} s on expensive work (this operation costs ${weight}).`,
        refused.msBeforeNext,
      );
    }
  }

  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      let answered = false;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // Apollo refuses a request without one before executing anything
          const weight = weightOf(schema, document, operation, request.variables, commons.nodes());
          await spend(contextValue.client, weight.points);
          if (!weight.shared.has(GATHERS_COMMONS)) return;
          release = await reports.within(reportWaitMs);
          // Another plugin may have failed the request while this one waited: give the slot back.
          if (release && answered) release();
          if (release) return;
          if (budget) await budget.reward(contextValue.client, weight.points); // the gateway was busy, not the client
          throw rateLimited(
            `The gateway is already gathering ${maxConcurrentReports} reports for other clients.`,
            Math.max(reportWaitMs, 1000),
          );
        },
        async willSendResponse() {
          answered = true;
          release?.();
        },
      };
    },
  };
}

function rateLimited(message: string, retryAfterMs: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return commonsError(ErrorCode.RATE_LIMITED, `${message} Try again in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
    http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
  });
}
