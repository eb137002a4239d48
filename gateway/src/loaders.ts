import DataLoader from 'dataloader';
import { groupBy, type ParsedGlobalId } from '@commons-graph/schema';
import { inCanonicalOrder, TIME_OF } from './canonical-order';
import type { NodeAsker } from './node-asker';
import { NODE_FIELDS, type ArtifactSelection, type NodeField } from './node-client/fields';
import type {
  NodeAdoption,
  NodeAnswer,
  NodeArtifact,
  NodeDerivation,
  NodeFeedback,
  NodeProfile,
  NodeResponse,
} from './node-client/types';

/**
 * Scatter loaders: every key of one level goes to every node in a single request (links about an
 * artifact can be stored on any node), answers are grouped back by key.
 */
function scatter<T extends { id: string }>(
  ctx: NodeAsker,
  field: NodeField,
  keyOf: (item: T) => string,
  time: keyof T & string,
) {
  const [argument] = Object.keys(field.args);
  return new DataLoader<string, T[]>(async (keys) => {
    const answers = await ctx.askAll<T[]>(field, { [argument]: keys });
    const groups = groupBy(
      inCanonicalOrder(
        answers.flatMap(({ data }) => data),
        time,
      ),
      keyOf,
    );
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Artifacts by id, each read where it entered: cached by its text, asked of the node its community names. */
export class ArtifactLoader<A extends NodeArtifact = NodeArtifact> extends DataLoader<
  ParsedGlobalId,
  A | null,
  string
> {
  private readonly cache: Map<string, Promise<A | null>>;

  constructor(load: DataLoader.BatchLoadFn<ParsedGlobalId, A | null>) {
    const cache = new Map<string, Promise<A | null>>();
    super(load, { cacheKeyFn: ({ id }) => id, cacheMap: cache });
    this.cache = cache;
  }

  /** Keeps artifacts a node already sent (a page) for loads later in the request, by their id's text. */
  keep(artifacts: readonly A[]): void {
    for (const artifact of artifacts)
      if (!this.cache.has(artifact.id)) this.cache.set(artifact.id, Promise.resolve(artifact));
  }
}

/** Routed by id: each node is asked only for its own artifacts, all in one `_entities` call. */
function artifactLoader(ctx: NodeAsker, selection: ArtifactSelection): ArtifactLoader {
  return new ArtifactLoader(async (ids) => {
    const found = new Map<string, NodeArtifact>();
    await Promise.all(
      [...groupBy(ids, (id) => id.community)].map(async ([slug, list]) => {
        const node = ctx.registry.get(slug);
        if (!node || node.status === 'INCOMPATIBLE') return;
        const answer = await ctx.ask<Array<NodeArtifact | null>>(node, selection.entities, {
          representations: list.map(({ id }) => ({ __typename: 'Artifact', id })),
        });
        for (const artifact of answer ?? []) if (artifact) found.set(artifact.id, artifact);
      }),
    );
    return ids.map(({ id }) => found.get(id) ?? null);
  });
}

/** One loader per node, for fields of the node's own community (profile, links it gave). */
function perNode<T>(ctx: NodeAsker, field: NodeField, then: (answer: T | null) => T | null = (a) => a) {
  return new DataLoader<string, T | null>(async (slugs) =>
    Promise.all(
      slugs.map(async (slug) => {
        const node = ctx.registry.get(slug);
        return then(node && node.status !== 'INCOMPATIBLE' ? await ctx.ask<T>(node, field) : null);
      }),
    ),
  );
}

/** What a community's own node says of it: the links it gave, its cycles and roles. */
export interface Given {
  adoptionsGiven: NodeAdoption[];
  feedbackGiven: NodeFeedback[];
  learningCycles: unknown[];
  contributionRoles: unknown[];
}

/** The loaders of one request, whichever source answers them (the nodes, or the Commons index). */
export interface Loaders {
  /** The artifact loader for one node selection (an operation has one). */
  artifacts(selection: ArtifactSelection): ArtifactLoader;
  adoptionsOf: DataLoader<string, NodeAdoption[]>;
  derivativesOf: DataLoader<string, NodeDerivation[]>;
  feedbackOn: DataLoader<string, NodeFeedback[]>;
  responsesTo: DataLoader<string, NodeResponse[]>;
  answersTo: DataLoader<string, NodeAnswer[]>;
  profile: DataLoader<string, NodeProfile | null>;
  given: DataLoader<string, Given | null>;
}

/** The given lists of one node's answer, in the canonical order. */
function givenInOrder(given: Given | null): Given | null {
  return (
    given && {
      ...given,
      adoptionsGiven: inCanonicalOrder(given.adoptionsGiven, TIME_OF.adoption),
      feedbackGiven: inCanonicalOrder(given.feedbackGiven, TIME_OF.feedback),
    }
  );
}

export function createLoaders(ctx: NodeAsker): Loaders {
  const artifactLoaders = new Map<string, ArtifactLoader>();
  return {
    /** The artifact loader for one node selection (an operation has one). */
    artifacts(selection: ArtifactSelection): ArtifactLoader {
      let loader = artifactLoaders.get(selection.fields);
      if (!loader) artifactLoaders.set(selection.fields, (loader = artifactLoader(ctx, selection)));
      return loader;
    },
    adoptionsOf: scatter<NodeAdoption>(ctx, NODE_FIELDS.adoptionsOf, (a) => a.artifactId, TIME_OF.adoption),
    derivativesOf: scatter<NodeDerivation>(
      ctx,
      NODE_FIELDS.derivativesOf,
      (d) => d.sourceId,
      TIME_OF.derivation,
    ),
    feedbackOn: scatter<NodeFeedback>(ctx, NODE_FIELDS.feedbackOn, (f) => f.artifactId, TIME_OF.feedback),
    responsesTo: scatter<NodeResponse>(ctx, NODE_FIELDS.responsesTo, (r) => r.feedbackId, TIME_OF.response),
    answersTo: scatter<NodeAnswer>(ctx, NODE_FIELDS.answersTo, (a) => a.needId, TIME_OF.needAnswer),
    profile: perNode<NodeProfile>(ctx, NODE_FIELDS.profile),
    given: perNode<Given>(ctx, NODE_FIELDS.given, givenInOrder),
  };
}
