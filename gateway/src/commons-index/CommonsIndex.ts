import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@commons-graph/postgres';
import { Pool, type PoolClient } from 'pg';
import { INDEX_ENTITIES } from './entities';
import { INDEX_MIGRATIONS } from './migrations';
import { KIND_TABLES, type KindTable } from './tables';

/** Where the index lives: a server (production), or an embedded PostgreSQL under dataDir. */
export interface IndexLocation {
  databaseUrl?: string;
  dataDir: string;
}

/** A followed node's sync state, as Query.nodes shows it. */
export interface SyncState {
  slug: string;
  epoch: string | null;
  cursor: number;
  head: number;
  lastSyncAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  failures: number;
  nextAttemptAt: Date | null;
}

/** The latest state of one entity to write: its representation, or null to remove it. */
export interface IndexChange {
  kind: string;
  entityId: string;
  seq: number;
  member: Record<string, unknown> | null;
}

/** One applied page: its changes and where the node's feed stands after it. */
export interface AppliedPage {
  epoch: string;
  head: number;
  /** The cursor the page was asked after; the write is refused if the stored one moved meanwhile. */
  after: number;
  cursor: number;
  changes: readonly IndexChange[];
}

export class IndexConflictError extends Error {}

const quote = (name: string) => `"${name}"`;

/** `insert … select from jsonb_to_recordset … on conflict do update`: a kind's page in one statement. */
function upsertSql({ table, columns }: KindTable): string {
  const names = ['id', 'community', 'seq', 'doc', ...columns.map((c) => c.name)].map(quote);
  const values = ['r.id', '$1', 'r.seq', 'r.doc', ...columns.map((c) => c.value)];
  const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
  return (
    `insert into ${quote(table)} (${names.join(', ')}) select ${values.join(', ')} ` +
    `from jsonb_to_recordset($2::jsonb) as r(id text, seq bigint, doc jsonb) ` +
    `on conflict ("id") do update set ${updates.join(', ')}`
  );
}

const UPSERT = new Map(KIND_TABLES.map((table) => [table.kind, upsertSql(table)]));
const DELETE = new Map(
  KIND_TABLES.map((t) => [
    t.kind,
    `delete from ${quote(t.table)} where community = $1 and id = any($2::text[])`,
  ]),
);

const stateOf = (row: Record<string, unknown>): SyncState => ({
  slug: row.slug as string,
  epoch: row.epoch as string | null,
  cursor: Number(row.cursor),
  head: Number(row.head),
  lastSyncAt: row.last_sync_at as Date | null,
  lastAttemptAt: row.last_attempt_at as Date | null,
  lastError: row.last_error as string | null,
  failures: row.failures as number,
  nextAttemptAt: row.next_attempt_at as Date | null,
});

/**
 * The gateway's own database: every followed node's public entities as of its last synced event.
 * MikroORM owns its schema (checked-in migrations, run at open) and the entities reads use; the
 * follower's writes are raw SQL, a statement per kind per page, for backfill speed.
 */
export class CommonsIndex {
  private constructor(
    readonly orm: MikroORM,
    private readonly pool: Pool,
    private readonly embedded: EmbeddedDatabase | null,
    readonly url: string,
  ) {}

  static async open(location: IndexLocation): Promise<CommonsIndex> {
    const embedded = location.databaseUrl
      ? null
      : await startEmbeddedPostgres(location.dataDir, 'commons_index');
    const url = location.databaseUrl ?? embedded!.url;
    let orm: MikroORM | undefined;
    try {
      orm = await MikroORM.init({
        clientUrl: url,
        entities: INDEX_ENTITIES,
        discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
        extensions: [Migrator],
        migrations: {
          migrationsList: INDEX_MIGRATIONS,
          transactional: true,
          allOrNothing: true,
          snapshot: false,
          silent: true,
        },
        pool: { min: 0, max: 4 },
        allowGlobalContext: false,
        forceUtcTimezone: true,
        debug: false,
        colors: false,
      });
      await orm.getMigrator().up();
    } catch (error) {
      await orm?.close(true);
      await embedded?.stop();
      throw error;
    }
    // A report sorts and groups every link of the Commons: with the default 4 MB it spilled to disk.
    const pool = new Pool({ connectionString: url, max: 4, options: '-c work_mem=32MB' });
    return new CommonsIndex(orm, pool, embedded, url);
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.orm.close(true);
    await this.embedded?.stop();
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      // The index is rebuilt from the feeds: a crash may lose the last pages applied (their cursor
      // with them, so they are pulled again), never half a page. No commit waits for the disk.
      await client.query('set local synchronous_commit = off');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** One read statement on the index: queries are raw SQL, in commons-index/reads/. */
  async read<T>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, values as unknown[])).rows as T[];
  }

  /** Starts following a node (or keeps following it at a new URL), from where it was. */
  async follow(slug: string, url: string): Promise<void> {
    await this.pool.query(
      `insert into followed_node (slug, url) values ($1, $2) on conflict (slug) do update set url = excluded.url`,
      [slug, url],
    );
  }

  async state(slug: string): Promise<SyncState | null> {
    const { rows } = await this.pool.query('select * from followed_node where slug = $1', [slug]);
    return rows.length ? stateOf(rows[0]) : null;
  }

  async states(): Promise<SyncState[]> {
    const { rows } = await this.pool.query('select * from followed_node order by slug');
    return rows.map(stateOf);
  }

  /** Writes a page and the node's new cursor in one transaction: all of it, or nothing. */
  async apply(slug: string, page: AppliedPage): Promise<void> {
    await this.inTransaction(async (client) => {
      const moved = await client.query(
        `update followed_node set epoch = $2, cursor = $3, head = $4, last_sync_at = now(), last_attempt_at = now(),
           last_error = null, failures = 0, next_attempt_at = null
         where slug = $1 and cursor = $5 and epoch is not distinct from $2`,
        [slug, page.epoch, page.cursor, page.head, page.after],
      );
      if (moved.rowCount !== 1)
        throw new IndexConflictError(`the index's cursor of "${slug}" moved while a page was applied`);
      for (const table of KIND_TABLES) {
        const mine = page.changes.filter((change) => change.kind === table.kind);
        const kept = mine.filter((change) => change.member !== null);
        const removed = mine.filter((change) => change.member === null).map((change) => change.entityId);
        if (kept.length) {
          const rows = kept.map((change) => ({ id: change.entityId, seq: change.seq, doc: change.member }));
          await client.query(UPSERT.get(table.kind)!, [slug, JSON.stringify(rows)]);
        }
        if (removed.length) await client.query(DELETE.get(table.kind)!, [slug, removed]);
      }
    });
  }

  /** Drops a node's entities and starts it over from 0 at `epoch` (a new epoch, or a head behind the cursor). */
  async restart(slug: string, epoch: string, head: number): Promise<void> {
    await this.inTransaction(async (client) => {
      await this.purge(client, slug);
      await client.query(
        `update followed_node set epoch = $2, cursor = 0, head = $3, last_attempt_at = now() where slug = $1`,
        [slug, epoch, head],
      );
    });
  }

  /** Records a failed pull and when to try again; nothing of the failed page was written. */
  async failed(slug: string, reason: string, failures: number, at: Date, nextAttemptAt: Date): Promise<void> {
    await this.pool.query(
      `update followed_node set last_error = $2, failures = $3, last_attempt_at = $4, next_attempt_at = $5 where slug = $1`,
      [slug, reason, failures, at, nextAttemptAt],
    );
  }

  /** Stops following a node: its entities and its state go, in one transaction. */
  async forget(slug: string): Promise<void> {
    await this.inTransaction(async (client) => {
      await this.purge(client, slug);
      await client.query('delete from followed_node where slug = $1', [slug]);
    });
  }

  private async purge(client: PoolClient, slug: string): Promise<void> {
    for (const table of KIND_TABLES)
      await client.query(`delete from ${quote(table.table)} where community = $1`, [slug]);
  }
}
