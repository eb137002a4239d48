import { mapLimit } from '@commons-graph/schema';
import type { Logger } from 'pino';
import type { CommonsIndex, SyncState } from '../commons-index/CommonsIndex';
import { NodeUnavailableError, type NodeClient } from '../node-client/NodeClient';
import type { Registry, RegisteredNode } from '../registry/Registry';
import { backoffDelay } from './backoff';
import { pullFeed, PAGE_SIZE } from './follow';
import { Leadership } from './leadership';
import { PageSize } from './page-size';

export interface SyncConfig {
  /** Pull every node on this period (and retry taking the sync lock); 0: only on pings and registration. */
  intervalMs: number;
  /** The first wait after a failure, doubled per failure up to the cap. */
  backoffMs: number;
  backoffCapMs: number;
  pageSize?: number;
  /** VACUUM (ANALYZE) the index once this many events were applied since the last time. */
  analyzeAfterEvents?: number;
}

/** Events applied before the index is vacuumed and analyzed: a bulk load, not the trickle pings bring. */
export const ANALYZE_AFTER_EVENTS = 10_000;

/** Nodes pulled at once in a periodic pass. */
const PARALLEL_PULLS = 4;

const isDue = (state: SyncState | null, now: number) =>
  !state?.nextAttemptAt || state.nextAttemptAt.getTime() <= now;

/**
 * Keeps the Commons index following every registered node: on a period, on a ping, and when a
 * node is registered. Only the replica holding the sync lock pulls; the others try to take it on
 * each period. One pull per node at a time; a ping during a pull asks for one more pull after it.
 */
export class SyncWorker {
  private readonly pulls = new Map<string, Promise<void>>();
  private readonly clients = new Map<string, NodeClient>();
  /** Each node's page size, kept across pulls: a node with large events stays on smaller pages. */
  private readonly pageSizes = new Map<string, PageSize>();
  private readonly again = new Set<string>();
  private readonly leadership: Leadership;
  private timer?: NodeJS.Timeout;
  private passing?: Promise<void>;
  /** A period's tick came during a pass: one more pass follows it. */
  private passAfter = false;
  private stopped = false;
  /** Events applied since the index was last vacuumed and analyzed. */
  private unanalyzed = 0;

  constructor(
    private readonly index: CommonsIndex,
    private readonly registry: Registry,
    private readonly config: SyncConfig,
    private readonly logger: Logger,
  ) {
    this.leadership = new Leadership(index.url, (error) => {
      if (this.stopped) this.logger.debug({ err: error }, 'the sync lock ended with the shutdown');
      else this.logger.warn({ err: error }, 'lost the sync lock; another replica may take it');
    });
  }

  get leading(): boolean {
    return this.leadership.leading;
  }

  /** Whether a pass or a pull is running now. */
  get busy(): boolean {
    return !!this.passing || this.pulls.size > 0;
  }

  /**
   * Follows the nodes already registered and takes the lock if free; the first pass runs in the
   * background, unless `firstPass` is false (the caller starts it once the nodes are probed).
   */
  async start({ firstPass = true } = {}): Promise<void> {
    await this.index.followAll(this.registry.all());
    await this.leadership.tryLead();
    if (firstPass) void this.pass();
    if (this.config.intervalMs > 0) {
      this.timer = setInterval(() => this.periodic(), this.config.intervalMs);
      this.timer.unref();
    }
  }

  /** Stops pulling at once (synchronously), then waits for the pulls in flight and frees the lock. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.passing;
    await Promise.all(this.pulls.values());
    await this.leadership.release();
  }

  /**
   * What the period's timer calls. A tick that finds a pass still running (1,000 nodes can take longer than a
   * short period) queues one pass right after it instead of being lost: a change is then pulled
   * within a period and a pass, not two periods.
   */
  periodic(): void {
    this.passAfter = !!this.passing;
    if (!this.passing) void this.pass();
  }

  /** One periodic pass: lead if possible, then pull every node whose backoff has passed. Never rejects. */
  pass(): Promise<void> {
    if (this.passing || this.stopped) return this.passing ?? Promise.resolve();
    this.passing = (async () => {
      if (!(await this.leadership.tryLead())) return;
      const states = new Map((await this.index.states()).map((s) => [s.slug, s]));
      const now = Date.now();
      const due = this.registry.participants().filter((node) => isDue(states.get(node.slug) ?? null, now));
      // A pull starts as soon as one ends: a slow node holds one of the places, not a whole batch.
      await mapLimit(due, PARALLEL_PULLS, (node) => this.pull(node.slug));
      await this.analyzeIfLoaded();
    })()
      .catch((error: unknown) => this.logger.error({ err: error }, 'sync pass failed'))
      .finally(() => {
        this.passing = undefined;
        if (this.passAfter && !this.stopped) this.periodic();
      });
    return this.passing;
  }

  /**
   * A node said it has news (a ping): pull it now, unless it is backing off after failures or this
   * replica does not sync. Returns whether a pull was started or queued.
   */
  async pinged(slug: string): Promise<boolean> {
    const node = this.registry.get(slug);
    if (!node || node.status === 'INCOMPATIBLE' || !this.leading || this.stopped) return false;
    if (!isDue(await this.index.state(slug), Date.now())) return false;
    void this.pull(slug);
    return true;
  }

  /**
   * A node joined the registry: pull at once if this replica syncs. It is in the index's list of
   * followed nodes already (configured, claimed by registerNode, or learnt from that list); never
   * listed again here, so a replica slow to hear of a removal cannot bring the node back.
   */
  async added(node: RegisteredNode): Promise<void> {
    if (this.leading && !this.stopped && node.status !== 'INCOMPATIBLE') void this.pull(node.slug);
  }

  /** A node was removed: let its pull finish, then purge what the index holds of it; false if it held nothing. */
  async removed(slug: string): Promise<boolean> {
    this.again.delete(slug);
    await this.pulls.get(slug);
    this.clients.delete(slug);
    this.pageSizes.delete(slug);
    return this.index.forget(slug);
  }

  /**
   * Drops what the index holds of a node and starts its feed over from 0, at its epoch; this replica
   * pulls at once if it syncs (backoff or not), otherwise the one that does on its next pass.
   */
  async resync(slug: string): Promise<void> {
    this.again.delete(slug);
    await this.pulls.get(slug);
    const state = await this.index.state(slug);
    if (state?.epoch) await this.index.restart(slug, state.epoch, 0);
    if (state && this.leading && !this.stopped) await this.pull(slug);
  }

  /** Resolves once no pass and no pull is running (nor queued behind one). */
  async settled(): Promise<void> {
    while (this.passing || this.pulls.size) {
      await this.passing;
      await Promise.all(this.pulls.values());
    }
  }

  /**
   * Pulls a node now, if this replica syncs, and resolves once a pull that started after this call
   * has finished (one already running may have missed what is new). Returns whether it pulled.
   */
  async syncNode(slug: string): Promise<boolean> {
    if (!this.leading || this.stopped) return false;
    await this.pulls.get(slug);
    await this.pull(slug);
    return true;
  }

  /** Pulls one node until its feed has nothing more; at most one pull per node runs at a time. */
  pull(slug: string): Promise<void> {
    const running = this.pulls.get(slug);
    if (running) {
      this.again.add(slug);
      return running;
    }
    const pulling = this.pullNow(slug)
      // Within a pass, once the pass has pulled every node; otherwise after this pull.
      .then(() => (this.passing ? undefined : this.analyzeIfLoaded()))
      .finally(() => {
        this.pulls.delete(slug);
        if (this.again.delete(slug) && !this.stopped) void this.pull(slug);
      });
    this.pulls.set(slug, pulling);
    return pulling;
  }

  private async pullNow(slug: string): Promise<void> {
    const node = this.registry.get(slug);
    if (!node) return;
    try {
      this.unanalyzed += await pullFeed(this.index, slug, this.clientOf(node), this.pageSizeOf(slug));
    } catch (error) {
      await this.failed(slug, error).catch((failure: unknown) =>
        this.logger.error({ err: failure, community: slug }, 'could not record a sync failure'),
      );
    }
  }

  /** After a bulk load, VACUUM (ANALYZE): part of the sync, so the queries after it get good plans. */
  private async analyzeIfLoaded(): Promise<void> {
    if (this.unanalyzed < (this.config.analyzeAfterEvents ?? ANALYZE_AFTER_EVENTS)) return;
    const events = this.unanalyzed;
    this.unanalyzed = 0;
    try {
      await this.index.vacuumAnalyze();
      this.logger.debug({ events }, 'vacuumed and analyzed the index after a bulk load');
    } catch (error) {
      this.logger.warn({ err: error }, 'could not vacuum and analyze the index');
    }
  }

  private pageSizeOf(slug: string): PageSize {
    let size = this.pageSizes.get(slug);
    if (!size) this.pageSizes.set(slug, (size = new PageSize(this.config.pageSize ?? PAGE_SIZE)));
    return size;
  }

  private clientOf(node: RegisteredNode): NodeClient {
    let client = this.clients.get(node.slug);
    if (client?.url !== node.url) this.clients.set(node.slug, (client = this.registry.feedClient(node)));
    return client;
  }

  private async failed(slug: string, error: unknown): Promise<void> {
    const reason = error instanceof NodeUnavailableError ? error.reason : (error as Error).message;
    const state = await this.index.state(slug);
    if (!state) return; // removed meanwhile
    const failures = state.failures + 1;
    const at = new Date();
    const wait = backoffDelay(failures, this.config.backoffMs, this.config.backoffCapMs);
    await this.index.failed(slug, reason, failures, at, new Date(at.getTime() + wait));
    this.logger.warn({ community: slug, reason, failures, retryInMs: wait }, 'sync failed');
  }

  /** What Query.nodes shows of a node's sync. */
  state(slug: string): Promise<SyncState | null> {
    return this.index.state(slug);
  }
}
