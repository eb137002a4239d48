import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ContributionRole as ContributionRoleRow, LearningCycle } from '../../entities';
import { Role } from '../../graphql/enums';
import { LocalDate } from '../../graphql/scalars';
import { ContributionRole } from '../../public/types/Practice';
import { Community } from '../../public/types/Community';
import type { AdminContext } from '../context';
import { presentCycle } from '../present';
import { PracticeService } from '../services/practice';
import { ContributionRoleInput, LearningCycleInput, ProfileInput } from '../types/LinkInputs';
import { ManagedLearningCycle } from '../types/Practice';

const practice = (ctx: AdminContext) => new PracticeService(ctx.em, ctx.identity.slug);
const role = (slug: string, row: ContributionRoleRow): ContributionRole => ({
  id: `${slug}:${row.id}`,
  personName: row.personName,
  role: row.role,
  hoursPerMonth: row.hoursPerMonth,
  resourcedHoursPerMonth: row.resourcedHoursPerMonth,
  startsOn: row.startsOn,
  endsOn: row.endsOn ?? null,
});

@Resolver()
export class PracticeAdminResolver {
  @Authorized(Role.MEMBER)
  @Query(() => [ManagedLearningCycle], { description: 'Every learning cycle, shared or not.' })
  async learningCycles(@Ctx() ctx: AdminContext) {
    const rows = await ctx.em.find(
      LearningCycle,
      {},
      { orderBy: { startsOn: 'desc' }, populate: ['harvested'] },
    );
    return Promise.all(rows.map((row) => presentCycle(ctx.em, ctx.identity.slug, row)));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => ManagedLearningCycle)
  async recordLearningCycle(@Arg('input') input: LearningCycleInput, @Ctx() ctx: AdminContext) {
    return presentCycle(ctx.em, ctx.identity.slug, await practice(ctx).recordLearningCycle(input));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => ContributionRole)
  async addContributionRole(@Arg('input') input: ContributionRoleInput, @Ctx() ctx: AdminContext) {
    return role(ctx.identity.slug, await practice(ctx).addContributionRole(input));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => ContributionRole)
  async endContributionRole(
    @Arg('id', () => ID) id: string,
    @Arg('endsOn', () => LocalDate) endsOn: string,
    @Ctx() ctx: AdminContext,
  ) {
    return role(ctx.identity.slug, await practice(ctx).endContributionRole(id, endsOn));
  }

  @Authorized(Role.STEWARD)
  @Mutation(() => Community)
  async updateProfile(@Arg('input') input: ProfileInput, @Ctx() ctx: AdminContext): Promise<Community> {
    const row = await practice(ctx).updateProfile(input);
    return {
      slug: row.slug,
      name: row.name,
      description: row.description,
      region: row.region ?? null,
      website: row.website ?? null,
      software: ctx.identity.software,
    };
  }
}
