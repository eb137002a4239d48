import { Migration } from '@mikro-orm/migrations';

/** Every table holds what one node served: its rows go when the node is purged (by `community`). */
const entityTable = (table: string, columns: string) =>
  `create table "${table}" ("id" text not null, "community" varchar(64) not null, "seq" bigint not null, "doc" jsonb not null${columns}, constraint "${table}_pkey" primary key ("id"));`;
const index = (table: string, columns: string, using = 'btree') =>
  `create index "${table}_${columns.replace(/"| desc/g, '').replace(/, /g, '_')}_index" on "${table}" using ${using} (${columns});`;

/** The Commons index: the nodes followed, and every node's public entities as of its last synced event. */
export class Migration20261210000000CommonsIndex extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "followed_node" ("slug" varchar(64) not null, "url" text not null, "epoch" text null, "cursor" bigint not null default 0, "head" bigint not null default 0, "last_sync_at" timestamptz null, "last_attempt_at" timestamptz null, "last_error" text null, "failures" int not null default 0, "next_attempt_at" timestamptz null, constraint "followed_node_pkey" primary key ("slug"));`,
    );
    this.addSql(
      entityTable(
        'artifact',
        `, "status" text not null, "kind" text not null, "licence" text not null, "tags" text[] not null, "published_at" timestamptz not null, "updated_at" timestamptz not null, "search" tsvector not null`,
      ),
    );
    this.addSql(index('artifact', `"published_at" desc, "id"`));
    this.addSql(index('artifact', `"community"`));
    this.addSql(index('artifact', `"kind"`));
    this.addSql(index('artifact', `"licence"`));
    this.addSql(index('artifact', `"tags"`, 'gin'));
    this.addSql(index('artifact', `"search"`, 'gin'));

    this.addSql(
      entityTable(
        'derivation',
        `, "artifact_id" text not null, "source_id" text not null, "relation" text not null`,
      ),
    );
    this.addSql(index('derivation', `"artifact_id"`));
    this.addSql(index('derivation', `"source_id"`));
    this.addSql(index('derivation', `"community"`));

    this.addSql(entityTable('adoption', `, "artifact_id" text not null`));
    this.addSql(index('adoption', `"artifact_id"`));
    this.addSql(index('adoption', `"community"`));

    this.addSql(entityTable('feedback', `, "artifact_id" text not null`));
    this.addSql(index('feedback', `"artifact_id"`));
    this.addSql(index('feedback', `"community"`));

    this.addSql(entityTable('response', `, "feedback_id" text not null, "artifact_id" text not null`));
    this.addSql(index('response', `"feedback_id"`));
    this.addSql(index('response', `"artifact_id"`));
    this.addSql(index('response', `"community"`));

    this.addSql(entityTable('need', `, "status" text not null`));
    this.addSql(index('need', `"status"`));
    this.addSql(index('need', `"community"`));

    this.addSql(entityTable('need_answer', `, "need_id" text not null, "artifact_id" text not null`));
    this.addSql(index('need_answer', `"need_id"`));
    this.addSql(index('need_answer', `"artifact_id"`));
    this.addSql(index('need_answer', `"community"`));

    for (const table of ['community_profile', 'learning_cycle', 'contribution_role']) {
      this.addSql(entityTable(table, ''));
      this.addSql(index(table, `"community"`));
    }
  }
}
