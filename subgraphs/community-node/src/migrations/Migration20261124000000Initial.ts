import { Migration } from '@mikro-orm/migrations';

/** The first schema of a community node. */
export class Migration20261124000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "token_role" as enum ('member', 'steward', 'admin');`);
    this.addSql(
      `create type "artifact_kind" as enum ('TEMPLATE', 'PRINCIPLE', 'CASE_STUDY', 'OPEN_DATA', 'DECISION_RECORD', 'PLAYBOOK', 'FIELD_GUIDE', 'PROTOCOL', 'PATTERN', 'VIDEO');`,
    );
    this.addSql(`create type "artifact_status" as enum ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'RETIRED');`);
    this.addSql(`create type "adoption_status" as enum ('TRIAL', 'ADOPTED', 'ABANDONED');`);
    this.addSql(
      `create type "derivation_relation" as enum ('ADAPTS', 'EXTENDS', 'TRANSLATES', 'REVISES', 'QUOTES', 'REFERENCES', 'SUPPLEMENTS');`,
    );
    this.addSql(
      `create type "feedback_kind" as enum ('WORKED', 'DID_NOT_WORK', 'GAP', 'QUESTION', 'IMPROVEMENT');`,
    );
    this.addSql(`create type "response_kind" as enum ('ACKNOWLEDGED', 'INCORPORATED', 'DECLINED');`);
    this.addSql(`create type "cycle_cadence" as enum ('MONTHLY', 'QUARTERLY');`);
    this.addSql(`create type "need_status" as enum ('OPEN', 'ANSWERED', 'CLOSED');`);
    this.addSql(
      `create table "api_token" ("id" uuid not null, "name" varchar(200) not null, "role" "token_role" not null, "secret_hash" varchar(64) not null, "prefix" varchar(16) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_token_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "api_token" add constraint "api_token_secret_hash_unique" unique ("secret_hash");`,
    );
    this.addSql(
      `create table "artifact_draft" ("id" uuid not null, "kind" "artifact_kind" not null, "title" varchar(200) not null, "summary" text not null default '', "body" text not null default '', "tags" text[] not null, "licence" varchar(200) null, "attribution" text null, "authors" text[] not null, "ai_assisted" boolean not null default false, "ai_tools" text null, "media_url" text null, "updated_at" timestamptz not null, constraint "artifact_draft_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "artifact" ("id" uuid not null, "handle" varchar(128) collate "C" not null, "status" "artifact_status" not null default 'DRAFT', "draft_id" uuid null, "latest_version_id" uuid null, "created_by" varchar(200) not null, "created_at" timestamptz not null, "submitted_at" timestamptz null, "first_published_at" timestamptz null, "retired_at" timestamptz null, "retirement_reason" text null, constraint "artifact_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "artifact" add constraint "artifact_handle_unique" unique ("handle");`);
    this.addSql(`create index "artifact_status_index" on "artifact" ("status");`);
    this.addSql(`alter table "artifact" add constraint "artifact_draft_id_unique" unique ("draft_id");`);
    this.addSql(
      `alter table "artifact" add constraint "artifact_latest_version_id_unique" unique ("latest_version_id");`,
    );
    this.addSql(`create index "artifact_first_published_at_index" on "artifact" ("first_published_at");`);
    this.addSql(
      `create table "artifact_version" ("id" uuid not null, "artifact_id" uuid not null, "number" int not null, "kind" "artifact_kind" not null, "title" varchar(200) not null, "summary" text not null default '', "body" text not null default '', "tags" text[] not null, "licence" varchar(200) null, "attribution" text null, "authors" text[] not null, "ai_assisted" boolean not null default false, "ai_tools" text null, "media_url" text null, "reviewer" varchar(200) null, "change_note" text null, "published_by" varchar(200) not null, "published_at" timestamptz not null, constraint "artifact_version_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "artifact_version" add constraint "artifact_version_artifact_id_number_unique" unique ("artifact_id", "number");`,
    );
    this.addSql(
      `create table "adoption" ("id" uuid not null, "artifact_id" varchar(200) not null, "status" "adoption_status" not null, "context" text not null, "impact" text null, "adapted_as_id" uuid null, "recorded_at" timestamptz not null, "updated_at" timestamptz not null, constraint "adoption_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "adoption_artifact_id_index" on "adoption" ("artifact_id");`);
    this.addSql(
      `create table "community_profile" ("slug" varchar(64) not null, "name" varchar(200) not null, "description" text not null default '', "region" varchar(200) null, "website" varchar(500) null, "created_at" timestamptz not null, constraint "community_profile_pkey" primary key ("slug"));`,
    );
    this.addSql(
      `create table "contribution_role" ("id" uuid not null, "person_name" varchar(200) not null, "role" varchar(100) not null, "resourced_hours_per_month" double precision not null default 0, "hours_per_month" double precision not null default 0, "starts_on" date not null, "ends_on" date null, constraint "contribution_role_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "derivation" ("id" uuid not null, "artifact_id" uuid not null, "source_id" varchar(200) not null, "relation" "derivation_relation" not null, "note" text null, "asserted_at" timestamptz not null, constraint "derivation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "derivation_source_id_index" on "derivation" ("source_id");`);
    this.addSql(
      `alter table "derivation" add constraint "derivation_artifact_id_source_id_relation_unique" unique ("artifact_id", "source_id", "relation");`,
    );
    this.addSql(
      `create table "feedback" ("id" uuid not null, "artifact_id" varchar(200) not null, "kind" "feedback_kind" not null, "body" text not null, "given_at" timestamptz not null, constraint "feedback_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "feedback_artifact_id_index" on "feedback" ("artifact_id");`);
    this.addSql(
      `create table "feedback_response" ("id" uuid not null, "feedback_id" varchar(200) not null, "artifact_id" uuid not null, "kind" "response_kind" not null, "body" text not null, "resulting_version" int null, "responded_at" timestamptz not null, constraint "feedback_response_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "feedback_response_feedback_id_index" on "feedback_response" ("feedback_id");`);
    this.addSql(
      `create table "learning_cycle" ("id" uuid not null, "cadence" "cycle_cadence" not null, "starts_on" date not null, "ends_on" date not null, "became_clear" text not null default '', "surprised" text not null default '', "failed" text not null default '', "is_public" boolean not null default false, "created_at" timestamptz not null, constraint "learning_cycle_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "learning_cycle_harvest" ("learning_cycle_id" uuid not null, "artifact_id" uuid not null, constraint "learning_cycle_harvest_pkey" primary key ("learning_cycle_id", "artifact_id"));`,
    );
    this.addSql(
      `create table "need" ("id" uuid not null, "title" varchar(200) not null, "body" text not null, "tags" text[] not null, "status" "need_status" not null default 'OPEN', "posted_at" timestamptz not null, "closed_at" timestamptz null, constraint "need_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "need_status_index" on "need" ("status");`);
    this.addSql(
      `create table "need_answer" ("id" uuid not null, "need_id" varchar(200) not null, "artifact_id" uuid not null, "note" text null, "answered_at" timestamptz not null, constraint "need_answer_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "need_answer_need_id_index" on "need_answer" ("need_id");`);
    this.addSql(
      `alter table "need_answer" add constraint "need_answer_need_id_artifact_id_unique" unique ("need_id", "artifact_id");`,
    );
    this.addSql(
      `alter table "artifact" add constraint "artifact_draft_id_foreign" foreign key ("draft_id") references "artifact_draft" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "artifact" add constraint "artifact_latest_version_id_foreign" foreign key ("latest_version_id") references "artifact_version" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "artifact_version" add constraint "artifact_version_artifact_id_foreign" foreign key ("artifact_id") references "artifact" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "adoption" add constraint "adoption_adapted_as_id_foreign" foreign key ("adapted_as_id") references "artifact" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "derivation" add constraint "derivation_artifact_id_foreign" foreign key ("artifact_id") references "artifact" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "feedback_response" add constraint "feedback_response_artifact_id_foreign" foreign key ("artifact_id") references "artifact" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "learning_cycle_harvest" add constraint "learning_cycle_harvest_learning_cycle_id_foreign" foreign key ("learning_cycle_id") references "learning_cycle" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "learning_cycle_harvest" add constraint "learning_cycle_harvest_artifact_id_foreign" foreign key ("artifact_id") references "artifact" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "need_answer" add constraint "need_answer_artifact_id_foreign" foreign key ("artifact_id") references "artifact" ("id") on update cascade on delete restrict;`,
    );

    // Nothing is lost: published versions never change and published artifacts are never deleted.
    this.addSql(`create function forbid_change() returns trigger language plpgsql as $$
      begin raise exception '% rows are immutable once published', TG_TABLE_NAME; end $$;`);
    this.addSql(`create trigger artifact_version_immutable before update or delete on "artifact_version"
      for each row execute function forbid_change();`);
    this.addSql(`create function forbid_published_delete() returns trigger language plpgsql as $$
      begin
        if OLD.first_published_at is not null then
          raise exception 'published artifacts are retired, never deleted';
        end if;
        return OLD;
      end $$;`);
    this.addSql(`create trigger artifact_never_deleted before delete on "artifact"
      for each row execute function forbid_published_delete();`);
  }
}
