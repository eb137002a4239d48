import { Arg, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { NeedStatus } from '../../graphql/enums';
import type { PublicContext } from '../context';
import {
  Adoption,
  Community,
  ContributionRole,
  DerivationLink,
  Feedback,
  FeedbackResponse,
  LearningCycleSummary,
  Need,
  NeedAnswer,
} from '../types';

@Resolver(() => Community)
export class CommunityResolver {
  @Query(() => Community, { description: "This node's community." })
  community(@Ctx() ctx: PublicContext): Promise<Community> {
    return ctx.store.profile(ctx.identity);
  }

  @FieldResolver(() => [LearningCycleSummary], {
    description: 'Learning cycles the community chose to share.',
  })
  learningCycles(@Ctx() ctx: PublicContext) {
    return ctx.store.learningCycles();
  }

  @FieldResolver(() => [ContributionRole])
  contributionRoles(@Ctx() ctx: PublicContext) {
    return ctx.store.contributionRoles();
  }

  @FieldResolver(() => [Adoption], {
    description: 'Adoptions this community recorded, of anyone’s artifacts.',
  })
  adoptionsGiven(@Ctx() ctx: PublicContext) {
    return ctx.store.adoptionsGiven();
  }

  @FieldResolver(() => [Feedback], { description: 'Feedback this community gave.' })
  feedbackGiven(@Ctx() ctx: PublicContext) {
    return ctx.store.feedbackGiven();
  }

  @FieldResolver(() => [FeedbackResponse], {
    description: 'Responses this community gave to feedback on its work.',
  })
  responsesGiven(@Ctx() ctx: PublicContext) {
    return ctx.store.responsesGiven();
  }

  @FieldResolver(() => [DerivationLink], { description: 'Every derivation link this community asserts.' })
  derivations(@Ctx() ctx: PublicContext) {
    return ctx.store.allDerivations();
  }

  @FieldResolver(() => [Need])
  needs(@Ctx() ctx: PublicContext, @Arg('status', () => NeedStatus, { nullable: true }) status?: NeedStatus) {
    return ctx.store.needs(status ?? null);
  }

  @FieldResolver(() => [NeedAnswer], { description: 'Answers this community gave to needs anywhere.' })
  needAnswersGiven(@Ctx() ctx: PublicContext) {
    return ctx.store.answers();
  }
}
