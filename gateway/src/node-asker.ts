import type { NodeField } from './node-client/fields';
import type { Registry, RegisteredNode } from './registry/Registry';

/**
 * The part of a request's context that asks nodes: all the loaders need. Its own module so the
 * loaders need not import the context that creates them.
 */
export interface NodeAsker {
  registry: Registry;
  /** Asks one node for one root field; records its failure and returns null instead of throwing. */
  ask<T>(node: RegisteredNode, field: NodeField, variables?: Record<string, unknown>): Promise<T | null>;
  /** Asks every participating node (or the given ones) in parallel; failures are recorded. */
  askAll<T>(
    field: NodeField,
    variables?: Record<string, unknown>,
    nodes?: RegisteredNode[],
  ): Promise<Array<{ node: RegisteredNode; data: T }>>;
}
