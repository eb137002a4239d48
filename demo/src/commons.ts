import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startCommunityNode, type RunningNode } from '@commons-graph/community-node';
import { createDatabase, startEmbeddedPostgres } from '@commons-graph/postgres';
import {
  DEFAULT_COMMONS_SOURCE,
  startGateway,
  SYNC_DEFAULTS,
  untilSynced,
  type RunningGateway,
} from '@commons-graph/gateway';
import pino, { type Logger } from 'pino';
import { DEMO_COMMUNITIES } from './seed-data';
import { backdateDemo } from './backdate';
import { seedDemo } from './seed';

export interface DemoOptions {
  /** Embedded PostgreSQL data and the demo tokens live here. */
  dataDir: string;
  /** A PostgreSQL server to use instead of the embedded one (a database per node is created on it). */
  databaseUrl?: string;
  host: string;
  /** Nodes listen on basePort, basePort+1, …; 0 picks free ports. */
  basePort: number;
  gatewayPort: number;
  /** Seed the demo communities; false starts the `communities` given, empty. */
  demo: boolean;
  communities?: Array<{ slug: string; name: string }>;
  /** Where Commons queries are answered from (COMMONS_SOURCE); the gateway's default when unset. */
  source?: 'live' | 'index';
  /** The index's periodic pull (SYNC_DEFAULTS); 0 leaves only the nodes' pings and the start. */
  syncIntervalMs?: number;
  /** How long the start waits for the index to sync every node before it fails. */
  syncTimeoutMs?: number;
  logger?: Logger;
}

export interface DemoNode {
  slug: string;
  name: string;
  publicUrl: string;
  adminUrl: string;
  /** The publishing desk, signed in to with adminToken (or any token of the node). */
  deskUrl: string;
  adminToken: string;
}

export interface RunningDemo {
  gatewayUrl: string;
  /** The Commons explorer, the gateway's page for people. */
  explorerUrl: string;
  /** Where the gateway answers Commons queries from; its index is synced either way. */
  source: 'live' | 'index';
  nodes: DemoNode[];
  seeded: boolean;
  stop(): Promise<void>;
}

const databaseName = (slug: string) => `commons_${slug.replace(/-/g, '_')}`;

/** A free port now, so the nodes can be told where to ping before the gateway listens on it. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
/** Not `commons_…`, which could be a community's. */
const INDEX_DATABASE = 'gateway_index';

/** Demo admin tokens are generated once and kept beside the data, so a restart prints the same ones. */
function demoTokens(dataDir: string, slugs: string[]): Record<string, string> {
  const file = join(dataDir, 'demo-admin-tokens.json');
  const tokens: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const slug of slugs) tokens[slug] ??= `cgn_demo_${randomBytes(24).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(tokens, null, 2), { mode: 0o600 });
  return tokens;
}

/** Starts a whole Commons in one process: PostgreSQL, the community nodes and the gateway. */
export async function startDemoCommons(options: DemoOptions): Promise<RunningDemo> {
  const logger = options.logger ?? pino({ level: 'info', base: undefined });
  const communities = options.demo
    ? DEMO_COMMUNITIES.map(({ slug, name }) => ({ slug, name }))
    : (options.communities ?? []);
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse())
      await stop().catch((error) => logger.error({ err: error }, 'stop failed'));
  };
  try {
    let serverUrl = options.databaseUrl;
    if (!serverUrl) {
      const embedded = await startEmbeddedPostgres(options.dataDir, 'postgres');
      stops.push(() => embedded.stop());
      serverUrl = embedded.url;
    }
    // A restart finds its databases and keeps their data.
    const databaseUrls: Record<string, string> = {};
    for (const { slug } of communities)
      databaseUrls[slug] = (await createDatabase(serverUrl, databaseName(slug), { reuse: true })).url;
    const tokens = demoTokens(
      options.dataDir,
      communities.map((c) => c.slug),
    );

    const gatewayPort = options.gatewayPort || (await freePort(options.host));
    const gatewayHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
    // The desks read the Commons from the gateway, which starts last: its address is known from its port.
    const gatewayUrl = `http://${gatewayHost}:${gatewayPort}`;
    // Each change on a node tells the gateway's index to pull at once (FEED_PING_URLS).
    const feedPingUrls = [`${gatewayUrl}/feed/ping`];

    const nodes: RunningNode[] = [];
    for (const [i, community] of communities.entries()) {
      const node = await startCommunityNode(
        {
          slug: community.slug,
          name: community.name,
          host: options.host,
          port: options.basePort === 0 ? 0 : options.basePort + i,
          databaseUrl: databaseUrls[community.slug],
          dataDir: options.dataDir,
          adminToken: tokens[community.slug],
          logLevel: logger.level,
          gatewayUrl,
          feedPingUrls,
        },
        { logger },
      );
      stops.push(() => node.stop());
      nodes.push(node);
    }
    const demoNodes: DemoNode[] = nodes.map((node, i) => ({
      slug: communities[i].slug,
      name: communities[i].name,
      publicUrl: node.publicUrl,
      adminUrl: node.adminUrl,
      deskUrl: `${node.url}/desk`,
      adminToken: tokens[communities[i].slug],
    }));
    const seeded = options.demo
      ? await seedDemo(
          demoNodes.map((n) => ({ slug: n.slug, adminUrl: n.adminUrl, adminToken: n.adminToken })),
          (line) => logger.info(line),
        )
      : false;
    if (seeded) {
      await backdateDemo(databaseUrls);
    }

    const gateway: RunningGateway = await startGateway(
      {
        host: options.host,
        port: gatewayPort,
        nodes: demoNodes.map((n) => ({ slug: n.slug, url: n.publicUrl })),
        nodeTimeoutMs: 2000,
        probeIntervalMs: 30_000,
        breakerThreshold: 5,
        breakerCooldownMs: 30_000,
        corsOrigins: '*',
        logLevel: logger.level,
        source: options.source,
        // The Commons index on the same server, following every demo node from the start.
        index: {
          databaseUrl: (await createDatabase(serverUrl, INDEX_DATABASE, { reuse: true })).url,
          dataDir: options.dataDir,
          ...SYNC_DEFAULTS,
          syncIntervalMs: options.syncIntervalMs ?? SYNC_DEFAULTS.syncIntervalMs,
        },
      },
      { logger },
    );
    stops.push(() => gateway.stop());
    // Ready means the index holds every node and each was probed: queries see the whole demo.
    await gateway.probed;
    await untilSynced(
      gateway.sync!,
      demoNodes.map((n) => n.slug),
      options.syncTimeoutMs ?? 60_000,
    );
    return {
      gatewayUrl: gateway.graphqlUrl,
      explorerUrl: `${gateway.url}/`,
      source: options.source ?? DEFAULT_COMMONS_SOURCE,
      nodes: demoNodes,
      seeded,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
