import type { EventSubscriber, MikroORM, TransactionEventArgs } from '@mikro-orm/core';
import type { Logger } from '../logger';
import { headAppendedBy } from './outbox';

export interface FeedPingOptions {
  urls: readonly string[];
  community: string;
  logger: Logger;
  /** How long a ping may take before it is dropped. */
  timeoutMs?: number;
  /** Commits within this window share one ping, carrying the latest head. */
  coalesceMs?: number;
}

/**
 * Tells followers "pull now" (docs/feed-protocol.md, Pings): after a commit that appended events,
 * POSTs `{ community, head }` to each URL in the background. Coalesced, bounded by a timeout, never
 * retried, never awaited by a mutation; only the outcome's kind is logged, at debug.
 */
export class FeedPinger {
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<AbortController>();
  private stopped = false;

  constructor(private readonly options: FeedPingOptions) {}

  notify(head: number): void {
    if (this.stopped || this.options.urls.length === 0) return;
    this.head = Math.max(this.head, head);
    this.timer ??= setTimeout(() => this.send(), this.options.coalesceMs ?? 50).unref();
  }

  private send(): void {
    this.timer = undefined;
    const body = JSON.stringify({ community: this.options.community, head: this.head });
    for (const url of this.options.urls) void this.post(url, body);
  }

  private async post(url: string, body: string): Promise<void> {
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), this.options.timeoutMs ?? 2000).unref();
    this.inFlight.add(abort);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        redirect: 'manual',
        signal: abort.signal,
      });
      await response.body?.cancel();
      this.options.logger.debug({ status: response.status }, 'feed ping answered');
    } catch (error) {
      this.options.logger.debug({ failure: (error as Error).name }, 'feed ping failed');
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(abort);
    }
  }

  /** Drops a pending ping and aborts those in flight. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const abort of this.inFlight) abort.abort();
  }
}

/** Pings after every committed ORM transaction that appended to the feed. */
export function pingAfterCommits(orm: MikroORM, pinger: FeedPinger): void {
  const subscriber: EventSubscriber = {
    afterTransactionCommit(args: TransactionEventArgs) {
      const head = headAppendedBy(args.transaction);
      if (head !== undefined) pinger.notify(head);
    },
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
}
