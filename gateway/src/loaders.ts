import DataLoader from 'dataloader';
import { parseGlobalId } from '@commons-graph/schema';
import type { GatewayContext } from './context';
import {
  Q, type NodeAdoption, type NodeAnswer, type NodeArtifact, type NodeDerivation, type NodeFeedback, type NodeProfile,
  type NodeResponse,
} from './node-client/queries';

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(item);
  }
  return groups;
}

/**
 * Scatter loaders: every key of one tick goes to every node in a single request (links about an
 * artifact can be stored on any node), answers are grouped back by key.
 */
function scatter<T>(ctx: GatewayContext, operation: string, query: string, keyOf: (item: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const answers = await ctx.askAll<Record<string, T[]>>(operation, query, { ids: [...keys] });
    const items = answers.flatMap(({ data }) => Object.values(data)[0]);
    const groups = groupBy(items, keyOf);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export function createLoaders(ctx: GatewayContext) {
  return {
    /** Routed by id: each node is asked only for its own artifacts, all in one `_entities` call. */
    artifact: new DataLoader<string, NodeArtifact | null>(async (ids) => {
      const bySlug = groupBy([...ids], (id) => parseGlobalId(id)?.community ?? '');
      const found = new Map<string, NodeArtifact>();
      await Promise.all(
        [...bySlug].map(async ([slug, list]) => {
          const node = ctx.registry.get(slug);
          if (!node || node.status === 'INCOMPATIBLE') return;
          const data = await ctx.ask<{ _entities: Array<NodeArtifact | null> }>(node, 'ArtifactEntities', Q.entities, {
            reps: list.map((id) => ({ __typename: 'Artifact', id })),
          });
          for (const artifact of data?._entities ?? []) if (artifact) found.set(artifact.id, artifact);
        }),
      );
      return ids.map((id) => found.get(id) ?? null);
    }),
    adoptionsOf: scatter<NodeAdoption>(ctx, 'AdoptionsOf', Q.adoptionsOf, (a) => a.artifactId),
    derivativesOf: scatter<NodeDerivation>(ctx, 'DerivativesOf', Q.derivativesOf, (d) => d.sourceId),
    feedbackOn: scatter<NodeFeedback>(ctx, 'FeedbackOn', Q.feedbackOn, (f) => f.artifactId),
    responsesTo: scatter<NodeResponse>(ctx, 'ResponsesTo', Q.responsesTo, (r) => r.feedbackId),
    answersTo: scatter<NodeAnswer>(ctx, 'AnswersTo', Q.answersTo, (a) => a.needId),
    profile: new DataLoader<string, NodeProfile | null>(async (slugs) =>
      Promise.all(
        slugs.map(async (slug) => {
          const node = ctx.registry.get(slug);
          if (!node || node.status === 'INCOMPATIBLE') return null;
          return (await ctx.ask<{ community: NodeProfile }>(node, 'Profile', Q.profile))?.community ?? null;
        }),
      ),
    ),
    given: new DataLoader<string, Record<string, unknown[]> | null>(async (slugs) =>
      Promise.all(
        slugs.map(async (slug) => {
          const node = ctx.registry.get(slug);
          if (!node || node.status === 'INCOMPATIBLE') return null;
          return (await ctx.ask<{ community: Record<string, unknown[]> }>(node, 'Given', Q.given))?.community ?? null;
        }),
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
