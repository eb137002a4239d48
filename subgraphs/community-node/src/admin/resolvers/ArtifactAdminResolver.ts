import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Artifact } from '../../entities';
import { ArtifactStatus, Role } from '../../graphql/enums';
import type { AdminContext } from '../context';
import { presentArtifact, presentArtifacts } from '../present';
import { ArtifactWorkflow } from '../services/artifact-workflow';
import { ArtifactContentInput, CreateArtifactInput } from '../types/ArtifactInputs';
import { ManagedArtifact } from '../types/AdminArtifact';

const workflow = (ctx: AdminContext) => new ArtifactWorkflow(ctx.em, ctx.identity.slug);

@Resolver(() => ManagedArtifact)
export class ArtifactAdminResolver {
  @Authorized(Role.MEMBER)
  @Query(() => [ManagedArtifact], { description: 'Every artifact of this community, drafts included.' })
  async managedArtifacts(
    @Ctx() ctx: AdminContext,
    @Arg('status', () => ArtifactStatus, { nullable: true }) status?: ArtifactStatus,
  ): Promise<ManagedArtifact[]> {
    const rows = await ctx.em.find(Artifact, status ? { status } : {}, {
      orderBy: { createdAt: 'desc', handle: 'asc' },
    });
    return presentArtifacts(ctx.em, ctx.identity.slug, rows);
  }

  @Authorized(Role.MEMBER)
  @Query(() => ManagedArtifact)
  async managedArtifact(@Arg('id', () => ID) id: string, @Ctx() ctx: AdminContext): Promise<ManagedArtifact> {
    return presentArtifact(ctx.em, ctx.identity.slug, await workflow(ctx).get(id));
  }

  @Authorized(Role.MEMBER)
  @Mutation(() => ManagedArtifact, { description: 'Starts a draft. Nothing is public until published.' })
  async createArtifact(@Arg('input') input: CreateArtifactInput, @Ctx() ctx: AdminContext) {
    const artifact = await workflow(ctx).create(input, ctx.principal!);
    return presentArtifact(ctx.em, ctx.identity.slug, artifact);
  }

  @Authorized(Role.MEMBER)
  @Mutation(() => ManagedArtifact, { description: 'Edits a draft; published versions are immutable.' })
  async updateArtifact(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ArtifactContentInput,
    @Ctx() ctx: AdminContext,
  ) {
    return presentArtifact(ctx.em, ctx.identity.slug, await workflow(ctx).update(id, input));
  }

  @Authorized(Role.MEMBER)
  @Mutation(() => ManagedArtifact)
  async submitForReview(@Arg('id', () => ID) id: string, @Ctx() ctx: AdminContext) {
    return presentArtifact(ctx.em, ctx.identity.slug, await workflow(ctx).submitForReview(id));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => ManagedArtifact, {
    description:
      'Publishes version 1. Needs a valid SPDX licence, an attribution, a named author, and a named human reviewer when AI assisted.',
  })
  async publishArtifact(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: AdminContext,
    @Arg('reviewer', () => String, { nullable: true }) reviewer?: string,
  ) {
    return presentArtifact(
      ctx.em,
      ctx.identity.slug,
      await workflow(ctx).publish(id, reviewer, ctx.principal!),
    );
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => ManagedArtifact, {
    description: 'Publishes the next immutable version of a published artifact.',
  })
  async publishNewVersion(
    @Arg('id', () => ID) id: string,
    @Arg('changes') changes: ArtifactContentInput,
    @Arg('changeNote') changeNote: string,
    @Ctx() ctx: AdminContext,
    @Arg('reviewer', () => String, { nullable: true }) reviewer?: string,
  ) {
    const artifact = await workflow(ctx).publishNewVersion(id, changes, changeNote, reviewer, ctx.principal!);
    return presentArtifact(ctx.em, ctx.identity.slug, artifact);
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => ManagedArtifact, { description: 'Retires a published artifact: it stays as a tombstone.' })
  async retireArtifact(
    @Arg('id', () => ID) id: string,
    @Arg('reason') reason: string,
    @Ctx() ctx: AdminContext,
  ) {
    return presentArtifact(ctx.em, ctx.identity.slug, await workflow(ctx).retire(id, reason));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Boolean, { description: 'Deletes an artifact that was never published.' })
  discardDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: AdminContext) {
    return workflow(ctx).discardDraft(id);
  }
}
