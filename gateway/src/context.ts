import type { Logger } from 'pino';
import type { NodeField } from './node-client/fields';
import { NodeBatch } from './node-client/NodeBatch';
import { NodeUnavailableError } from './node-client/NodeClient';
import type { Registry, RegisteredNode } from './registry/Registry';
import type { Loaders } from './loaders';
import type { NodeAsker } from './node-asker';
import type { CommonsReads, CommonsSource } from './reads';

/**
 * Per-request state: one batch per node (so one request per node per level), the loaders, and the
 * nodes that failed to give their part, which become NODE_UNAVAILABLE errors on the response.
 */
export interface GatewayContext extends NodeAsker {
  logger: Logger;
  /** Why each node that failed did not answer, by slug: every distinct reason. */
  failures: Map<string, Set<string>>;
  loaders: Loaders;
  /** The Commons reads beyond the loaders, from the request's source. */
  reads: CommonsReads;
  /** Where this gateway reads the Commons from: the nodes (live) or its index. */
  source: CommonsSource;
  /** The Authorization header, for the admin mutations. */
  authorization?: string;
  /** Who is asking, for per-client limits: an IP address (see limits/client-identity.ts). */
  client: string;
  /** Forgets what an execution whose answer is thrown away loaded and which nodes failed it. */
  restart(): void;
  /** Resolves once no request to a node is under way, including any sent while waiting. */
  settled(): Promise<void>;
}

export function createContext(
  registry: Registry,
  logger: Logger,
  authorization: string | undefined,
  client: string,
  source: CommonsSource,
): GatewayContext {
  const failures = new Map<string, Set<string>>();
  const batches = new Map<RegisteredNode, NodeBatch>();
  const batchOf = (node: RegisteredNode) => {
    let batch = batches.get(node);
    if (!batch) batches.set(node, (batch = new NodeBatch(node.client, registry)));
    return batch;
  };
  const ctx = { registry, logger, failures, authorization, client, source } as GatewayContext;
  const underway = new Set<Promise<unknown>>();
  let asked = false;
  ctx.ask = async <T>(node: RegisteredNode, field: NodeField, variables: Record<string, unknown> = {}) => {
    asked = true;
    const answer = batchOf(node).ask<T>(field, variables);
    underway.add(answer);
    try {
      return await answer;
    } catch (error) {
      // The batch has told the registry; this request only notes what its answer leaves out.
      const reason = error instanceof NodeUnavailableError ? error.reason : (error as Error).message;
      failures.set(node.slug, (failures.get(node.slug) ?? new Set()).add(reason));
      logger.warn({ community: node.slug, operation: field.label, reason }, 'node did not answer');
      return null;
    } finally {
      underway.delete(answer);
    }
  };
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  ctx.settled = async () => {
    // A request that asked no node yet (its answer came from the registry, or it failed before
    // execution) waits one turn, in which every loader given a key has asked (DataLoader asks a
    // tick later, and nothing else a resolver awaits crosses a turn); still nothing: nothing will.
    if (!asked) {
      await turn();
      if (!asked) return;
    }
    // Work waiting on an answer may ask again, and a batch is sent a turn later: quiet means no
    // request under way for a few turns of the event loop.
    for (let quiet = 0; quiet < 3;) {
      if (underway.size > 0) {
        await Promise.allSettled([...underway]);
        quiet = 0;
      } else {
        await turn();
        quiet += 1;
      }
    }
  };

  ctx.askAll = async <T>(
    field: NodeField,
    variables: Record<string, unknown> = {},
    nodes = registry.participants(),
  ) => {
    const answers = await Promise.all(
      nodes.map(async (node) => ({ node, data: await ctx.ask<T>(node, field, variables) })),
    );
    return answers.filter(
      (answer): answer is { node: RegisteredNode; data: Awaited<T> } => answer.data !== null,
    );
  };
  // On the object execution sees, which may be Apollo Server's copy of this one.
  ctx.restart = function restart(this: GatewayContext) {
    failures.clear();
    this.loaders = source.loaders(this);
    this.reads = source.reads(this);
  };
  ctx.loaders = source.loaders(ctx);
  ctx.reads = source.reads(ctx);
  return ctx;
}
