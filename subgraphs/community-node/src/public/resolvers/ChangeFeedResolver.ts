import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, localIdOf } from '@commons-graph/schema';
import { ChangeKind } from '../../graphql/enums';
import type { PublicContext } from '../context';
import {
  Adoption,
  Artifact,
  ChangeEvent,
  ChangeFeed,
  Community,
  ContributionRole,
  DerivationLink,
  Feedback,
  FeedbackResponse,
  LearningCycleSummary,
  Need,
  NeedAnswer,
} from '../types';

export const MAX_CHANGES_PAGE = 1000;

/**
 * The change feed. Each member is resolved through the request's loaders, so a page costs one
 * statement for the events and one per kind on it, and shows exactly what the public API shows now
 * (null when the entity is not public, or no longer).
 */
@Resolver(() => ChangeEvent)
export class ChangeFeedResolver {
  @Query(() => ChangeFeed, {
    description:
      "This node's public changes after `after` (a sequence number; 0 = from the start), oldest first.",
  })
  changes(
    // Parameter decorators register last to first: this prints (after, first), as the protocol reads.
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => Int, { defaultValue: 0 }) after: number,
    @Ctx() ctx: PublicContext,
  ): Promise<ChangeFeed> {
    if (first < 1 || first > MAX_CHANGES_PAGE) {
      throw badInput(`first must be from 1 to ${MAX_CHANGES_PAGE}, got ${first}`, { argument: 'first' });
    }
    if (after < 0) throw badInput(`after must not be negative, got ${after}`, { argument: 'after' });
    return ctx.store.changes(after, first);
  }

  /** The event's entity through `load` when the event is of `kind`; null for every other member. */
  private member<T>(
    event: ChangeEvent,
    kind: ChangeKind,
    ctx: PublicContext,
    load: (localId: string) => Promise<T | null>,
  ): Promise<T | null> | null {
    if (event.kind !== kind) return null;
    const localId = localIdOf(event.entityId, ctx.identity.slug);
    return localId === null ? null : load(localId);
  }

  @FieldResolver(() => Artifact, { nullable: true })
  artifact(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.ARTIFACT, ctx, (handle) => ctx.loaders.artifact.load(handle));
  }

  @FieldResolver(() => DerivationLink, { nullable: true })
  derivation(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.DERIVATION, ctx, (id) => ctx.loaders.derivation.load(id));
  }

  @FieldResolver(() => Adoption, { nullable: true })
  adoption(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.ADOPTION, ctx, (id) => ctx.loaders.adoption.load(id));
  }

  @FieldResolver(() => Feedback, { nullable: true })
  feedback(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.FEEDBACK, ctx, (id) => ctx.loaders.feedback.load(id));
  }

  @FieldResolver(() => FeedbackResponse, { nullable: true })
  response(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.RESPONSE, ctx, (id) => ctx.loaders.response.load(id));
  }

  @FieldResolver(() => Need, { nullable: true })
  need(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.NEED, ctx, (id) => ctx.loaders.need.load(id));
  }

  @FieldResolver(() => NeedAnswer, { nullable: true })
  needAnswer(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.NEED_ANSWER, ctx, (id) => ctx.loaders.needAnswer.load(id));
  }

  /** The profile's entity id is the slug itself. */
  @FieldResolver(() => Community, { nullable: true })
  community(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    if (event.kind !== ChangeKind.COMMUNITY || event.entityId !== ctx.identity.slug) return null;
    return ctx.loaders.community.load(event.entityId);
  }

  @FieldResolver(() => LearningCycleSummary, { nullable: true })
  learningCycle(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.LEARNING_CYCLE, ctx, (id) => ctx.loaders.learningCycle.load(id));
  }

  @FieldResolver(() => ContributionRole, { nullable: true })
  contributionRole(@Root() event: ChangeEvent, @Ctx() ctx: PublicContext) {
    return this.member(event, ChangeKind.CONTRIBUTION_ROLE, ctx, (id) =>
      ctx.loaders.contributionRole.load(id),
    );
  }
}
