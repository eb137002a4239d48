import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  badInput,
  decodeArtifactCursor,
  DEFAULT_PAGE_SIZE,
  encodeArtifactCursor,
  localIdOf,
  lookupLocalIdOf,
  MAX_PAGE_SIZE,
} from '@commons-graph/schema';
import type { PublicContext } from '../context';
import {
  Artifact,
  ArtifactConnection,
  ArtifactEdge,
  ArtifactFilter,
  DerivationLink,
  PublishedVersion,
} from '../types';

const cursorOf = (artifact: Artifact) =>
  encodeArtifactCursor({ publishedAt: artifact.publishedAt, id: artifact.id });

/** An edge whose cursor is encoded only when asked for: the gateway pages with its own cursors. */
class PageEdge implements ArtifactEdge {
  constructor(readonly node: Artifact) {}

  get cursor(): string {
    return cursorOf(this.node);
  }
}

@Resolver(() => Artifact)
export class ArtifactResolver {
  @Query(() => Artifact, {
    nullable: true,
    description: 'A published or retired artifact of this community.',
  })
  async artifact(@Arg('id', () => ID) id: string, @Ctx() ctx: PublicContext): Promise<Artifact | null> {
    const handle = lookupLocalIdOf(id, ctx.identity.slug, { id });
    return handle ? ctx.loaders.artifact.load(handle) : null;
  }

  @Query(() => ArtifactConnection, {
    description: `Published and retired artifacts, newest first. \`first\` is at most ${MAX_PAGE_SIZE}.`,
  })
  async artifacts(
    @Ctx() ctx: PublicContext,
    @Arg('filter', () => ArtifactFilter, { nullable: true }) filter?: ArtifactFilter,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number = DEFAULT_PAGE_SIZE,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ArtifactConnection> {
    if (first < 0 || first > MAX_PAGE_SIZE) {
      throw badInput(`first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, { argument: 'first' });
    }
    const afterKey = after ? decodeArtifactCursor(after) : null;
    if (after && !afterKey) throw badInput('after is not a cursor this API issued', { argument: 'after' });
    const page = await ctx.store.artifactPage(filter ?? {}, first, afterKey);
    for (const artifact of page.artifacts) {
      const handle = localIdOf(artifact.id, ctx.identity.slug);
      if (handle) ctx.loaders.artifact.prime(handle, artifact);
    }
    const [start, end] = [page.artifacts[0], page.artifacts[page.artifacts.length - 1]];
    return {
      edges: page.artifacts.map((node) => new PageEdge(node)),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: start ? cursorOf(start) : null,
        endCursor: end ? cursorOf(end) : null,
      },
      totalCount: page.totalCount,
    };
  }

  @FieldResolver(() => [PublishedVersion], { description: 'Every published version, oldest first.' })
  versions(@Root() artifact: Artifact, @Ctx() ctx: PublicContext): Promise<PublishedVersion[]> {
    return ctx.loaders.versions.load(artifact.rowId);
  }

  @FieldResolver(() => [DerivationLink], { description: 'What this artifact is derived from or cites.' })
  derivedFrom(@Root() artifact: Artifact, @Ctx() ctx: PublicContext): Promise<DerivationLink[]> {
    return ctx.loaders.derivedFrom.load(artifact.rowId);
  }
}
