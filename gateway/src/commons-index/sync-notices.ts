import { Client } from 'pg';

/** The channel on which the index announces a followed node's sync progress (a migration's trigger). */
export const SYNC_CHANNEL = 'followed_node_sync';

/** How long to wait before listening again after the notification connection was lost. */
const RELISTEN_MS = 1000;

/**
 * A change to what staleness is read from: `slug` null when anything may have changed (notices
 * were lost); `staler` when it can make a node stale: followed, forgotten, or its last sync moved
 * back in time or to none (a sync moving it forward only ever makes a node fresher).
 */
export interface SyncNotice {
  slug: string | null;
  staler: boolean;
}

const ANYTHING: SyncNotice = { slug: null, staler: true };

/** The trigger's payload: the slug, after `<` when the change can make a node stale. */
const noticeOf = (payload: string): SyncNotice =>
  payload.startsWith('<') ? { slug: payload.slice(1), staler: true } : { slug: payload, staler: false };

/**
 * What changes the followed nodes or their sync state, heard on one connection LISTENing to the index's
 * channels, whichever replica (or operator) wrote it, and told at once by this process's own writes.
 * Reads may keep what they derive from that state only while `listening`: the connection is opened
 * on first use and again (at most once a second) after it was lost, which tells every hearer ANYTHING.
 */
export class SyncNotices {
  /** True from the LISTEN until the connection is lost: only meanwhile is every change heard. */
  listening = false;
  private client?: Client;
  private connecting?: Promise<void>;
  private retryAt = 0;
  private stopped = false;
  private readonly hearers = new Set<(notice: SyncNotice) => void>();

  constructor(private readonly url: string) {}

  /** Calls `hearer` on every notice until the returned function is called. */
  hear(hearer: (notice: SyncNotice) => void): () => void {
    this.hearers.add(hearer);
    return () => this.hearers.delete(hearer);
  }

  tell(notice: SyncNotice = ANYTHING): void {
    for (const hearer of this.hearers) hearer(notice);
  }

  /** Starts listening unless it does, is connecting, or lost its connection less than a second ago. */
  listen(): void {
    if (this.listening || this.connecting || this.stopped || Date.now() < this.retryAt) return;
    const client = new Client({ connectionString: this.url });
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = false;
      this.retryAt = Date.now() + RELISTEN_MS;
      void client.end().catch(() => undefined);
      this.tell();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', ({ payload }) => this.tell(payload ? noticeOf(payload) : ANYTHING));
    this.client = client;
    this.connecting = client
      .connect()
      .then(() => client.query(`listen ${SYNC_CHANNEL}`))
      .then(() => {
        if (this.client === client) this.listening = true;
      }, lost)
      .finally(() => (this.connecting = undefined));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    this.listening = false;
    await this.connecting;
    await client?.end().catch(() => undefined);
  }
}
