import { hasTextSql } from '../reports/blank';
import { communityOfGlobalId } from './global-id-sql';

/**
 * One table per kind of the change feed. Each row is an entity as its node last served it: keyed by
 * its global id (the event's entityId), with the node that served it (`community`), the `seq` it
 * came from, the validated public representation as `doc`, and the columns queries filter, join and
 * sort on, computed from `doc` when it is written (so they can never disagree with it).
 */
export interface IndexColumn {
  name: string;
  /** Its PostgreSQL type. */
  type: string;
  /** Its value, an SQL expression over `doc` (a jsonb). */
  value: string;
}

export interface KindTable {
  /** The feed's ChangeKind. */
  kind: string;
  table: string;
  columns: readonly IndexColumn[];
}

/** The text search configuration: the Commons writes in many languages, so words are not stemmed. */
export const SEARCH_CONFIG = 'simple';

const text = (name: string, field: string): IndexColumn => ({
  name,
  type: 'text',
  value: `doc->>'${field}'`,
});
const time = (name: string, field: string): IndexColumn => ({
  name,
  type: 'timestamptz',
  value: `(doc->>'${field}')::timestamptz`,
});
/**
 * A link's time to the millisecond, as `Date.parse` reads the text a node served (floored): the
 * report compares it with its window's bounds exactly as the live path does.
 */
const instant = (name: string, field: string): IndexColumn => ({
  name,
  type: 'timestamptz',
  value: `date_trunc('milliseconds', (doc->>'${field}')::timestamptz)`,
});
/** The community whose artifact a link is about ('' when its id is none), as parseGlobalId reads it. */
const artifactCommunity: IndexColumn = {
  name: 'artifact_community',
  type: 'text',
  value: communityOfGlobalId(`(doc->>'artifactId')`),
};
export const NAMES_IMPACT = hasTextSql(`doc->>'impact'`);
const tagsOf = `array(select jsonb_array_elements_text(doc->'tags'))`;
const weighted = (value: string, weight: string) =>
  `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(${value}, '')), '${weight}')`;

export const KIND_TABLES: readonly KindTable[] = [
  {
    kind: 'ARTIFACT',
    table: 'artifact',
    columns: [
      text('status', 'status'),
      text('kind', 'kind'),
      { name: 'licence', type: 'text', value: `doc->'licence'->>'spdx'` },
      { name: 'tags', type: 'text[]', value: tagsOf },
      time('published_at', 'publishedAt'),
      time('updated_at', 'updatedAt'),
      // What a report reads of each artifact, so that it never opens the doc of most of them:
      // the month its date names (the report counts by it, as the live path does) and AI assistance.
      { name: 'published_month', type: 'text', value: `left(doc->>'publishedAt', 7)` },
      {
        name: 'ai_assisted',
        type: 'boolean',
        value: `coalesce(doc->'provenance'->>'aiAssisted' = 'true', false)`,
      },
      {
        name: 'search',
        type: 'tsvector',
        value: [
          weighted(`doc->>'title'`, 'A'),
          weighted(`array_to_string(${tagsOf}, ' ')`, 'B'),
          weighted(`doc->>'summary'`, 'B'),
          weighted(`doc->>'body'`, 'C'),
        ].join(' || '),
      },
    ],
  },
  {
    kind: 'DERIVATION',
    table: 'derivation',
    columns: [
      text('artifact_id', 'artifactId'),
      text('source_id', 'sourceId'),
      text('relation', 'relation'),
      instant('asserted_at', 'assertedAt'),
    ],
  },
  {
    kind: 'ADOPTION',
    table: 'adoption',
    columns: [
      text('artifact_id', 'artifactId'),
      artifactCommunity,
      // The adopting community its doc names (the report counts adoptions by it).
      text('adopter', 'community'),
      instant('recorded_at', 'recordedAt'),
      // An impact statement with something besides blanks (`impact?.trim()`), as the report counts them.
      { name: 'names_impact', type: 'boolean', value: NAMES_IMPACT },
    ],
  },
  {
    kind: 'FEEDBACK',
    table: 'feedback',
    columns: [text('artifact_id', 'artifactId'), artifactCommunity, instant('given_at', 'givenAt')],
  },
  {
    kind: 'RESPONSE',
    table: 'response',
    columns: [
      text('feedback_id', 'feedbackId'),
      text('artifact_id', 'artifactId'),
      instant('responded_at', 'respondedAt'),
    ],
  },
  { kind: 'NEED', table: 'need', columns: [text('status', 'status'), instant('posted_at', 'postedAt')] },
  {
    kind: 'NEED_ANSWER',
    table: 'need_answer',
    columns: [
      text('need_id', 'needId'),
      text('artifact_id', 'artifactId'),
      instant('answered_at', 'answeredAt'),
    ],
  },
  { kind: 'COMMUNITY', table: 'community_profile', columns: [] },
  { kind: 'LEARNING_CYCLE', table: 'learning_cycle', columns: [] },
  { kind: 'CONTRIBUTION_ROLE', table: 'contribution_role', columns: [] },
];

export const TABLE_OF: ReadonlyMap<string, KindTable> = new Map(KIND_TABLES.map((t) => [t.kind, t]));
