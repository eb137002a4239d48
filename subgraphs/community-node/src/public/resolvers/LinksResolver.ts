import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { isValidSlug, badInput } from '@commons-graph/schema';
import { NeedStatus } from '../../graphql/enums';
import type { PublicContext } from '../context';
import { validIdBatch } from '../ids';
import { Adoption, DerivationLink, Feedback, FeedbackResponse, Need, NeedAnswer } from '../types';

const PREFIX_ARG = { description: 'A community slug: links about any of its artifacts.' };

function slugPrefix(slug: string): string {
  if (!isValidSlug(slug)) throw badInput(`"${slug}" is not a community slug`, { argument: 'community' });
  return `${slug}:`;
}

/** The batch fields the gateway scatters to every node: each takes many ids and answers at once. */
@Resolver()
export class LinksResolver {
  @Query(() => [Adoption], { description: "This community's adoptions of any of the given artifacts." })
  adoptionsOf(@Arg('artifactIds', () => [ID]) artifactIds: string[], @Ctx() ctx: PublicContext) {
    return ctx.store.adoptionsOf(validIdBatch(artifactIds, 'artifactIds'));
  }

  @Query(() => [DerivationLink], {
    description: "This community's published artifacts derived from the given ones.",
  })
  derivativesOf(@Arg('artifactIds', () => [ID]) artifactIds: string[], @Ctx() ctx: PublicContext) {
    return ctx.store.derivativesOf(validIdBatch(artifactIds, 'artifactIds'));
  }

  @Query(() => [Feedback], { description: 'Feedback this community gave on any of the given artifacts.' })
  feedbackOn(@Arg('artifactIds', () => [ID]) artifactIds: string[], @Ctx() ctx: PublicContext) {
    return ctx.store.feedbackOn(validIdBatch(artifactIds, 'artifactIds'));
  }

  @Query(() => [FeedbackResponse], {
    description: "This community's responses to any of the given feedback.",
  })
  responsesTo(@Arg('feedbackIds', () => [ID]) feedbackIds: string[], @Ctx() ctx: PublicContext) {
    return ctx.store.responsesTo(validIdBatch(feedbackIds, 'feedbackIds'));
  }

  @Query(() => [NeedAnswer], { description: "This community's answers to any of the given needs." })
  answersTo(@Arg('needIds', () => [ID]) needIds: string[], @Ctx() ctx: PublicContext) {
    return ctx.store.answers(validIdBatch(needIds, 'needIds'));
  }

  @Query(() => [Need], { description: 'Needs this community has posted.' })
  needs(@Ctx() ctx: PublicContext, @Arg('status', () => NeedStatus, { nullable: true }) status?: NeedStatus) {
    return ctx.store.needs(status ?? null);
  }

  @Query(() => [Adoption], { description: "This community's adoptions of artifacts of the given community." })
  async adoptionsOfCommunity(@Arg('community', PREFIX_ARG) community: string, @Ctx() ctx: PublicContext) {
    const prefix = slugPrefix(community);
    return (await ctx.store.adoptionsGiven()).filter((a) => a.artifactId.startsWith(prefix));
  }

  @Query(() => [Feedback], {
    description: 'Feedback this community gave on artifacts of the given community.',
  })
  async feedbackOnCommunity(@Arg('community', PREFIX_ARG) community: string, @Ctx() ctx: PublicContext) {
    const prefix = slugPrefix(community);
    return (await ctx.store.feedbackGiven()).filter((f) => f.artifactId.startsWith(prefix));
  }
}
