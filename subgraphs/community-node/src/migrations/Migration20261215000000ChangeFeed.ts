import { Migration } from '@mikro-orm/migrations';

/*
 * The change feed (docs/feed-protocol.md): the outbox `feed_event`, and `feed_state`, one row with
 * the epoch and the counter that hands out sequence numbers. The public read role may read both in
 * full: an event names only a public entity, and the member it carries is resolved by the public
 * read model (row-level security included) when the feed is read.
 */

const KINDS = [
  'ARTIFACT',
  'DERIVATION',
  'ADOPTION',
  'FEEDBACK',
  'RESPONSE',
  'NEED',
  'NEED_ANSWER',
  'COMMUNITY',
  'LEARNING_CYCLE',
  'CONTRIBUTION_ROLE',
];

const PUBLIC_ARTIFACT = `a.status in ('PUBLISHED', 'RETIRED') and a.latest_version_id is not null`;

/**
 * One event per public entity that exists now, oldest first (each at the time it last changed), so
 * an upgraded node's feed is complete. Global ids need the slug, which only the profile holds: a
 * node writes its profile at its first start, so public data without one is a database no node made.
 */
const BACKFILL = `do $do$
declare
  community text := (select slug from community_profile limit 1);
begin
  if community is null then
    if exists (select from artifact a where ${PUBLIC_ARTIFACT}) or exists (select from adoption)
        or exists (select from feedback) or exists (select from need) or exists (select from contribution_role)
        or exists (select from learning_cycle where is_public) then
      raise exception 'This database holds public data but no community profile, so its change feed cannot name it';
    end if;
    return;
  end if;
  insert into feed_event (seq, at, kind, entity_id)
  select row_number() over (order by c.at, array_position(array['${KINDS.join("','")}'], c.kind), c.entity_id),
    c.at, c.kind::change_kind, c.entity_id
  from (
    select coalesce(a.retired_at, v.published_at) as at, 'ARTIFACT' as kind, community || ':' || a.handle as entity_id
      from artifact a join artifact_version v on v.id = a.latest_version_id where ${PUBLIC_ARTIFACT}
    union all
    select d.asserted_at, 'DERIVATION', community || ':' || d.id
      from derivation d join artifact a on a.id = d.artifact_id where ${PUBLIC_ARTIFACT}
    union all
    select updated_at, 'ADOPTION', community || ':' || id from adoption
    union all
    select given_at, 'FEEDBACK', community || ':' || id from feedback
    union all
    select r.responded_at, 'RESPONSE', community || ':' || r.id
      from feedback_response r join artifact a on a.id = r.artifact_id where ${PUBLIC_ARTIFACT}
    union all
    select coalesce(closed_at, posted_at), 'NEED', community || ':' || id from need
    union all
    select n.answered_at, 'NEED_ANSWER', community || ':' || n.id
      from need_answer n join artifact a on a.id = n.artifact_id where ${PUBLIC_ARTIFACT}
    union all
    select created_at, 'COMMUNITY', slug from community_profile
    union all
    select created_at, 'LEARNING_CYCLE', community || ':' || id from learning_cycle where is_public
    union all
    select starts_on::timestamptz, 'CONTRIBUTION_ROLE', community || ':' || id from contribution_role
  ) c;
  update feed_state set seq = (select count(*) from feed_event);
end $do$;`;

export class Migration20261215000000ChangeFeed extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "change_kind" as enum ('${KINDS.join("', '")}');`);
    // The epoch is random per database: a recreated or restored database tells followers to start over.
    this.addSql(
      `create table "feed_state" ("singleton" boolean not null default true check ("singleton"), "epoch" uuid not null,
        "seq" integer not null default 0 check ("seq" >= 0), constraint "feed_state_pkey" primary key ("singleton"));`,
    );
    this.addSql(
      `insert into "feed_state" ("singleton", "epoch", "seq") values (true, gen_random_uuid(), 0);`,
    );
    this.addSql(
      `create table "feed_event" ("seq" integer not null, "at" timestamptz not null, "kind" "change_kind" not null,
        "entity_id" varchar(200) not null, constraint "feed_event_pkey" primary key ("seq"));`,
    );
    this.addSql(BACKFILL);
    this.addSql(`do $do$ begin
      execute format('grant select on feed_event, feed_state to %I', public_read_role());
    end $do$;`);
  }
}
