import { startEmbeddedPostgres, type EmbeddedDatabase } from '@commons-graph/postgres';
import { Pool } from 'pg';
import { migrateIfPending } from './migration-runner';
import { SyncNotices } from './sync-notices';
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

/**
 * A kind's upserts from its rows (`$n`, a jsonb array of { id, seq, doc }) and deletes (`$n+1`, ids),
 * written only if the node's cursor moved (`moved`): one statement per page, one round trip.
 */
function kindCtes({ table, columns }: KindTable, n: number): string[] {
  const names = ['id', 'community', 'seq', 'doc', ...columns.map((c) => c.name)].map(quote);
  const values = ['r.id', '$1', 'r.seq', 'r.doc', ...columns.map((c) => c.value)];
  const updates = names.slice(1).map((name) => `${name} = excluded.${name}`);
  return [
    `"put_${table}" as (insert into ${quote(table)} (${names.join(', ')}) select ${values.join(', ')} ` +
      `from jsonb_to_recordset($${n}::jsonb) as r(id text, seq bigint, doc jsonb) where exists (select from moved) ` +
      `on conflict ("id") do update set ${updates.join(', ')})`,
    `"drop_${table}" as (delete from ${quote(table)} where community = $1 and id = any($${n + 1}::text[]) ` +
      `and exists (select from moved))`,
  ];
}

/**
 * A page and the node's new cursor in one statement: $1 slug, $2 epoch, $3 cursor, $4 head, $5 the
 * cursor it was asked after (nothing is written if the stored one moved), then each kind's rows and
 * removed ids in KIND_TABLES order. The same text for every page, so it is prepared once per connection.
 */
const APPLY = {
  name: 'commons-index-apply',
  text:
    `with moved as (update followed_node set epoch = $2, cursor = $3, head = $4, last_sync_at = now(), ` +
    `last_attempt_at = now(), last_error = null, failures = 0, next_attempt_at = null ` +
    `where slug = $1 and cursor = $5 and epoch is not distinct from $2 returning 1), ` +
    KIND_TABLES.flatMap((table, i) => kindCtes(table, 6 + 2 * i)).join(', ') +
    ` select count(*)::int as moved from moved`,
};

/** Deletes every entity of the node $1, as CTEs of the statement that updates or drops its state. */
const PURGE = `with ${KIND_TABLES.map((t) => `"purge_${t.table}" as (delete from ${quote(t.table)} where community = $1)`).join(', ')} `;

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
 * MikroORM owns its schema (checked-in migrations, run at open when one is pending; migrate.ts);
 * reads and the follower's writes are raw SQL through pg, one statement per page for backfill speed.
 */
export class CommonsIndex {
  /** Changes to the followed nodes' sync state, this process's own writes told at once. */
  readonly notices: SyncNotices;

  private constructor(
    private readonly pool: Pool,
    private readonly embedded: EmbeddedDatabase | null,
    readonly url: string,
  ) {
    this.notices = new SyncNotices(url);
  }

  static async open(location: IndexLocation): Promise<CommonsIndex> {
    const embedded = location.databaseUrl
      ? null
      : await startEmbeddedPostgres(location.dataDir, 'commons_index');
    const url = location.databaseUrl ?? embedded!.url;
    // The index is rebuilt from the feeds: a crash may lose the last pages applied (their cursor
    // with them, so they are pulled again), never half a page. No commit waits for the disk.
    // A report sorts and groups every link of the Commons: with the default 4 MB it spilled to disk.
    const pool = new Pool({
      connectionString: url,
      max: 4,
      options: '-c synchronous_commit=off -c work_mem=32MB',
    });
    // An idle connection the server ends (its restart or shutdown, a terminated backend) is an
    // 'error' on the pool: it drops that connection and the next query opens another. Unhandled,
    // it would be an uncaught exception; a query's own failure still reaches its caller.
    pool.on('error', () => undefined);
    try {
      await migrateIfPending(pool, url);
    } catch (error) {
      await pool.end();
      await embedded?.stop();
      throw error;
    }
    return new CommonsIndex(pool, embedded, url);
  }

  async close(): Promise<void> {
    await this.notices.stop();
    await this.pool.end();
    await this.embedded?.stop();
  }

  /** One read statement on the index: queries are raw SQL, in commons-index/reads/. */
  async read<T>(text: string, values: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query(text, values as unknown[])).rows as T[];
  }

  /**
   * The same for a long statement sent again and again: each connection has PostgreSQL parse and
   * plan it once, under `name` (a name always stands for the same text).
   */
  async readPrepared<T>(name: string, text: string, values: readonly unknown[] = []): Promise<T[]> {
    return (await this.pool.query({ name, text, values: values as unknown[] })).rows as T[];
  }

  /** Starts following a node (or keeps following it at a new URL), from where it was. */
  async follow(slug: string, url: string): Promise<void> {
    await this.followAll([{ slug, url }]);
  }

  /** `follow` for many nodes in one statement (a gateway starting with a thousand of them). */
  async followAll(nodes: ReadonlyArray<{ slug: string; url: string }>): Promise<void> {
    if (!nodes.length) return;
    await this.pool.query(
      `insert into followed_node (slug, url) select * from unnest($1::text[], $2::text[])
       on conflict (slug) do update set url = excluded.url where followed_node.url <> excluded.url`,
      [nodes.map((node) => node.slug), nodes.map((node) => node.url)],
    );
    this.notices.tell();
  }

  /** slug → URL of every node the index has synced at least once: what it can answer for already. */
  async synced(): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ slug: string; url: string }>(
      'select slug, url from followed_node where last_sync_at is not null',
    );
    return new Map(rows.map((row) => [row.slug, row.url]));
  }

  async state(slug: string): Promise<SyncState | null> {
    const { rows } = await this.pool.query('select * from followed_node where slug = $1', [slug]);
    return rows.length ? stateOf(rows[0]) : null;
  }

  async states(): Promise<SyncState[]> {
    const { rows } = await this.pool.query('select * from followed_node order by slug');
    return rows.map(stateOf);
  }

  /** Writes a page and the node's new cursor in one statement: all of it, or nothing. */
  async apply(slug: string, page: AppliedPage): Promise<void> {
    const values: unknown[] = [slug, page.epoch, page.cursor, page.head, page.after];
    for (const table of KIND_TABLES) {
      const mine = page.changes.filter((change) => change.kind === table.kind);
      const kept = mine.filter((change) => change.member !== null);
      const rows = kept.map((change) => ({ id: change.entityId, seq: change.seq, doc: change.member }));
      const removed = mine.filter((change) => change.member === null).map((change) => change.entityId);
      values.push(JSON.stringify(rows), removed);
    }
    const { rows } = await this.pool.query<{ moved: number }>({ ...APPLY, values });
    if (rows[0].moved !== 1)
      throw new IndexConflictError(`the index's cursor of "${slug}" moved while a page was applied`);
    this.notices.tell({ slug, staler: false });
  }

  /**
   * What PostgreSQL advises after a bulk load: VACUUM (ANALYZE). Right after a backfill the planner
   * had no statistics of the rows (a lineage's link lookups planned as bitmap scans: +0.5 ms a
   * walk), the first reads of each new row paid for setting its hint bits, and autovacuum came by
   * a minute or more later, in the middle of whatever was being served then.
   */
  async vacuumAnalyze(): Promise<void> {
    await this.pool.query('vacuum (analyze)');
  }

  /** Drops a node's entities and starts it over from 0 at `epoch` (a new epoch, or a head behind the cursor). */
  async restart(slug: string, epoch: string, head: number): Promise<void> {
    await this.pool.query(
      `${PURGE} update followed_node set epoch = $2, cursor = 0, head = $3, last_attempt_at = now() where slug = $1`,
      [slug, epoch, head],
    );
    this.notices.tell({ slug, staler: false });
  }

  /** Records a failed pull and when to try again; nothing of the failed page was written. */
  async failed(slug: string, reason: string, failures: number, at: Date, nextAttemptAt: Date): Promise<void> {
    await this.pool.query(
      `update followed_node set last_error = $2, failures = $3, last_attempt_at = $4, next_attempt_at = $5 where slug = $1`,
      [slug, reason, failures, at, nextAttemptAt],
    );
  }

  /**
   * Stops following a node: its entities and its state go, in one transaction. Returns whether it
   * was followed. The state goes first: that waits for a page another replica is applying, whose
   * rows the purge (a later statement, so a later snapshot) then sees; any later page finds no
   * cursor to move.
   */
  async forget(slug: string): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { rowCount } = await client.query('delete from followed_node where slug = $1', [slug]);
      await client.query(`${PURGE} select 1`, [slug]);
      await client.query('commit');
      this.notices.tell();
      return rowCount === 1;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
