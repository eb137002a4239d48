import { Migration } from '@mikro-orm/migrations';

/*
 * Privacy enforced by PostgreSQL: the public subgraph reads as a NOLOGIN role of this database that
 * may read only what is public. The login user keeps everything (it owns the tables, so row-level
 * security does not apply to it) and serves the admin API.
 *
 * Public, every row:            community_profile, adoption, feedback, need, contribution_role
 * Public, rows of public artifacts (published or retired, with a version):
 *                               artifact (not draft_id, created_by, created_at, submitted_at),
 *                               artifact_version (not published_by), derivation, feedback_response, need_answer
 * Public, public cycles only:   learning_cycle (is_public), learning_cycle_harvest (public cycle and artifact)
 * Private, no privilege at all: artifact_draft, api_token, mikro_orm_migrations, and every table a
 *                               later migration adds without a grant.
 */

/** One role per database (roles are server-wide; several nodes may share a server). 40 + 8 + 6 < 63. */
const ROLE_NAME_FUNCTION = `create function public_read_role() returns name language sql stable as $$
  select (left(current_database(), 40) || '_public_' || left(md5(current_database()), 6))::name $$;`;

/**
 * Creates the role unless it exists (a DBA may have made it; another node may be making it right now)
 * and lets the login user SET ROLE to it. Without CREATEROLE it stops with what to grant.
 */
const ENSURE_ROLE = `do $do$
declare
  public_role name := public_read_role();
begin
  if not exists (select from pg_roles where rolname = public_role) then
    if not (select rolcreaterole or rolsuper from pg_roles where rolname = current_user) then
      raise exception 'The public subgraph reads as role "%", which does not exist, and "%" may not create roles',
          public_role, current_user
        using errcode = 'insufficient_privilege',
          hint = format('Grant CREATEROLE once (ALTER ROLE %I CREATEROLE), or as a superuser run: '
            'CREATE ROLE %I NOLOGIN; GRANT %I TO %I;', current_user, public_role, public_role, current_user);
    end if;
    begin
      execute format('create role %I nologin', public_role);
    exception when duplicate_object or unique_violation then
      null; -- created meanwhile by another migration on this server
    end;
  end if;
  -- SET is the privilege SET ROLE needs from PostgreSQL 16 on; a creator holds only ADMIN by default.
  if not pg_has_role(current_user, public_role,
      case when current_setting('server_version_num')::int >= 160000 then 'SET' else 'MEMBER' end) then
    begin
      execute format('grant %I to %I', public_role, current_user);
    exception when insufficient_privilege then
      raise exception 'The public subgraph reads as role "%", which "%" may not be granted', public_role, current_user
        using errcode = 'insufficient_privilege',
          hint = format('As a superuser run: GRANT %I TO %I;', public_role, current_user);
    end;
  end if;
end $do$;`;

const GRANTS = [
  'grant select on community_profile, adoption, feedback, need, contribution_role to %1$I',
  'grant select (id, handle, status, latest_version_id, first_published_at, retired_at, retirement_reason) on artifact to %1$I',
  `grant select (id, artifact_id, number, kind, title, summary, body, tags, licence, attribution, authors, ai_assisted,
     ai_tools, media_url, reviewer, change_note, published_at) on artifact_version to %1$I`,
  'grant select on derivation, feedback_response, need_answer, learning_cycle, learning_cycle_harvest to %1$I',
];

const GRANT_TO_ROLE = `do $do$
begin
${GRANTS.map((grant) => `  execute format('${grant}', public_read_role());`).join('\n')}
end $do$;`;

/** The role sees an artifact only once it is public; a link or version only through a public artifact. */
const PUBLIC_ARTIFACT_ID = (column: string) => `exists (select from artifact a where a.id = ${column})`;
const POLICIES: Array<[table: string, condition: string]> = [
  ['artifact', `status in ('PUBLISHED', 'RETIRED') and latest_version_id is not null`],
  ['artifact_version', PUBLIC_ARTIFACT_ID('artifact_id')],
  ['derivation', PUBLIC_ARTIFACT_ID('artifact_id')],
  ['feedback_response', PUBLIC_ARTIFACT_ID('artifact_id')],
  ['need_answer', PUBLIC_ARTIFACT_ID('artifact_id')],
  ['learning_cycle', 'is_public'],
  [
    'learning_cycle_harvest',
    `exists (select from learning_cycle c where c.id = learning_cycle_id) and ${PUBLIC_ARTIFACT_ID('artifact_id')}`,
  ],
];

export class Migration20261201000000PublicReadRole extends Migration {
  override async up(): Promise<void> {
    this.addSql(ROLE_NAME_FUNCTION);
    this.addSql(ENSURE_ROLE);
    this.addSql(GRANT_TO_ROLE);
    // A policy for every role: the owner (the login user) bypasses row-level security, and no other
    // role but the public one has a privilege here. Subqueries in a policy see through the role's policies.
    for (const [table, condition] of POLICIES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_public_rows" on "${table}" for select using (${condition});`);
    }
  }
}
