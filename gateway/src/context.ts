import type { Logger } from 'pino';
import { NodeUnavailableError } from './node-client/NodeClient';
import type { Registry, RegisteredNode } from './registry/Registry';
import { createLoaders, type Loaders } from './loaders';

/**
 * Per-request state: the loaders (one set per request, so one batch per node per level) and the
 * nodes that failed to give their part, which become NODE_UNAVAILABLE errors on the response.
 */
export interface GatewayContext {
  registry: Registry;
  logger: Logger;
  failures: Map<string, string>;
  loaders: Loaders;
  /** The Authorization header, for the admin mutations. */
  authorization?: string;
  /** Asks one node; records its failure and returns null instead of throwing. */
  ask<T>(node: RegisteredNode, operation: string, query: string, variables?: Record<string, unknown>): Promise<T | null>;
  /** Asks every participating node (or the given ones) in parallel; failures are recorded. */
  askAll<T>(operation: string, query: string, variables?: Record<string, unknown>, nodes?: RegisteredNode[]): Promise<Array<{ node: RegisteredNode; data: T }>>;
}

export function createContext(registry: Registry, logger: Logger, authorization?: string): GatewayContext {
  const failures = new Map<string, string>();
  const ctx = { registry, logger, failures, authorization } as GatewayContext;
  ctx.ask = async <T>(node: RegisteredNode, operation: string, query: string, variables: Record<string, unknown> = {}) => {
    try {
      const data = await node.client.query<T>(operation, query, variables);
      registry.markAnswered(node.slug);
      return data;
    } catch (error) {
      const reason = error instanceof NodeUnavailableError ? error.reason : (error as Error).message;
      failures.set(node.slug, reason);
      registry.markFailed(node.slug, reason);
      logger.warn({ community: node.slug, operation, reason }, 'node did not answer');
      return null;
    }
  };
  ctx.askAll = async <T>(operation: string, query: string, variables: Record<string, unknown> = {}, nodes = registry.participants()) => {
    const answers = await Promise.all(nodes.map(async (node) => ({ node, data: await ctx.ask<T>(node, operation, query, variables) })));
    return answers.filter((answer): answer is { node: RegisteredNode; data: Awaited<T> } => answer.data !== null);
  };
  ctx.loaders = createLoaders(ctx);
  return ctx;
}
