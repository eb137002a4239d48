import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { toAdoption, toFeedback, toNeed, toNeedAnswer, toResponse } from '../../public/mappers';
import { Adoption, Feedback, FeedbackResponse, Need, NeedAnswer } from '../../public/types/Links';
import { Role } from '../../graphql/enums';
import type { AdminContext } from '../context';
import { presentArtifact } from '../present';
import { LinkService } from '../services/links';
import { ManagedArtifact } from '../types/AdminArtifact';
import {
  AdoptionInput,
  AdoptionUpdateInput,
  DerivedFromInput,
  FeedbackInput,
  FeedbackResponseInput,
  NeedAnswerInput,
  NeedInput,
} from '../types/LinkInputs';
import type * as E from '../../entities';

const links = (ctx: AdminContext) => new LinkService(ctx.em, ctx.identity.slug);
const adoption = (ctx: AdminContext, row: E.Adoption) =>
  toAdoption(ctx.identity.slug, row, row.adaptedAs?.getEntity()?.handle ?? null);

/** Links this community asserts; stewards speak for the community. */
@Resolver()
export class LinkAdminResolver {
  @Authorized(Role.STEWARD)
  @Mutation(() => ManagedArtifact, {
    description: 'Records that one of our artifacts derives from (or cites) another.',
  })
  async addDerivedFrom(@Arg('input') input: DerivedFromInput, @Ctx() ctx: AdminContext) {
    const { artifact } = await links(ctx).addDerivedFrom(input);
    return presentArtifact(ctx.em, ctx.identity.slug, artifact);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Boolean, { description: 'Withdraws a derivation link of an unpublished artifact.' })
  removeDerivedFrom(@Arg('linkId', () => ID) linkId: string, @Ctx() ctx: AdminContext) {
    return links(ctx).removeDerivedFrom(linkId);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Adoption)
  async recordAdoption(@Arg('input') input: AdoptionInput, @Ctx() ctx: AdminContext) {
    return adoption(ctx, await links(ctx).recordAdoption(input));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Adoption)
  async updateAdoption(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: AdoptionUpdateInput,
    @Ctx() ctx: AdminContext,
  ) {
    return adoption(ctx, await links(ctx).updateAdoption(id, input));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Feedback)
  async giveFeedback(@Arg('input') input: FeedbackInput, @Ctx() ctx: AdminContext) {
    return toFeedback(ctx.identity.slug, await links(ctx).giveFeedback(input));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => FeedbackResponse, { description: 'Responds to feedback about one of our artifacts.' })
  async respondToFeedback(@Arg('input') input: FeedbackResponseInput, @Ctx() ctx: AdminContext) {
    const row = await links(ctx).respondToFeedback(input);
    return toResponse(ctx.identity.slug, row, row.artifact.getEntity().handle);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Need)
  async postNeed(@Arg('input') input: NeedInput, @Ctx() ctx: AdminContext) {
    return toNeed(ctx.identity.slug, await links(ctx).postNeed(input));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Need)
  async closeNeed(@Arg('id', () => ID) id: string, @Ctx() ctx: AdminContext) {
    return toNeed(ctx.identity.slug, await links(ctx).closeNeed(id));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => NeedAnswer, {
    description: 'Offers one of our published artifacts as an answer to a need.',
  })
  async answerNeed(@Arg('input') input: NeedAnswerInput, @Ctx() ctx: AdminContext) {
    const row = await links(ctx).answerNeed(input);
    return toNeedAnswer(ctx.identity.slug, row, row.artifact.getEntity().handle);
  }
}
