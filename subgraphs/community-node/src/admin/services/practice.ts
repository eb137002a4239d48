import { badInput, notFound } from '@commons-graph/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Artifact, ChangeKind, CommunityProfile, ContributionRole, LearningCycle } from '../../entities';
import { appendChange, appendOwnChange } from '../../feed/outbox';
import type { ContributionRoleInput, LearningCycleInput, ProfileInput } from '../types/LinkInputs';
import { ArtifactWorkflow } from './artifact-workflow';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The community's practice: learning cycles, contribution roles and its profile. */
export class PracticeService {
  constructor(
    private readonly em: EntityManager,
    private readonly slug: string,
  ) {}

  recordLearningCycle(input: LearningCycleInput): Promise<LearningCycle> {
    return this.em.transactional(async (em) => {
      if (input.endsOn < input.startsOn)
        throw badInput('endsOn must not be before startsOn', { argument: 'endsOn' });
      const workflow = new ArtifactWorkflow(em, this.slug);
      const handles = (input.harvestedArtifactIds ?? []).map((id) => workflow.handleOf(id));
      const harvested = handles.length ? await em.find(Artifact, { handle: { $in: handles } }) : [];
      const missing = handles.filter((h) => !harvested.some((a) => a.handle === h));
      if (missing.length) throw notFound(`No artifacts ${missing.join(', ')} in ${this.slug}`);
      const cycle = em.create(LearningCycle, {
        cadence: input.cadence,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        becameClear: input.becameClear,
        surprised: input.surprised,
        failed: input.failed,
        isPublic: input.isPublic,
        createdAt: new Date(),
      });
      cycle.harvested.set(harvested);
      if (cycle.isPublic) await appendOwnChange(em, this.slug, ChangeKind.LEARNING_CYCLE, cycle.id);
      return cycle;
    });
  }

  addContributionRole(input: ContributionRoleInput): Promise<ContributionRole> {
    return this.em.transactional(async (em) => {
      if (input.resourcedHoursPerMonth > input.hoursPerMonth) {
        throw badInput('resourcedHoursPerMonth cannot exceed hoursPerMonth', {
          argument: 'resourcedHoursPerMonth',
        });
      }
      if (input.endsOn && input.endsOn < input.startsOn) throw badInput('endsOn must not be before startsOn');
      const role = em.create(ContributionRole, {
        personName: input.personName.trim(),
        role: input.role.trim().toLowerCase(),
        hoursPerMonth: input.hoursPerMonth,
        resourcedHoursPerMonth: input.resourcedHoursPerMonth,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
      });
      await appendOwnChange(em, this.slug, ChangeKind.CONTRIBUTION_ROLE, role.id);
      return role;
    });
  }

  endContributionRole(id: string, endsOn: string): Promise<ContributionRole> {
    return this.em.transactional(async (em) => {
      const local = id.includes(':') ? id.slice(id.indexOf(':') + 1) : id;
      const role = UUID.test(local) ? await em.findOne(ContributionRole, { id: local }) : null;
      if (!role) throw notFound(`No contribution role "${id}"`);
      if (endsOn < role.startsOn) throw badInput('endsOn must not be before startsOn');
      role.endsOn = endsOn;
      await appendOwnChange(em, this.slug, ChangeKind.CONTRIBUTION_ROLE, role.id);
      return role;
    });
  }

  updateProfile(input: ProfileInput): Promise<CommunityProfile> {
    return this.em.transactional(async (em) => {
      const profile = await em.findOneOrFail(CommunityProfile, { slug: this.slug });
      // GraphQL lets a nullable input be null: null clears what may be empty and leaves the rest.
      if (input.name != null) profile.name = input.name.trim();
      if (input.description != null) profile.description = input.description;
      if (input.region !== undefined) profile.region = input.region?.trim() || null;
      if (input.website !== undefined) profile.website = input.website?.trim() || null;
      await appendChange(em, ChangeKind.COMMUNITY, this.slug);
      return profile;
    });
  }
}
