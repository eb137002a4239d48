import { Agent } from 'undici';
import type { Logger } from 'pino';
import { badInput, mapLimit, NODE_PROTOCOL_VERSION } from '@commons-graph/schema';
import type { SyncState } from '../commons-index/CommonsIndex';
import type { GatewayConfig, NodeEntry } from '../config';
import { answerProblem } from '../node-client/answer-check';
import type { NodeHealth } from '../node-client/NodeBatch';
import { NODE_FIELDS } from '../node-client/fields';
import { NodeAnswerError, NodeClient, NodeUnavailableError } from '../node-client/NodeClient';
import { incompatibilities } from './compatibility';

export type NodeState = 'UP' | 'DOWN' | 'INCOMPATIBLE';

export interface RegisteredNode {
  slug: string;
  url: string;
  status: NodeState;
  name: string | null;
  software: { name: string; version: string; protocol: string } | null;
  lastSeen: Date | null;
  lastLatencyMs: number | null;
  error: string | null;
  client: NodeClient;
}

const PROBED = [NODE_FIELDS.service, NODE_FIELDS.identity];
/** The health probe's operation, as sent (a test validates it against the node contract). */
export const PROBE = `query NodeProbe { ${PROBED.map((field) => `${field.name} ${field.selection}`).join(' ')} }`;

/**
 * Probes in flight at once. Each answer carries the node's whole SDL: a thousand at once held a
 * thousand sockets and their read buffers, and the process kept that memory (BENCHMARKS.md).
 */
const PROBES_AT_ONCE = 32;

/** Idle keep-alive of connections to nodes for a gateway answering from the index. */
export const INDEX_KEEP_ALIVE_MS = 2_000;

interface ProbeAnswer {
  _service: { sdl: string | null };
  community: { slug: string; name: string; software: { name: string; version: string; protocol: string } };
}

/** Follows the registered nodes' change feeds (the Commons index): hears of nodes added and removed. */
export interface NodeFollower {
  added(node: RegisteredNode): Promise<void>;
  /** Resolves once whatever was kept of the node is gone; false when nothing was. */
  removed(slug: string): Promise<boolean>;
  /** How far the node's feed is followed, or null when it is not. */
  state(slug: string): Promise<SyncState | null>;
  /** Drops what was kept of the node and follows it again from the start. */
  resync(slug: string): Promise<void>;
}

/** The list of nodes every gateway replica serves (the Commons index's followed nodes), when there is one. */
export interface SharedNodeList {
  /** Lists a node unless its slug is listed at another URL: returns the URL it is listed at now. */
  claim(slug: string, url: string): Promise<string>;
  /** Brings the registry in line with the list. */
  reload(): Promise<void>;
}

const alreadyRegistered = (slug: string, url: string) =>
  badInput(`A node with slug "${slug}" is already registered at ${url}`, { slug });

/**
 * The nodes the gateway federates: checked on start and on registration (schema contract, slug,
 * protocol), probed periodically, and marked DOWN when a query to them fails.
 */
export class Registry implements NodeHealth {
  private readonly nodes = new Map<string, RegisteredNode>();
  /** `all()`'s order, kept until a node comes or goes: every request lists the participants. */
  private inOrder: RegisteredNode[] | null = null;
  private slugs: readonly string[] | null = null;
  private readonly agent: Agent;
  private timer?: NodeJS.Timeout;
  private probing?: Promise<void>;
  onRequest?: (slug: string, operation: string, query: string) => void;
  follower?: NodeFollower;
  shared?: SharedNodeList;
  /** Slugs registerNode is listing now: not yet served here, and not to be learnt from the list meanwhile. */
  private readonly claiming = new Set<string>();

  constructor(
    private readonly config: Pick<
      GatewayConfig,
      | 'nodeTimeoutMs'
      | 'probeIntervalMs'
      | 'breakerThreshold'
      | 'breakerCooldownMs'
      | 'nodeMaxConcurrency'
      | 'nodeMaxQueue'
      | 'nodeMaxResponseBytes'
    >,
    private readonly logger: Logger,
    /**
     * When given, how long an idle connection to a node is kept, whatever the node's keep-alive
     * hint. Queries on the live path reuse connections (30 s, or as the node hints); a gateway
     * answering from the index asks nodes only to probe and pull, and a thousand idle connections,
     * each with its undici pool (a 2048-slot queue), held ~26 kB of heap a node (BENCHMARKS.md).
     */
    keepAliveMs?: number,
  ) {
    // An origin's pool is dropped once its last connection closes: created on demand, idle-closed.
    this.agent = new Agent({
      keepAliveTimeout: keepAliveMs ?? 30_000,
      ...(keepAliveMs ? { keepAliveMaxTimeout: keepAliveMs } : {}),
      connections: 64,
      pipelining: 1,
    });
  }

  private client(slug: string, url: string, breakerThreshold = this.config.breakerThreshold): NodeClient {
    return new NodeClient(slug, url, {
      timeoutMs: this.config.nodeTimeoutMs,
      breakerThreshold,
      breakerCooldownMs: this.config.breakerCooldownMs,
      maxConcurrency: this.config.nodeMaxConcurrency,
      maxQueue: this.config.nodeMaxQueue,
      maxResponseBytes: this.config.nodeMaxResponseBytes,
      agent: this.agent,
      onRequest: (s, op, query) => this.onRequest?.(s, op, query),
    });
  }

  /**
   * A client of its own for following a node's change feed: the same limits on what the node may
   * send, but its failures are the follower's to back off from, never a reason to skip the node in
   * queries (so no circuit breaker).
   */
  feedClient(node: RegisteredNode): NodeClient {
    return this.client(node.slug, node.url, Number.MAX_SAFE_INTEGER);
  }

  /** Every node, in slug order. */
  all(): RegisteredNode[] {
    this.inOrder ??= [...this.nodes.values()].sort((a, b) => (a.slug < b.slug ? -1 : 1));
    return this.inOrder.slice();
  }

  /** Nodes that take part in queries: compatible ones, whether or not the last probe reached them. */
  participants(): RegisteredNode[] {
    return this.all().filter((node) => node.status !== 'INCOMPATIBLE');
  }

  /**
   * The participants' slugs, as one array kept until a node comes or goes, or a probe finds one
   * incompatible (or compatible again) or under another slug: every request served from the index
   * reads them, as many as the Commons' nodes.
   */
  participantSlugs(): readonly string[] {
    return (this.slugs ??= Object.freeze(this.participants().map((node) => node.slug)));
  }

  private listChanged(): void {
    this.inOrder = null;
    this.slugs = null;
  }

  get(slug: string): RegisteredNode | undefined {
    return this.nodes.get(slug);
  }

  /** Adds the configured nodes; a node that is down now is kept and probed again later. */
  async start(entries: NodeEntry[]): Promise<void> {
    await mapLimit(entries, PROBES_AT_ONCE, (entry) =>
      this.add(entry).then(
        () => undefined,
        (error: unknown) => this.logger.warn({ err: error, url: entry.url }, 'node not added'),
      ),
    );
    if (this.config.probeIntervalMs > 0) {
      this.timer = setInterval(() => void this.probeAll(), this.config.probeIntervalMs);
      this.timer.unref();
    }
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    return this.agent.close();
  }

  /**
   * Adds a node by URL (and expected slug). Throws a user error for a duplicate slug and, when
   * `refuseInvalid`, for a node whose probe answer is not one; a configured node answering so is
   * kept INCOMPATIBLE and probed again.
   */
  async add(entry: NodeEntry, { refuseInvalid = false } = {}): Promise<RegisteredNode> {
    const node = await this.probed(entry, refuseInvalid);
    const existing = this.nodes.get(node.slug);
    if (existing && existing.url !== node.url) throw alreadyRegistered(node.slug, existing.url);
    return this.admit(node);
  }

  /**
   * registerNode: adds a node whose probe answer is one. With a shared list, the slug is claimed
   * there first (the list, not this replica's memory, says whether it is taken), and every replica
   * learns of the node from the list.
   */
  async register(entry: NodeEntry): Promise<RegisteredNode> {
    if (!this.shared) return this.add(entry, { refuseInvalid: true });
    const node = await this.probed(entry, true);
    this.claiming.add(node.slug);
    try {
      const listedAt = await this.shared.claim(node.slug, node.url);
      if (listedAt !== node.url) throw alreadyRegistered(node.slug, listedAt);
      return await this.admit(node);
    } finally {
      this.claiming.delete(node.slug);
      // What the list said of the slug meanwhile was left for now (a winner of the slug, a removal).
      void this.shared.reload();
    }
  }

  /** Whether registerNode is listing this slug right now. */
  registering(slug: string): boolean {
    return this.claiming.has(slug);
  }

  /** A node probed for adding, refused when `refuseInvalid` and its probe answer is not one. */
  private async probed(entry: NodeEntry, refuseInvalid: boolean): Promise<RegisteredNode> {
    const provisional = entry.slug ?? new URL(entry.url).host.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const node = this.unprobed(provisional, entry.url);
    const invalid = await this.check(node, entry.slug);
    if (invalid && refuseInvalid) {
      throw badInput(`The node at ${entry.url} ${invalid}; it was not registered`, {
        url: entry.url,
        reason: invalid,
      });
    }
    return node;
  }

  /** Serves a probed node (in place of one with its slug) and tells the follower. */
  private async admit(node: RegisteredNode): Promise<RegisteredNode> {
    if (node.client.slug !== node.slug) node.client = this.client(node.slug, node.url);
    this.nodes.set(node.slug, node);
    this.listChanged();
    this.logger.info(
      { slug: node.slug, url: node.url, status: node.status, error: node.error },
      'node registered',
    );
    await this.follower
      ?.added(node)
      .catch((error: unknown) =>
        this.logger.error({ err: error, community: node.slug }, 'node not followed'),
      );
    return node;
  }

  /**
   * Registers nodes without probing them: DOWN, "not probed yet", until `probeAll`. For a gateway
   * answering from a Commons index that already holds them, which may listen before probing.
   */
  enlist(entries: ReadonlyArray<{ slug: string; url: string }>): void {
    for (const { slug, url } of entries)
      if (!this.nodes.has(slug)) this.nodes.set(slug, this.unprobed(slug, url));
    this.listChanged();
  }

  private unprobed(slug: string, url: string): RegisteredNode {
    return {
      slug,
      url,
      status: 'DOWN',
      name: null,
      software: null,
      lastSeen: null,
      lastLatencyMs: null,
      error: 'not probed yet',
      client: this.client(slug, url),
    };
  }

  /**
   * Stops federating a node, and once the follower has purged what it kept of it, resolves. False
   * when neither knew it (the follower's list may hold a node this replica has not learnt of yet).
   */
  async remove(slug: string): Promise<boolean> {
    const served = this.nodes.delete(slug);
    this.listChanged();
    const followed = (await this.follower?.removed(slug)) ?? false;
    return served || followed;
  }

  /** Stops serving a node gone from the shared list: whoever removed it purged what was kept of it. */
  forget(slug: string): void {
    if (this.nodes.delete(slug)) {
      this.listChanged();
      this.logger.info({ community: slug }, 'node removed from the shared list');
    }
  }

  /** Whether a probe of every node is running now. */
  get probingAll(): boolean {
    return !!this.probing;
  }

  /** Probes every node; never rejects, whatever the nodes send (it runs from a timer). */
  async probeAll(): Promise<void> {
    if (this.probing) return this.probing;
    this.probing = mapLimit(this.all(), PROBES_AT_ONCE, (node) => this.check(node, node.slug))
      .then(
        () => undefined,
        (error: unknown) => this.logger.error({ err: error }, 'probe failed'),
      )
      .finally(() => (this.probing = undefined));
    return this.probing;
  }

  /**
   * Probes one node and sets its status: UP, DOWN (unreachable) or INCOMPATIBLE (with the reason).
   * Never throws. Returns the reason when the node answered with something that is not a probe
   * answer, null otherwise.
   */
  async check(node: RegisteredNode, expectedSlug?: string): Promise<string | null> {
    const [before, slug] = [node.status, node.slug];
    let invalid: string | null = null;
    try {
      invalid = await this.probe(node, expectedSlug);
    } catch (error) {
      const reason =
        error instanceof NodeUnavailableError
          ? error.reason
          : `could not be probed: ${(error as Error).message}`;
      if (error instanceof NodeAnswerError) invalid = reason;
      node.status = invalid ? 'INCOMPATIBLE' : 'DOWN';
      node.error = reason;
    }
    const incompatible = (status: NodeState) => status === 'INCOMPATIBLE';
    if (incompatible(node.status) !== incompatible(before) || node.slug !== slug) this.slugs = null;
    if (node.status !== before) {
      // A node coming up is news; one going down or refused is something to look at.
      const level = node.status === 'UP' ? 'info' : 'warn';
      this.logger[level](
        { community: node.slug, status: node.status, reason: node.error },
        'node status changed',
      );
    }
    return invalid;
  }

  private async probe(node: RegisteredNode, expectedSlug?: string): Promise<string | null> {
    const data = await node.client.probe<Record<string, unknown>>(PROBE);
    const problem = PROBED.map((field) =>
      answerProblem(field, data[field.name], { variables: {} }, `the probe's ${field.name}`),
    ).find(Boolean);
    if (problem || typeof (data as unknown as ProbeAnswer)._service.sdl !== 'string') {
      const reason = problem ?? `answered the probe's _service.sdl with null, not its schema`;
      node.status = 'INCOMPATIBLE';
      node.error = reason;
      return reason;
    }
    const answer = data as unknown as ProbeAnswer;
    node.lastSeen = new Date();
    node.lastLatencyMs = node.client.lastLatencyMs;
    node.name = answer.community.name;
    node.software = answer.community.software;
    if (!expectedSlug) node.slug = answer.community.slug;
    const reasons: string[] = [];
    if (answer.community.slug !== node.slug) {
      reasons.push(`it says it is "${answer.community.slug}", but is registered as "${node.slug}"`);
    }
    if (answer.community.software.protocol !== NODE_PROTOCOL_VERSION) {
      reasons.push(
        `it speaks node protocol ${answer.community.software.protocol}, the gateway ${NODE_PROTOCOL_VERSION}`,
      );
    }
    reasons.push(...incompatibilities(answer._service.sdl!));
    node.status = reasons.length ? 'INCOMPATIBLE' : 'UP';
    node.error = reasons.length ? reasons.join('; ') : null;
    return null;
  }

  /** Records a failed query: the node is DOWN until a probe or a query reaches it again. */
  markFailed(slug: string, reason: string): void {
    const node = this.nodes.get(slug);
    if (node && node.status !== 'INCOMPATIBLE') {
      node.status = 'DOWN';
      node.error = reason;
    }
  }

  markAnswered(slug: string): void {
    const node = this.nodes.get(slug);
    if (node && node.status === 'DOWN') {
      node.status = 'UP';
      node.error = null;
    }
    if (node) {
      node.lastSeen = new Date();
      node.lastLatencyMs = node.client.lastLatencyMs;
    }
  }
}
