import { Migration } from '@mikro-orm/migrations';

/**
 * What a page of the Commons needs without reading every artifact or listing every node: how many
 * artifacts each community has in each status (kept by triggers in the transaction of every write,
 * so a count is always that of the rows), a version of the set of followed nodes (moved by a
 * trigger whenever one is added or removed, so a gateway can keep the set and know when it
 * changed), and an index in the page's exact order (`id` in code units).
 */
export class Migration20261216000000PageCounts extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "artifact_count" ("community" varchar(64) not null, "status" text not null, "n" bigint not null, constraint "artifact_count_pkey" primary key ("community", "status"));`,
    );
    // One function for the three statement-level triggers: the rows a statement removed count
    // down, those it wrote count up (an upsert fires INSERT for the rows it inserted, UPDATE for
    // those it updated). Each transition table exists only for its operations.
    this.addSql(`create function artifact_count_change() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    insert into artifact_count as t (community, status, n)
      select community, status, -count(*) from old_rows group by community, status
      on conflict (community, status) do update set n = t.n + excluded.n;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into artifact_count as t (community, status, n)
      select community, status, count(*) from new_rows group by community, status
      on conflict (community, status) do update set n = t.n + excluded.n;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    delete from artifact_count t using (select distinct community, status from old_rows) o
      where t.community = o.community and t.status = o.status and t.n = 0;
  end if;
  return null;
end $$;`);
    this.addSql(
      `create trigger "artifact_count_insert" after insert on "artifact" referencing new table as new_rows for each statement execute function artifact_count_change();`,
    );
    this.addSql(
      `create trigger "artifact_count_update" after update on "artifact" referencing old table as old_rows new table as new_rows for each statement execute function artifact_count_change();`,
    );
    this.addSql(
      `create trigger "artifact_count_delete" after delete on "artifact" referencing old table as old_rows for each statement execute function artifact_count_change();`,
    );
    // An index that already holds artifacts starts with their counts.
    this.addSql(
      `insert into "artifact_count" ("community", "status", "n") select "community", "status", count(*) from "artifact" group by "community", "status";`,
    );
    this.addSql(`create table "followed_version" ("version" bigint not null);`);
    this.addSql(`insert into "followed_version" ("version") values (1);`);
    this.addSql(`create function followed_version_move() returns trigger language plpgsql as $$
begin
  update followed_version set version = version + 1;
  return null;
end $$;`);
    this.addSql(
      `create trigger "followed_version_move" after insert or delete on "followed_node" for each statement execute function followed_version_move();`,
    );
    this.addSql(`drop index "artifact_published_at_id_index";`);
    this.addSql(
      `create index "artifact_page_order_index" on "artifact" ("published_at" desc, "id" collate "C");`,
    );
  }

  override async down(): Promise<void> {
    for (const operation of ['insert', 'update', 'delete'])
      this.addSql(`drop trigger "artifact_count_${operation}" on "artifact";`);
    this.addSql(`drop function artifact_count_change();`);
    this.addSql(`drop table "artifact_count";`);
    this.addSql(`drop trigger "followed_version_move" on "followed_node";`);
    this.addSql(`drop function followed_version_move();`);
    this.addSql(`drop table "followed_version";`);
    this.addSql(`drop index "artifact_page_order_index";`);
    this.addSql(
      `create index "artifact_published_at_id_index" on "artifact" using btree ("published_at" desc, "id");`,
    );
  }
}
