import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCommunityNode, type RunningNode } from '@commons-graph/community-node';
import { createDatabase, startEmbeddedPostgres } from '@commons-graph/postgres';
import { startGateway, SYNC_DEFAULTS, type RunningGateway } from '@commons-graph/gateway';
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
  logger?: Logger;
}

export interface DemoNode {
  slug: string;
  name: string;
  publicUrl: string;
  adminUrl: string;
  adminToken: string;
}

export interface RunningDemo {
  gatewayUrl: string;
  nodes: DemoNode[];
  seeded: boolean;
  stop(): Promise<void>;
}

const databaseName = (slug: string) => `commons_${slug.replace(/-/g, '_')}`;
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
        port: options.gatewayPort,
        nodes: demoNodes.map((n) => ({ slug: n.slug, url: n.publicUrl })),
        nodeTimeoutMs: 2000,
        probeIntervalMs: 30_000,
        breakerThreshold: 5,
        breakerCooldownMs: 30_000,
        corsOrigins: '*',
        logLevel: logger.level,
        // The Commons index on the same server, following every demo node from the start.
        index: {
          databaseUrl: (await createDatabase(serverUrl, INDEX_DATABASE, { reuse: true })).url,
          dataDir: options.dataDir,
          ...SYNC_DEFAULTS,
        },
      },
      { logger },
    );
    stops.push(() => gateway.stop());
    return { gatewayUrl: gateway.graphqlUrl, nodes: demoNodes, seeded, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
