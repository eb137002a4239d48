import type { AbstractSqlConnection } from '@mikro-orm/postgresql';
import { groupBy, type ArtifactSortKey } from '@commons-graph/schema';
import { ArtifactStatus, type ChangeKind, NeedStatus } from '../entities/enums';
import type * as P from './types';
import type { NodeIdentity } from '../identity';
import type { ArtifactFilter } from './types/Artifact';
import {
  toAdoption,
  toDerivationLink,
  toFeedback,
  toNeed,
  toNeedAnswer,
  toPublicArtifact,
  toPublicVersion,
  toResponse,
} from './mappers';
import type {
  AdoptionRow,
  ArtifactRow,
  DerivationRow,
  FeedbackRow,
  NeedAnswerRow,
  NeedRow,
  ResponseRow,
  VersionRow,
} from './rows';

/**
 * The condition every statement below puts on each artifact it reads or links to (always aliased `a`):
 * published or retired, with a version to show. DRAFT and IN_REVIEW never pass it.
 */
const PUBLIC_ARTIFACT = `a.status in ('${ArtifactStatus.PUBLISHED}', '${ArtifactStatus.RETIRED}') and a.latest_version_id is not null`;

const VERSION_COLUMNS = `v.number, v.kind, v.title, v.summary, v.body, v.tags, v.licence, v.attribution, v.authors,
  v.ai_assisted as "aiAssisted", v.ai_tools as "aiTools", v.media_url as "mediaUrl", v.reviewer,
  v.change_note as "changeNote", v.published_at as "publishedAt"`;

const ARTIFACTS = `select a.id as "rowId", a.handle, a.status, a.first_published_at as "firstPublishedAt",
  a.retired_at as "retiredAt", a.retirement_reason as "retirementReason", ${VERSION_COLUMNS}
  from artifact a join artifact_version v on v.id = a.latest_version_id`;
const ARTIFACT_DATES = ['firstPublishedAt', 'retiredAt', 'publishedAt'];

const DERIVATIONS = `select d.id, d.artifact_id as "artifactRowId", a.handle, d.source_id as "sourceId", d.relation,
  d.note, d.asserted_at as "assertedAt"
  from derivation d join artifact a on a.id = d.artifact_id where ${PUBLIC_ARTIFACT}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ChangeEventRow {
  seq: number;
  at: Date;
  kind: ChangeKind;
  entityId: string;
}

type FeedRow = { epoch: string; head: number } & (ChangeEventRow | { seq: null });

export interface FeedPage {
  epoch: string;
  head: number;
  events: ChangeEventRow[];
  next: number;
  hasMore: boolean;
}

export interface ArtifactPage {
  artifacts: P.Artifact[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * The read model of the public subgraph: the only code on the public path that queries the
 * database. Each method answers a whole batch, or a page with its count, in one statement.
 * It selects plain rows, not entities: the public path never writes, and hydrating entities into
 * an identity map took most of a page's CPU.
 */
export class PublishedStore {
  constructor(
    private readonly db: AbstractSqlConnection,
    readonly slug: string,
  ) {}

  /** Runs one statement; `dates` are the timestamptz columns, which the connection returns as text. */
  private async select<T>(sql: string, params: unknown[] = [], dates: readonly string[] = []): Promise<T[]> {
    const rows = await this.db.execute<Record<string, unknown>[]>(sql, params);
    for (const row of rows) {
      for (const column of dates) if (row[column] !== null) row[column] = new Date(row[column] as string);
    }
    return rows as T[];
  }

  async profile(identity: NodeIdentity): Promise<P.Community> {
    const [row] = await this.select<Omit<P.Community, 'software'>>(
      'select slug, name, description, region, website from community_profile where slug = ?',
      [this.slug],
    );
    if (!row) throw new Error(`The community profile of "${this.slug}" is missing`);
    return { ...row, software: identity.software };
  }

  async artifactsByHandles(handles: readonly string[]): Promise<Map<string, P.Artifact>> {
    if (handles.length === 0) return new Map();
    const rows = await this.select<ArtifactRow>(
      `${ARTIFACTS} where ${PUBLIC_ARTIFACT} and a.handle in (?)`,
      [handles],
      ARTIFACT_DATES,
    );
    return new Map(rows.map((row) => [row.handle, toPublicArtifact(this.slug, row)]));
  }

  async artifactPage(
    filter: ArtifactFilter,
    first: number,
    after: ArtifactSortKey | null,
  ): Promise<ArtifactPage> {
    if (filter.communities && !filter.communities.includes(this.slug)) {
      return { artifacts: [], hasNextPage: false, totalCount: 0 };
    }
    const conditions = [PUBLIC_ARTIFACT];
    const params: unknown[] = [];
    const where = (condition: string, ...values: unknown[]) => {
      conditions.push(condition);
      params.push(...values);
    };
    if (filter.status) where('a.status = ?', filter.status);
    if (filter.kinds?.length) where('v.kind in (?)', filter.kinds);
    if (filter.tags?.length) where('v.tags && array[?]::text[]', filter.tags);
    if (filter.licences?.length) where('v.licence in (?)', filter.licences);
    const text = filter.text?.trim();
    if (text) {
      const like = `%${escapeLike(text)}%`;
      where('(v.title ilike ? or v.summary ilike ? or v.body ilike ?)', like, like, like);
    }
    if (filter.publishedAfter) where('a.first_published_at >= ?', filter.publishedAfter);
    if (filter.publishedBefore) where('a.first_published_at < ?', filter.publishedBefore);
    const matching = conditions.join(' and ');
    // The count joins versions only to filter on them: every public artifact has one.
    const filtersVersions = Boolean(
      filter.kinds?.length || filter.tags?.length || filter.licences?.length || text,
    );
    const counted = filtersVersions
      ? 'artifact a join artifact_version v on v.id = a.latest_version_id'
      : 'artifact a';

    // Keyset on the shared order; the cursor's id may belong to another node, so compare global ids.
    const keyset = after
      ? ' and (a.first_published_at < ? or (a.first_published_at = ? and (? || a.handle) collate "C" > ?))'
      : '';
    const keysetParams = after ? [after.publishedAt, after.publishedAt, `${this.slug}:`, after.id] : [];
    // One statement for the count and the page; the lateral join keeps the count's row when the page is empty.
    const rows = await this.select<{ totalCount: number } & (ArtifactRow | { rowId: null })>(
      `select t."totalCount", p.*
        from (select count(*)::int as "totalCount" from ${counted} where ${matching}) t
        left join lateral (${ARTIFACTS} where ${matching}${keyset}
          order by a.first_published_at desc, a.handle asc limit ?) p on true
        order by p."firstPublishedAt" desc, p.handle asc`,
      [...params, ...params, ...keysetParams, first + 1],
      ARTIFACT_DATES,
    );
    const found = rows.filter((row): row is ArtifactRow & { totalCount: number } => row.rowId !== null);
    return {
      artifacts: found.slice(0, first).map((row) => toPublicArtifact(this.slug, row)),
      hasNextPage: found.length > first,
      totalCount: rows[0].totalCount,
    };
  }

  async versionsOf(rowIds: readonly string[]): Promise<Map<string, P.PublishedVersion[]>> {
    if (rowIds.length === 0) return new Map();
    const rows = await this.select<VersionRow & { artifactRowId: string }>(
      `select a.id as "artifactRowId", ${VERSION_COLUMNS}
        from artifact a join artifact_version v on v.artifact_id = a.id
        where ${PUBLIC_ARTIFACT} and a.id in (?) order by v.number asc`,
      [rowIds],
      ['publishedAt'],
    );
    const byRow = groupBy(rows, (row) => row.artifactRowId);
    return new Map([...byRow].map(([rowId, versions]) => [rowId, versions.map(toPublicVersion)]));
  }

  private async derivations(condition: string, params: unknown[]) {
    const rows = await this.select<DerivationRow & { artifactRowId: string; handle: string }>(
      `${DERIVATIONS} and ${condition} order by d.asserted_at asc, d.id asc`,
      params,
      ['assertedAt'],
    );
    return rows.map((row) => ({
      rowId: row.artifactRowId,
      link: toDerivationLink(this.slug, row, row.handle),
    }));
  }

  /** Links asserted on the given (already public) artifacts, keyed by artifact row id. */
  async derivedFrom(rowIds: readonly string[]): Promise<Map<string, P.DerivationLink[]>> {
    if (rowIds.length === 0) return new Map();
    // The ids on both sides of the join let the planner look both tables up by index.
    const rows = await this.derivations('d.artifact_id in (?) and a.id in (?)', [rowIds, rowIds]);
    const byRow = groupBy(rows, (row) => row.rowId);
    return new Map([...byRow].map(([rowId, links]) => [rowId, links.map((row) => row.link)]));
  }

  /** Published artifacts of this community derived from any of the given global ids. */
  async derivativesOf(sourceIds: readonly string[]): Promise<P.DerivationLink[]> {
    if (sourceIds.length === 0) return [];
    return (await this.derivations('d.source_id in (?)', [sourceIds])).map((row) => row.link);
  }

  /** Every derivation this community asserts on its public artifacts. */
  async allDerivations(): Promise<P.DerivationLink[]> {
    return (await this.derivations('true', [])).map((row) => row.link);
  }

  /**
   * `adaptedAsHandle` is null unless the derivative is public. A subquery looks it up by primary key;
   * a left join made the planner hash every artifact.
   */
  private async adoptions(condition: string, params: unknown[] = []): Promise<P.Adoption[]> {
    const rows = await this.select<AdoptionRow & { adaptedAsHandle: string | null }>(
      `select ad.id, ad.artifact_id as "artifactId", ad.status, ad.context, ad.impact, ad.recorded_at as "recordedAt",
          ad.updated_at as "updatedAt",
          (select a.handle from artifact a where a.id = ad.adapted_as_id and ${PUBLIC_ARTIFACT}) as "adaptedAsHandle"
        from adoption ad where ${condition} order by ad.recorded_at asc, ad.id asc`,
      params,
      ['recordedAt', 'updatedAt'],
    );
    return rows.map((row) => toAdoption(this.slug, row, row.adaptedAsHandle));
  }

  adoptionsOf(artifactIds: readonly string[]) {
    return artifactIds.length ? this.adoptions('ad.artifact_id in (?)', [artifactIds]) : Promise.resolve([]);
  }

  adoptionsByIds(localIds: readonly string[]) {
    const ids = localIds.filter(isUuid);
    return ids.length ? this.adoptions('ad.id in (?)', [ids]) : Promise.resolve([]);
  }

  adoptionsGiven() {
    return this.adoptions('true');
  }

  private async feedback(condition: string, params: unknown[] = []): Promise<P.Feedback[]> {
    const rows = await this.select<FeedbackRow>(
      `select id, artifact_id as "artifactId", kind, body, given_at as "givenAt" from feedback
        where ${condition} order by given_at asc, id asc`,
      params,
      ['givenAt'],
    );
    return rows.map((row) => toFeedback(this.slug, row));
  }

  feedbackOn(artifactIds: readonly string[]) {
    return artifactIds.length ? this.feedback('artifact_id in (?)', [artifactIds]) : Promise.resolve([]);
  }

  feedbackByIds(localIds: readonly string[]) {
    const ids = localIds.filter(isUuid);
    return ids.length ? this.feedback('id in (?)', [ids]) : Promise.resolve([]);
  }

  feedbackGiven() {
    return this.feedback('true');
  }

  private async responses(condition: string, params: unknown[] = []): Promise<P.FeedbackResponse[]> {
    const rows = await this.select<ResponseRow & { handle: string }>(
      `select r.id, r.feedback_id as "feedbackId", a.handle, r.kind, r.body, r.resulting_version as "resultingVersion",
          r.responded_at as "respondedAt"
        from feedback_response r join artifact a on a.id = r.artifact_id
        where ${PUBLIC_ARTIFACT} and ${condition} order by r.responded_at asc, r.id asc`,
      params,
      ['respondedAt'],
    );
    return rows.map((row) => toResponse(this.slug, row, row.handle));
  }

  responsesTo(feedbackIds: readonly string[]) {
    return feedbackIds.length ? this.responses('r.feedback_id in (?)', [feedbackIds]) : Promise.resolve([]);
  }

  responsesByIds(localIds: readonly string[]) {
    const ids = localIds.filter(isUuid);
    return ids.length ? this.responses('r.id in (?)', [ids]) : Promise.resolve([]);
  }

  responsesGiven() {
    return this.responses('true');
  }

  async needs(status?: NeedStatus | null, localIds?: readonly string[]): Promise<P.Need[]> {
    const conditions = ['true'];
    const params: unknown[] = [];
    if (status) {
      conditions.push('status = ?');
      params.push(status);
    }
    if (localIds) {
      const ids = localIds.filter(isUuid);
      if (ids.length === 0) return [];
      conditions.push('id in (?)');
      params.push(ids);
    }
    const rows = await this.select<NeedRow>(
      `select id, title, body, tags, status, posted_at as "postedAt", closed_at as "closedAt" from need
        where ${conditions.join(' and ')} order by posted_at asc, id asc`,
      params,
      ['postedAt', 'closedAt'],
    );
    return rows.map((row) => toNeed(this.slug, row));
  }

  answers(needIds?: readonly string[]): Promise<P.NeedAnswer[]> {
    if (!needIds) return this.needAnswers('true');
    return needIds.length ? this.needAnswers('n.need_id in (?)', [needIds]) : Promise.resolve([]);
  }

  private async needAnswers(condition: string, params: unknown[] = []): Promise<P.NeedAnswer[]> {
    const rows = await this.select<NeedAnswerRow & { handle: string }>(
      `select n.id, n.need_id as "needId", a.handle, n.note, n.answered_at as "answeredAt"
        from need_answer n join artifact a on a.id = n.artifact_id
        where ${PUBLIC_ARTIFACT} and ${condition} order by n.answered_at asc, n.id asc`,
      params,
      ['answeredAt'],
    );
    return rows.map((row) => toNeedAnswer(this.slug, row, row.handle));
  }

  /**
   * Public learning cycles, or those of them with the given local ids. A harvest has no order of its
   * own: ids come sorted, so every statement (and a follower's copy) answers the same list.
   */
  async learningCycles(localIds?: readonly string[]): Promise<P.LearningCycleSummary[]> {
    const ids = localIds?.filter(isUuid);
    if (ids?.length === 0) return [];
    const rows = await this.select<
      Omit<P.LearningCycleSummary, 'harvestedArtifactIds'> & { harvested: string[] }
    >(
      `select c.id, c.cadence, c.starts_on as "startsOn", c.ends_on as "endsOn", c.became_clear as "becameClear",
          c.surprised, c.failed, array_remove(array_agg(a.handle order by a.handle), null) as harvested
        from learning_cycle c
          left join learning_cycle_harvest h on h.learning_cycle_id = c.id
          left join artifact a on a.id = h.artifact_id and ${PUBLIC_ARTIFACT}
        where c.is_public${ids ? ' and c.id in (?)' : ''} group by c.id order by c.starts_on desc, c.id asc`,
      ids ? [ids] : [],
    );
    return rows.map(({ harvested, ...row }) => ({
      ...row,
      id: `${this.slug}:${row.id}`,
      harvestedArtifactIds: harvested.map((handle) => `${this.slug}:${handle}`),
    }));
  }

  /** Every contribution role, or those with the given local ids. */
  async contributionRoles(localIds?: readonly string[]): Promise<P.ContributionRole[]> {
    const ids = localIds?.filter(isUuid);
    if (ids?.length === 0) return [];
    const rows = await this.select<P.ContributionRole>(
      `select id, person_name as "personName", role, hours_per_month as "hoursPerMonth",
          resourced_hours_per_month as "resourcedHoursPerMonth", starts_on as "startsOn", ends_on as "endsOn"
        from contribution_role${ids ? ' where id in (?)' : ''} order by starts_on asc, id asc`,
      ids ? [ids] : [],
    );
    return rows.map((row) => ({ ...row, id: `${this.slug}:${row.id}` }));
  }

  /** Derivation links of public artifacts, by local id. */
  async derivationsByIds(localIds: readonly string[]): Promise<P.DerivationLink[]> {
    const ids = localIds.filter(isUuid);
    return ids.length ? (await this.derivations('d.id in (?)', [ids])).map((row) => row.link) : [];
  }

  needAnswersByIds(localIds: readonly string[]): Promise<P.NeedAnswer[]> {
    const ids = localIds.filter(isUuid);
    return ids.length ? this.needAnswers('n.id in (?)', [ids]) : Promise.resolve([]);
  }

  /**
   * A page of the change feed (docs/feed-protocol.md) with the epoch and head, in one statement, so
   * the three agree: every event up to the head has committed (writers commit in seq order).
   */
  async changes(after: number, first: number): Promise<FeedPage> {
    const rows = await this.select<FeedRow>(
      `select s.epoch, s.seq as head, e.seq, e.at, e.kind, e.entity_id as "entityId"
        from feed_state s
        left join lateral (select * from feed_event where seq > ? order by seq limit ?) e on true
        order by e.seq`,
      [after, first],
      ['at'],
    );
    if (rows.length === 0) throw new Error('The change feed has no state row: its migration did not run');
    const { epoch, head } = rows[0];
    const events = rows.filter((row): row is FeedRow & ChangeEventRow => row.seq !== null);
    const next = events.length ? events[events.length - 1].seq : after;
    return {
      epoch,
      head,
      events: events.map(({ seq, at, kind, entityId }) => ({ seq, at, kind, entityId })),
      next,
      hasMore: next < head,
    };
  }
}
