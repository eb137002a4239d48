import { Migration } from '@mikro-orm/migrations';
import { communityOfGlobalId } from '../global-id-sql';
import { NAMES_IMPACT } from '../tables';

/** Each link's time to the millisecond as a column, filled from its doc (tables.ts computes it on every later write). */
const LINK_TIMES = [
  ['adoption', 'recorded_at', 'recordedAt'],
  ['feedback', 'given_at', 'givenAt'],
  ['response', 'responded_at', 'respondedAt'],
  ['derivation', 'asserted_at', 'assertedAt'],
  ['need', 'posted_at', 'postedAt'],
  ['need_answer', 'answered_at', 'answeredAt'],
] as const;

/**
 * The report aggregates every link in SQL by its time (adoptions and feedback by the community
 * they are about), and every artifact by its month: reading them out of each doc and parsing them
 * again on every report cost more than the aggregation itself. Every write fills them (tables.ts);
 * they stay nullable so that rows written by hand (tests of other reads) need not name them.
 */
export class Migration20261215000000ReportAggregation extends Migration {
  override async up(): Promise<void> {
    for (const [table, column, field] of LINK_TIMES) {
      this.addSql(`alter table "${table}" add column "${column}" timestamptz null;`);
      this.addSql(
        `update "${table}" set "${column}" = date_trunc('milliseconds', (doc->>'${field}')::timestamptz);`,
      );
    }
    for (const table of ['adoption', 'feedback']) {
      this.addSql(`alter table "${table}" add column "artifact_community" text null;`);
      this.addSql(
        `update "${table}" set "artifact_community" = ${communityOfGlobalId(`(doc->>'artifactId')`)};`,
      );
    }
    this.addSql(
      `alter table "artifact" add column "published_month" text null, add column "ai_assisted" boolean null;`,
    );
    this.addSql(
      `update "artifact" set "published_month" = left(doc->>'publishedAt', 7), "ai_assisted" = coalesce(doc->'provenance'->>'aiAssisted' = 'true', false);`,
    );
    // Few artifacts are AI-assisted: the report reads only their docs.
    this.addSql(`create index "artifact_ai_assisted_index" on "artifact" ("community") where "ai_assisted";`);
    this.addSql(`alter table "adoption" add column "names_impact" boolean null;`);
    this.addSql(`update "adoption" set "names_impact" = ${NAMES_IMPACT};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "artifact_ai_assisted_index";`);
    this.addSql(`alter table "artifact" drop column "published_month", drop column "ai_assisted";`);
    this.addSql(`alter table "adoption" drop column "names_impact";`);
    for (const table of ['adoption', 'feedback'])
      this.addSql(`alter table "${table}" drop column "artifact_community";`);
    for (const [table, column] of LINK_TIMES) this.addSql(`alter table "${table}" drop column "${column}";`);
  }
}
