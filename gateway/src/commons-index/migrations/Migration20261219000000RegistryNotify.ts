import { Migration } from '@mikro-orm/migrations';

/**
 * The followed nodes are the list every gateway replica serves: whatever adds a node, removes one
 * or moves it to another URL (a replica, or an operator's SQL) notifies every replica listening on
 * the `followed_node` channel, with the slug, when it commits. Sync progress (cursor, errors) does not.
 */
export class Migration20261219000000RegistryNotify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "followed_node_notify"() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('followed_node', old.slug);
  elsif tg_op = 'INSERT' or new.slug <> old.slug or new.url <> old.url then
    perform pg_notify('followed_node', new.slug);
  end if;
  return null;
end $$;`);
    this.addSql(
      `create trigger "followed_node_listed" after insert or delete or update of "slug", "url" on "followed_node" for each row execute function "followed_node_notify"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "followed_node_listed" on "followed_node";`);
    this.addSql(`drop function if exists "followed_node_notify"();`);
  }
}
