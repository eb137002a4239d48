import { Migration } from '@mikro-orm/migrations';

/**
 * Whatever follows or forgets a node or moves its last sync, cursor or head (a replica's pull, a
 * restart, an operator's SQL) notifies every replica listening on the `followed_node_sync` channel
 * with the slug when it commits, prefixed with `<` when that can make a node stale (followed,
 * forgotten, or its last sync moved back in time or to none): replicas keep which nodes are stale
 * between requests and read it again only when it may have changed.
 */
export class Migration20261220000000SyncNotify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "followed_node_sync_notify"() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('followed_node_sync', '<' || old.slug);
  elsif tg_op = 'INSERT' or new.last_sync_at is null or new.last_sync_at < old.last_sync_at then
    perform pg_notify('followed_node_sync', '<' || new.slug);
  else
    perform pg_notify('followed_node_sync', new.slug);
  end if;
  return null;
end $$;`);
    this.addSql(
      `create trigger "followed_node_followed" after insert or delete on "followed_node" for each row execute function "followed_node_sync_notify"();`,
    );
    this.addSql(
      `create trigger "followed_node_synced" after update of "last_sync_at", "cursor", "head" on "followed_node" for each row ` +
        `when (old.last_sync_at is distinct from new.last_sync_at or old.cursor <> new.cursor or old.head <> new.head) ` +
        `execute function "followed_node_sync_notify"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "followed_node_synced" on "followed_node";`);
    this.addSql(`drop trigger if exists "followed_node_followed" on "followed_node";`);
    this.addSql(`drop function if exists "followed_node_sync_notify"();`);
  }
}
