/**
 * What the public subgraph may read, table by table: the specification that
 * public-read-role.test.ts holds the database to and draft-privacy.test.ts holds `public/` to.
 * Every table of the schema is in exactly one of the two lists (a test fails on a new table
 * until it is placed here and, if public, granted in a migration).
 */
export const PUBLIC_TABLES = {
  community_profile: 'every row',
  adoption: 'every row',
  feedback: 'every row',
  need: 'every row',
  contribution_role: 'every row',
  artifact: 'published or retired artifacts',
  artifact_version: 'versions of public artifacts',
  derivation: 'links of public artifacts',
  feedback_response: 'responses on public artifacts',
  need_answer: 'answers with public artifacts',
  learning_cycle: 'public cycles',
  learning_cycle_harvest: 'public artifacts harvested in public cycles',
  feed_event: 'every row (each names a public entity; its member is resolved through the rows above)',
  feed_state: 'every row (the epoch and the head)',
} as const;

/** Refused to the public role outright; `public/` must not even name them. */
export const PRIVATE_TABLES = ['artifact_draft', 'api_token', 'mikro_orm_migrations'] as const;

/** Columns of public tables that the public role may not read. */
export const PRIVATE_COLUMNS = {
  artifact: ['draft_id', 'created_by', 'created_at', 'submitted_at'],
  artifact_version: ['published_by'],
} as const;

/** The private column names `public/` must not name: `created_at` is also a public column of other tables. */
export const PRIVATE_COLUMN_NAMES = ['draft_id', 'created_by', 'submitted_at', 'published_by'] as const;
