import DataLoader from 'dataloader';
import { TIME_OF } from '../../canonical-order';
import { ArtifactLoader, type Given, type Loaders } from '../../loaders';
import type { ArtifactSelection } from '../../node-client/fields';
import type { NodeArtifact, NodeProfile } from '../../node-client/types';
import type { CommonsIndex } from '../CommonsIndex';
import { participantSet } from './followed';
import { readOften } from './prepared';
import { artifactDocOf, docsIn } from './sql';

/** Which communities a read may answer from: the registry's participants, as live queries ask them. */
export type Participants = () => readonly string[];

/**
 * Keeps the rows of participating communities. A batch's statement names its keys only: the
 * participants are as many as the Commons' nodes, and a list that long in a condition costs
 * PostgreSQL an estimate per element on every statement, while the rows a batch finds are few.
 */
function participating<T>(
  rows: T[],
  participants: Participants,
  communityOf = (row: T) => (row as { community: string }).community,
): T[] {
  const taking = participantSet(participants());
  return rows.filter((row) => taking.has(communityOf(row)));
}

interface LinkRow<T> {
  key: string;
  community: string;
  doc: T;
}

interface LinkBatch {
  table: string;
  column: string;
  time: string;
  keys: readonly string[];
  done(rows: Array<LinkRow<unknown>>): void;
  failed(error: unknown): void;
}

/**
 * The link reads of one request, gathered over a turn: the batches every kind's loader dispatches
 * together (a page's adoptions and its feedback) are read in one statement, one round trip to the
 * index instead of one per kind.
 */
class LinkReads {
  private pending: LinkBatch[] = [];

  constructor(private readonly index: CommonsIndex) {}

  read<T>(table: string, column: string, time: string, keys: readonly string[]): Promise<Array<LinkRow<T>>> {
    return new Promise((done, failed) => {
      // DataLoader dispatches each loader's batch in a tick of its own, all queued before this one.
      if (!this.pending.length) process.nextTick(() => void this.flush());
      this.pending.push({ table, column, time, keys, done: done as LinkBatch['done'], failed });
    });
  }

  private async flush(): Promise<void> {
    const batches = this.pending;
    this.pending = [];
    const parts = batches.map(
      ({ table, column, time }, i) =>
        `select ${i} as part, ${column} as key, community, doc, (doc->>'${time}')::timestamptz as at, id
          from "${table}" where ${column} = any($${i + 1})`,
    );
    try {
      const rows = await this.index.read<LinkRow<unknown> & { part: number }>(
        `select * from (${parts.join(' union all ')}) u order by part, community collate "C", at, id collate "C"`,
        batches.map((batch) => batch.keys),
      );
      batches.forEach((batch, i) => batch.done(rows.filter((row) => row.part === i)));
    } catch (error) {
      for (const batch of batches) batch.failed(error);
    }
  }
}

/** Links of a kind by the column that names what they point at, read with the request's other links. */
function linksBy<T>(
  links: LinkReads,
  participants: Participants,
  table: string,
  column: string,
  time: string,
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await links.read<T>(table, column, time, keys);
    const groups = new Map<string, T[]>();
    for (const { key, doc } of participating(rows, participants))
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(doc);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Artifacts by id, each with the fields `selection` names, in one statement per batch. */
export function indexArtifactLoader(
  index: CommonsIndex,
  participants: Participants,
  selection: ArtifactSelection,
): ArtifactLoader {
  const statement = `select a.community, ${artifactDocOf(selection)} as doc from artifact a where a.id = any($1)`;
  return new ArtifactLoader(async (ids) => {
    const rows = await readOften<{ community: string; doc: NodeArtifact }>(index, statement, [
      ids.map(({ id }) => id),
    ]);
    const found = new Map(participating(rows, participants).map(({ doc }) => [doc.id, doc]));
    return ids.map(({ id }) => found.get(id) ?? null);
  });
}

/** What each community gave, its cycles and roles, for a batch of communities in one statement. */
function givenLoader(index: CommonsIndex, participants: Participants) {
  return new DataLoader<string, Given | null>(async (slugs) => {
    const rows = await index.read<Given & { slug: string }>(
      `select s.slug,
          ${docsIn('adoption', TIME_OF.adoption, 'x.community = s.slug')} as "adoptionsGiven",
          ${docsIn('feedback', TIME_OF.feedback, 'x.community = s.slug')} as "feedbackGiven",
          coalesce((select jsonb_agg(x.doc order by x.doc->>'startsOn' desc, x.id collate "C")
            from learning_cycle x where x.community = s.slug), '[]'::jsonb) as "learningCycles",
          coalesce((select jsonb_agg(x.doc order by x.doc->>'startsOn', x.id collate "C")
            from contribution_role x where x.community = s.slug), '[]'::jsonb) as "contributionRoles"
        from unnest($1::text[]) s(slug)`,
      [slugs],
    );
    const taken = participating(rows, participants, (row) => row.slug);
    const bySlug = new Map(taken.map(({ slug, ...given }) => [slug, given]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
}

function profileLoader(index: CommonsIndex, participants: Participants) {
  return new DataLoader<string, NodeProfile | null>(async (slugs) => {
    const rows = await index.read<{ community: string; doc: NodeProfile }>(
      `select community, doc from community_profile where community = any($1)`,
      [slugs],
    );
    const bySlug = new Map(participating(rows, participants).map(({ doc }) => [doc.slug, doc]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
}

/** The loaders of one request, answered from the index: the same shapes the nodes answer. */
export function indexLoaders(index: CommonsIndex, participants: Participants): Loaders {
  const artifacts = new Map<string, ArtifactLoader>();
  const links = new LinkReads(index);
  return {
    // As the live loaders: one per node selection (an operation has one), reading just its fields.
    artifacts: (selection) => {
      let loader = artifacts.get(selection.fields);
      if (!loader)
        artifacts.set(selection.fields, (loader = indexArtifactLoader(index, participants, selection)));
      return loader;
    },
    adoptionsOf: linksBy(links, participants, 'adoption', 'artifact_id', TIME_OF.adoption),
    derivativesOf: linksBy(links, participants, 'derivation', 'source_id', TIME_OF.derivation),
    feedbackOn: linksBy(links, participants, 'feedback', 'artifact_id', TIME_OF.feedback),
    responsesTo: linksBy(links, participants, 'response', 'feedback_id', TIME_OF.response),
    answersTo: linksBy(links, participants, 'need_answer', 'need_id', TIME_OF.needAnswer),
    profile: profileLoader(index, participants),
    given: givenLoader(index, participants),
  };
}
