import type {
  AdoptionStatus,
  ArtifactKind,
  DerivationRelation,
  FeedbackKind,
  ResponseKind,
} from '../entities/enums';
import { ChangeKind } from '../entities/enums';
import { appendChangesWith, type Change } from '../feed/outbox';
import { inTransaction } from './transaction';

/**
 * Published data written straight into a node's database (after its migrations ran), for tests and
 * benchmarks that need hundreds of artifacts fast: the rows the admin API would leave, without the
 * API's cost. Table and column names stay here, beside the entities they mirror.
 */
export interface SeedArtifact {
  handle: string;
  publishedAt: Date;
  kind?: `${ArtifactKind}`;
  title?: string;
  summary?: string;
  body?: string;
  tags?: string[];
  licence?: string;
  attribution?: string;
  authors?: string[];
}

/** Links this node records, each by global id except its own artifacts (by handle). */
export interface SeedLinks {
  derivations?: Array<{ handle: string; sourceId: string; relation?: `${DerivationRelation}` }>;
  adoptions?: Array<{ artifactId: string; status?: `${AdoptionStatus}`; context?: string }>;
  feedback?: Array<{ artifactId: string; kind?: `${FeedbackKind}`; body?: string }>;
  responses?: Array<{ feedbackId: string; handle: string; kind?: `${ResponseKind}`; body?: string }>;
  needAnswers?: Array<{ needId: string; handle: string; note?: string | null }>;
}

/**
 * Publishes `rows` on the node of community `slug`, each with one version (title defaults to
 * "<slug> <handle>", attribution to the slug); returns their global ids in order.
 */
export async function seedPublishedArtifacts(
  databaseUrl: string,
  slug: string,
  rows: SeedArtifact[],
): Promise<string[]> {
  const input = rows.map((row) => ({
    handle: row.handle,
    published_at: row.publishedAt.toISOString(),
    kind: row.kind ?? 'PLAYBOOK',
    title: row.title ?? `${slug} ${row.handle}`,
    summary: row.summary ?? 'summary',
    body: row.body ?? 'body',
    tags: row.tags ?? [],
    licence: row.licence ?? 'CC-BY-4.0',
    attribution: row.attribution ?? slug,
    authors: row.authors ?? ['Someone'],
  }));
  await inTransaction(databaseUrl, async (client) => {
    await client.query(
      `create temporary table seed_artifact on commit drop as select * from jsonb_to_recordset($1::jsonb) as r(handle text,
         published_at timestamptz, kind artifact_kind, title text, summary text, body text, tags text[], licence text,
         attribution text, authors text[])`,
      [JSON.stringify(input)],
    );
    await client.query(`insert into artifact (id, handle, status, created_by, created_at, first_published_at)
      select gen_random_uuid(), handle, 'PUBLISHED', 'seed', published_at, published_at from seed_artifact`);
    await client.query(`insert into artifact_version (id, artifact_id, number, kind, title, summary, body, tags, licence,
        attribution, authors, ai_assisted, published_by, published_at)
      select gen_random_uuid(), a.id, 1, s.kind, s.title, s.summary, s.body, s.tags, s.licence, s.attribution, s.authors,
        false, 'seed', s.published_at
      from seed_artifact s join artifact a on a.handle = s.handle`);
    await client.query(`update artifact set latest_version_id = v.id from artifact_version v, seed_artifact s
      where v.artifact_id = artifact.id and artifact.handle = s.handle`);
    const oldestFirst = [...rows].sort(
      (a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || (a.handle < b.handle ? -1 : 1),
    );
    await appendChangesWith(
      client,
      oldestFirst.map((row) => ({ kind: ChangeKind.ARTIFACT, entityId: `${slug}:${row.handle}` })),
    );
  });
  return rows.map((row) => `${slug}:${row.handle}`);
}

/**
 * The rows `insert` inserted (it must return `id` and `artifact_id`, a row of this node), each with
 * whether its artifact is public: only then is the link a public change.
 */
const WITH_PUBLICITY = (insert: string) => `with inserted as (${insert})
  select i.id, a.status in ('PUBLISHED', 'RETIRED') and a.latest_version_id is not null as public
  from inserted i join artifact a on a.id = i.artifact_id`;

/**
 * Records `links` on a node, stamped now. The node must have started once: its change feed names
 * the links by global id, and the slug comes from its profile.
 */
export async function seedLinks(databaseUrl: string, links: SeedLinks): Promise<void> {
  const json = (rows: unknown[] | undefined) => JSON.stringify(rows ?? []);
  /** Links by handle join the node's artifacts: one naming no artifact here is a mistake, not a row to drop. */
  const all = (what: keyof SeedLinks) => (result: { rowCount: number | null }) => {
    if (result.rowCount !== (links[what]?.length ?? 0))
      throw new Error(`seedLinks: some ${what} name a handle with no artifact on this node`);
  };
  await inTransaction(databaseUrl, async (client) => {
    const [profile] = (await client.query<{ slug: string }>('select slug from community_profile')).rows;
    if (!profile) throw new Error('seedLinks: the node has no community profile yet; start it once first');
    const changes: Change[] = [];
    /** Keeps the changes of the public rows an insert returned, to append them at the end. */
    const publicRows =
      <R extends { rows: Array<{ id: string; public: boolean }> }>(kind: ChangeKind) =>
      (result: R) => {
        for (const row of result.rows)
          if (row.public) changes.push({ kind, entityId: `${profile.slug}:${row.id}` });
        return result;
      };
    await client
      .query(
        WITH_PUBLICITY(`insert into derivation (id, artifact_id, source_id, relation, asserted_at)
      select gen_random_uuid(), a.id, r."sourceId", coalesce(r.relation, 'ADAPTS'), now()
      from jsonb_to_recordset($1::jsonb) as r(handle text, "sourceId" text, relation derivation_relation)
      join artifact a on a.handle = r.handle returning id, artifact_id`),
        [json(links.derivations)],
      )
      .then(publicRows(ChangeKind.DERIVATION))
      .then(all('derivations'));
    await client
      .query(
        `insert into adoption (id, artifact_id, status, context, recorded_at, updated_at)
      select gen_random_uuid(), r."artifactId", coalesce(r.status, 'ADOPTED'), coalesce(r.context, 'used'), now(), now()
      from jsonb_to_recordset($1::jsonb) as r("artifactId" text, status adoption_status, context text) returning id, true as public`,
        [json(links.adoptions)],
      )
      .then(publicRows(ChangeKind.ADOPTION));
    await client
      .query(
        `insert into feedback (id, artifact_id, kind, body, given_at)
      select gen_random_uuid(), r."artifactId", coalesce(r.kind, 'WORKED'), coalesce(r.body, 'it worked'), now()
      from jsonb_to_recordset($1::jsonb) as r("artifactId" text, kind feedback_kind, body text) returning id, true as public`,
        [json(links.feedback)],
      )
      .then(publicRows(ChangeKind.FEEDBACK));
    await client
      .query(
        WITH_PUBLICITY(`insert into feedback_response (id, feedback_id, artifact_id, kind, body, responded_at)
      select gen_random_uuid(), r."feedbackId", a.id, coalesce(r.kind, 'ACKNOWLEDGED'), coalesce(r.body, 'thanks'), now()
      from jsonb_to_recordset($1::jsonb) as r("feedbackId" text, handle text, kind response_kind, body text)
      join artifact a on a.handle = r.handle returning id, artifact_id`),
        [json(links.responses)],
      )
      .then(publicRows(ChangeKind.RESPONSE))
      .then(all('responses'));
    await client
      .query(
        WITH_PUBLICITY(`insert into need_answer (id, need_id, artifact_id, note, answered_at)
      select gen_random_uuid(), r."needId", a.id, r.note, now()
      from jsonb_to_recordset($1::jsonb) as r("needId" text, handle text, note text)
      join artifact a on a.handle = r.handle returning id, artifact_id`),
        [json(links.needAnswers)],
      )
      .then(publicRows(ChangeKind.NEED_ANSWER))
      .then(all('needAnswers'));
    await appendChangesWith(client, changes);
  });
}
