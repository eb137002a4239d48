import type { EntityManager } from '@mikro-orm/postgresql';
import { encodeArtifactCursor, type ArtifactSortKey } from '@commons-graph/schema';
import {
  Adoption, Artifact, CommunityProfile, ArtifactVersion, ContributionRole, Derivation, Feedback, FeedbackResponse,
  LearningCycle, Need, NeedAnswer,
} from '../entities';
import { ArtifactStatus, NeedStatus } from '../entities/enums';
import type * as P from './types';
import type { NodeIdentity } from '../identity';
import type { ArtifactFilter } from './types/Artifact';
import {
  toAdoption, toDerivationLink, toFeedback, toNeed, toNeedAnswer, toPublicArtifact, toPublicVersion, toResponse,
} from './mappers';

/** The statuses the public can see. DRAFT and IN_REVIEW are filtered out in every query below. */
const PUBLIC_STATUSES = [ArtifactStatus.PUBLISHED, ArtifactStatus.RETIRED];
/** Public means published at least once: there is a version to show. */
const HAS_VERSION = { latestVersion: { $ne: null } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function group<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface ArtifactPage {
  artifacts: P.Artifact[];
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * The read model of the public subgraph: the only code on the public path that queries the
 * database. Each method answers a whole batch with one statement (a page adds one count).
 */
export class PublishedStore {
  constructor(
    private readonly em: EntityManager,
    readonly slug: string,
  ) {}

  private publish(artifact: Artifact): P.Artifact {
    return toPublicArtifact(this.slug, artifact, artifact.latestVersion!.getEntity());
  }

  async profile(identity: NodeIdentity): Promise<P.Community> {
    const row = await this.em.findOneOrFail(CommunityProfile, { slug: this.slug });
    return {
      slug: row.slug,
      name: row.name,
      description: row.description,
      region: row.region ?? null,
      website: row.website ?? null,
      software: identity.software,
    };
  }

  async artifactsByHandles(handles: readonly string[]): Promise<Map<string, P.Artifact>> {
    if (handles.length === 0) return new Map();
    const rows = await this.em.find(
      Artifact,
      { handle: { $in: [...handles] }, status: { $in: PUBLIC_STATUSES }, ...HAS_VERSION },
      { populate: ['latestVersion'], strategy: 'joined' },
    );
    return new Map(rows.map((row) => [row.handle, this.publish(row)]));
  }

  async artifactPage(filter: ArtifactFilter, first: number, after: ArtifactSortKey | null): Promise<ArtifactPage> {
    if (filter.communities && !filter.communities.includes(this.slug)) {
      return { artifacts: [], cursors: [], hasNextPage: false, totalCount: 0 };
    }
    const where: Record<string, unknown>[] = [
      { status: { $in: filter.status ? [filter.status] : PUBLIC_STATUSES }, ...HAS_VERSION },
    ];
    const version: Record<string, unknown> = {};
    if (filter.kinds?.length) version.kind = { $in: filter.kinds };
    if (filter.tags?.length) version.tags = { $overlap: filter.tags };
    if (filter.licences?.length) version.licence = { $in: filter.licences };
    if (Object.keys(version).length) where.push({ latestVersion: { content: version } });
    if (filter.text?.trim()) {
      const like = `%${escapeLike(filter.text.trim())}%`;
      where.push({
        $or: [
          { latestVersion: { content: { title: { $ilike: like } } } },
          { latestVersion: { content: { summary: { $ilike: like } } } },
          { latestVersion: { content: { body: { $ilike: like } } } },
        ],
      });
    }
    if (filter.publishedAfter) where.push({ firstPublishedAt: { $gte: filter.publishedAfter } });
    if (filter.publishedBefore) where.push({ firstPublishedAt: { $lt: filter.publishedBefore } });
    const matching = { $and: where };

    const qb = this.em
      .createQueryBuilder(Artifact, 'a')
      .select('a.*')
      .leftJoinAndSelect('a.latestVersion', 'v')
      .where(matching)
      .orderBy({ firstPublishedAt: 'desc', handle: 'asc' })
      .limit(first + 1);
    if (after) {
      // Keyset on the shared order; the cursor's id may belong to another node, so compare global ids.
      qb.andWhere('(a.first_published_at < ? or (a.first_published_at = ? and (? || a.handle) collate "C" > ?))', [
        after.publishedAt,
        after.publishedAt,
        `${this.slug}:`,
        after.id,
      ]);
    }
    const [rows, totalCount] = await Promise.all([
      qb.getResultList(),
      this.em.count(Artifact, matching as never),
    ]);
    const artifacts = rows.slice(0, first).map((row) => this.publish(row));
    return {
      artifacts,
      cursors: artifacts.map((a) => encodeArtifactCursor({ publishedAt: a.publishedAt, id: a.id })),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }

  async versionsOf(rowIds: readonly string[]): Promise<Map<string, P.PublishedVersion[]>> {
    const rows = await this.em.find(
      ArtifactVersion,
      { artifact: { $in: [...rowIds] } },
      { orderBy: { number: 'asc' } },
    );
    const byRow = group(rows, (row) => row.artifact.id);
    return new Map([...byRow].map(([rowId, versions]) => [rowId, versions.map(toPublicVersion)]));
  }

  /** Links asserted on the given (already public) artifacts, keyed by artifact row id. */
  async derivedFrom(rowIds: readonly string[]): Promise<Map<string, P.DerivationLink[]>> {
    const rows = await this.em.find(
      Derivation,
      { artifact: { $in: [...rowIds], status: { $in: PUBLIC_STATUSES } } },
      { populate: ['artifact'], strategy: 'joined', orderBy: { assertedAt: 'asc', id: 'asc' } },
    );
    const byRow = group(rows, (row) => row.artifact.id);
    return new Map(
      [...byRow].map(([rowId, links]) => [
        rowId,
        links.map((link) => toDerivationLink(this.slug, link, link.artifact.getEntity().handle)),
      ]),
    );
  }

  /** Published artifacts of this community derived from any of the given global ids. */
  async derivativesOf(sourceIds: readonly string[]): Promise<P.DerivationLink[]> {
    if (sourceIds.length === 0) return [];
    const rows = await this.em.find(
      Derivation,
      { sourceId: { $in: [...sourceIds] }, artifact: { status: { $in: PUBLIC_STATUSES } } },
      { populate: ['artifact'], strategy: 'joined', orderBy: { assertedAt: 'asc', id: 'asc' } },
    );
    return rows.map((link) => toDerivationLink(this.slug, link, link.artifact.getEntity().handle));
  }

  /** Every derivation this community asserts on its public artifacts. */
  async allDerivations(): Promise<P.DerivationLink[]> {
    const rows = await this.em.find(
      Derivation,
      { artifact: { status: { $in: PUBLIC_STATUSES } } },
      { populate: ['artifact'], strategy: 'joined', orderBy: { assertedAt: 'asc', id: 'asc' } },
    );
    return rows.map((link) => toDerivationLink(this.slug, link, link.artifact.getEntity().handle));
  }

  private async adoptions(where: object): Promise<P.Adoption[]> {
    const rows = await this.em.find(Adoption, where as never, {
      populate: ['adaptedAs'],
      strategy: 'joined',
      orderBy: { recordedAt: 'asc', id: 'asc' },
    });
    return rows.map((row) => {
      const derivative = row.adaptedAs?.getEntity();
      const visible = derivative && PUBLIC_STATUSES.includes(derivative.status) ? derivative.handle : null;
      return toAdoption(this.slug, row, visible);
    });
  }

  adoptionsOf(artifactIds: readonly string[]) {
    return artifactIds.length ? this.adoptions({ artifactId: { $in: [...artifactIds] } }) : Promise.resolve([]);
  }

  adoptionsByIds(localIds: readonly string[]) {
    const ids = localIds.filter(isUuid);
    return ids.length ? this.adoptions({ id: { $in: ids } }) : Promise.resolve([]);
  }

  adoptionsGiven() {
    return this.adoptions({});
  }

  private async feedback(where: object): Promise<P.Feedback[]> {
    const rows = await this.em.find(Feedback, where as never, { orderBy: { givenAt: 'asc', id: 'asc' } });
    return rows.map((row) => toFeedback(this.slug, row));
  }

  feedbackOn(artifactIds: readonly string[]) {
    return artifactIds.length ? this.feedback({ artifactId: { $in: [...artifactIds] } }) : Promise.resolve([]);
  }

  feedbackByIds(localIds: readonly string[]) {
    const ids = localIds.filter(isUuid);
    return ids.length ? this.feedback({ id: { $in: ids } }) : Promise.resolve([]);
  }

  feedbackGiven() {
    return this.feedback({});
  }

  private async responses(where: object): Promise<P.FeedbackResponse[]> {
    const rows = await this.em.find(
      FeedbackResponse,
      { $and: [where, { artifact: { status: { $in: PUBLIC_STATUSES } } }] } as never,
      { populate: ['artifact'], strategy: 'joined', orderBy: { respondedAt: 'asc', id: 'asc' } },
    );
    return rows.map((row) => toResponse(this.slug, row, row.artifact.getEntity().handle));
  }

  responsesTo(feedbackIds: readonly string[]) {
    return feedbackIds.length ? this.responses({ feedbackId: { $in: [...feedbackIds] } }) : Promise.resolve([]);
  }

  responsesByIds(localIds: readonly string[]) {
    const ids = localIds.filter(isUuid);
    return ids.length ? this.responses({ id: { $in: ids } }) : Promise.resolve([]);
  }

  responsesGiven() {
    return this.responses({});
  }

  async needs(status?: NeedStatus | null, localIds?: readonly string[]): Promise<P.Need[]> {
    const where: Record<string, unknown> = {};
    if (status) where.status = status;
    if (localIds) {
      const ids = localIds.filter(isUuid);
      if (ids.length === 0) return [];
      where.id = { $in: ids };
    }
    const rows = await this.em.find(Need, where, { orderBy: { postedAt: 'asc', id: 'asc' } });
    return rows.map((row) => toNeed(this.slug, row));
  }

  async answers(needIds?: readonly string[]): Promise<P.NeedAnswer[]> {
    if (needIds && needIds.length === 0) return [];
    const rows = await this.em.find(
      NeedAnswer,
      { ...(needIds ? { needId: { $in: [...needIds] } } : {}), artifact: { status: { $in: PUBLIC_STATUSES } } },
      { populate: ['artifact'], strategy: 'joined', orderBy: { answeredAt: 'asc', id: 'asc' } },
    );
    return rows.map((row) => toNeedAnswer(this.slug, row, row.artifact.getEntity().handle));
  }

  async learningCycles(): Promise<P.LearningCycleSummary[]> {
    const rows = await this.em.find(
      LearningCycle,
      { isPublic: true },
      { populate: ['harvested'], strategy: 'joined', orderBy: { startsOn: 'desc', id: 'asc' } },
    );
    return rows.map((row) => ({
      id: `${this.slug}:${row.id}`,
      cadence: row.cadence,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      becameClear: row.becameClear,
      surprised: row.surprised,
      failed: row.failed,
      harvestedArtifactIds: row.harvested
        .getItems()
        .filter((a) => PUBLIC_STATUSES.includes(a.status))
        .map((a) => `${this.slug}:${a.handle}`),
    }));
  }

  async contributionRoles(): Promise<P.ContributionRole[]> {
    const rows = await this.em.find(ContributionRole, {}, { orderBy: { startsOn: 'asc', id: 'asc' } });
    return rows.map((row) => ({
      id: `${this.slug}:${row.id}`,
      personName: row.personName,
      role: row.role,
      hoursPerMonth: row.hoursPerMonth,
      resourcedHoursPerMonth: row.resourcedHoursPerMonth,
      startsOn: row.startsOn,
      endsOn: row.endsOn ?? null,
    }));
  }
}
