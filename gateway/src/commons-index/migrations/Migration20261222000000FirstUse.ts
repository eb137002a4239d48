import { Migration } from '@mikro-orm/migrations';
import { unreviewedArtifact } from '../unreviewed-sql';

/** What uses an artifact: its adoptions and the derivations from it, each with its time and the node that stored it. */
const USES = [
  { table: 'adoption', id: 'artifact_id', at: 'recorded_at' },
  { table: 'derivation', id: 'source_id', at: 'asserted_at' },
] as const;

/** Taken by every write of artifact_first_use, held until its transaction ends (a key only this table uses). */
const LOCK = `pg_advisory_xact_lock(20261222)`;

/** The earliest use of each artifact among `rows` (a table of adoptions or of derivations), ties to the lowest slug. */
const earliest = (rows: string, id: string, at: string) =>
  `select distinct on (${id}) ${id}, ${at}, community from ${rows}
    where ${at} is not null order by ${id}, ${at}, community collate "C"`;

/** The first use of the artifacts `which` selects (an SQL condition on `id`), from every link the index holds. */
const firstUses = (which: string) => `insert into artifact_first_use (artifact_id, at, used_by)
    select distinct on (id) id, at, used_by from (
      ${USES.map(({ table, id, at }) => `select ${id}, ${at}, community from ${table} where ${at} is not null`).join('\n      union all ')}
    ) u (id, at, used_by) where ${which} order by id, at, used_by collate "C"`;

/**
 * An artifact is "unused" when nobody adopted or derived from it by a date: the report asked that
 * of every old artifact by taking the earliest of 124,000 links at N = 1000 on every request. The
 * index keeps each artifact's first use (when, and by which node) in the transaction of every
 * write of a link, as it keeps artifact_count: new links can only move it earlier; a link removed
 * or changed (a replay, a purge at a new epoch, a node removed) has it taken again from the links
 * left. The writes of concurrent transactions are serialised by an advisory lock taken last (the
 * triggers fire at the end of their statement), so each one takes it again over committed links.
 * A report reading it for the nodes it gathers falls back to the links themselves only for the
 * artifacts whose first user it does not gather. Adoptions also keep the adopting community their
 * doc names, which the report read out of 100,000 docs twice; and the AI-assisted artifacts that
 * lack a reviewer have an index of their own, so the report opens no other artifact's doc.
 */
export class Migration20261222000000FirstUse extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "adoption" add column "adopter" text null;`);
    this.addSql(`update "adoption" set "adopter" = doc->>'community';`);
    this.addSql(
      `create index "artifact_unreviewed_index" on "artifact" ("community") where ${unreviewedArtifact()};`,
    );
    this.addSql(
      `create table "artifact_first_use" ("artifact_id" text not null, "at" timestamptz not null, "used_by" varchar(64) collate "C" not null, constraint "artifact_first_use_pkey" primary key ("artifact_id"));`,
    );
    this.addSql(`create function artifact_first_use_refresh(ids text[]) returns void language plpgsql as $$
begin
  delete from artifact_first_use where artifact_id = any(ids);
  ${firstUses('id = any(ids)')};
end $$;`);
    for (const { table, id, at } of USES) {
      // A statement trigger fires for every statement, whatever it wrote: most pages hold no link,
      // and a link served again as it was (a replay) moves no first use.
      this.addSql(`create function ${table}_first_use_change() returns trigger language plpgsql as $$
declare
  changed text[];
begin
  if tg_op = 'INSERT' then
    if not exists (select from new_rows) then return null; end if;
    perform ${LOCK};
    insert into artifact_first_use as t (artifact_id, at, used_by)
      ${earliest('new_rows', id, at)}
      on conflict (artifact_id) do update set at = excluded.at, used_by = excluded.used_by
        where (excluded.at, excluded.used_by) < (t.at, t.used_by);
    return null;
  end if;
  if tg_op = 'UPDATE' then
    changed := array(select x from old_rows o join new_rows n on n.id = o.id
      cross join lateral unnest(array[o.${id}, n.${id}]) x
      where (o.${id}, o.${at}, o.community) is distinct from (n.${id}, n.${at}, n.community));
  else
    changed := array(select distinct ${id} from old_rows);
  end if;
  if cardinality(changed) > 0 then
    perform ${LOCK};
    perform artifact_first_use_refresh(changed);
  end if;
  return null;
end $$;`);
      this.addSql(
        `create trigger "${table}_first_use_insert" after insert on "${table}" referencing new table as new_rows for each statement execute function ${table}_first_use_change();`,
      );
      this.addSql(
        `create trigger "${table}_first_use_update" after update on "${table}" referencing old table as old_rows new table as new_rows for each statement execute function ${table}_first_use_change();`,
      );
      this.addSql(
        `create trigger "${table}_first_use_delete" after delete on "${table}" referencing old table as old_rows for each statement execute function ${table}_first_use_change();`,
      );
    }
    // An index that already holds links starts with their first uses.
    this.addSql(`${firstUses('true')};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "artifact_unreviewed_index";`);
    this.addSql(`alter table "adoption" drop column "adopter";`);
    for (const { table } of USES) {
      for (const operation of ['insert', 'update', 'delete'])
        this.addSql(`drop trigger "${table}_first_use_${operation}" on "${table}";`);
      this.addSql(`drop function ${table}_first_use_change();`);
    }
    this.addSql(`drop function artifact_first_use_refresh(text[]);`);
    this.addSql(`drop table "artifact_first_use";`);
  }
}
