import { Client } from 'pg';

/** Any fixed number: the one advisory lock every replica of a Commons index competes for. */
const SYNC_LOCK_KEY = 7_362_011_290;

/** How the lock's session shows in `pg_stat_activity`, so an operator can tell which replica syncs. */
export const SYNC_LOCK_APPLICATION = 'commons-sync-lock';

/**
 * Exactly one replica syncs: the one holding a PostgreSQL session advisory lock on a connection of
 * its own. The lock goes with the session, so a replica that stops or loses its connection frees it
 * for another; every replica keeps serving either way.
 */
export class Leadership {
  private session: Promise<Client> | null = null;
  private held = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly onLost: (error: Error) => void = () => {},
  ) {}

  get leading(): boolean {
    return this.held;
  }

  /** Takes the lock if no one holds it; true while this replica holds it. */
  async tryLead(): Promise<boolean> {
    if (this.held) return true;
    try {
      const client = await (this.session ??= this.open());
      const { rows } = await client.query('select pg_try_advisory_lock($1) as taken', [SYNC_LOCK_KEY]);
      this.held = rows[0].taken === true;
    } catch (error) {
      this.drop(error as Error);
    }
    return this.held;
  }

  private async open(): Promise<Client> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: SYNC_LOCK_APPLICATION,
    });
    client.on('error', (error) => this.drop(error));
    await client.connect();
    return client;
  }

  private drop(error: Error): void {
    const had = this.held;
    this.held = false;
    const session = this.session;
    this.session = null;
    void session?.then((client) => client.end()).catch(() => undefined);
    if (had) this.onLost(error);
  }

  /** Frees the lock (by ending its session). */
  async release(): Promise<void> {
    this.held = false;
    const session = this.session;
    this.session = null;
    await session?.then((client) => client.end()).catch(() => undefined);
  }
}
