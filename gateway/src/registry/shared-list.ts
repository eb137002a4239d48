import { Client } from 'pg';
import type { Logger } from 'pino';
import type { CommonsIndex } from '../commons-index/CommonsIndex';
import { claimNode, listedNodes, NODE_LIST_CHANNEL } from '../commons-index/node-list';
import type { Registry, SharedNodeList } from './Registry';

/** How long to wait before listening again after the notification connection was lost. */
const RELISTEN_MS = 1000;

/**
 * The Commons index's followed nodes as the one list every gateway replica serves: registerNode on
 * any replica lists a node there, removeNode takes it off, and each replica brings its registry in
 * line on every notification of a change (LISTEN), and every `reloadMs` in case one was missed.
 */
export class IndexNodeList implements SharedNodeList {
  private listener: Client | null = null;
  private timer?: NodeJS.Timeout;
  private relisten?: NodeJS.Timeout;
  private reloading?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly index: CommonsIndex,
    private readonly registry: Registry,
    private readonly reloadMs: number,
    private readonly logger: Logger,
  ) {}

  /** Listens, then serves every listed node the registry lacks (and drops any it holds unlisted). */
  async start(): Promise<void> {
    this.registry.shared = this;
    await this.listen();
    await this.reload();
    if (this.reloadMs > 0) {
      this.timer = setInterval(() => void this.reload(), this.reloadMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.relisten);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.reloading;
  }

  claim(slug: string, url: string): Promise<string> {
    return claimNode(this.index, slug, url);
  }

  /**
   * Brings the registry in line with the list; never rejects. Reloads asked for while one runs
   * coalesce into one more after it, which the returned promise includes.
   */
  reload(): Promise<void> {
    if (this.reloading) {
      this.again = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.again = false;
        await this.reconcile();
      } while (this.again && !this.stopped);
    })()
      .catch((error: unknown) => this.logger.error({ err: error }, 'could not reload the list of nodes'))
      .finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  private async reconcile(): Promise<void> {
    // Only nodes served before the list was read may be dropped: one registered since is listed.
    const served = this.registry.all();
    const listed = new Map((await listedNodes(this.index)).map(({ slug, url }) => [slug, url]));
    if (this.stopped) return;
    for (const node of served)
      if (
        listed.get(node.slug) !== node.url &&
        this.registry.get(node.slug) === node &&
        !this.registry.registering(node.slug)
      )
        this.registry.forget(node.slug);
    const news = [...listed].filter(([slug]) => !this.registry.get(slug) && !this.registry.registering(slug));
    await Promise.all(
      news.map(([slug, url]) =>
        this.registry
          .add({ slug, url })
          .catch((error: unknown) => this.logger.warn({ err: error, community: slug }, 'node not added')),
      ),
    );
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.index.url });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn({ err: error }, 'lost the notifications of node list changes; listening again');
      clearTimeout(this.relisten);
      this.relisten = setTimeout(() => {
        // Whatever changed while nobody listened is in the list: reload once listening again.
        void this.listen().then(() => this.reload());
      }, RELISTEN_MS);
      this.relisten.unref();
    };
    client.on('notification', () => void this.reload());
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`listen ${NODE_LIST_CHANNEL}`);
      if (this.stopped) await client.end().catch(() => undefined);
      else this.listener = client;
    } catch (error) {
      onLost(error as Error);
    }
  }
}
