import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { isValidSlug } from '@commons-graph/schema';
import { NODE_CLIENT_DEFAULTS } from './node-client/NodeClient';

/** Everything the gateway reads from its environment, validated once. Defaults are in the README. */
export interface NodeEntry {
  /** Expected slug; when given, the node's own profile must agree. */
  slug?: string;
  /** The node's public GraphQL endpoint, e.g. http://localhost:4001/graphql. */
  url: string;
}

export interface GatewayConfig {
  host: string;
  port: number;
  nodes: NodeEntry[];
  /** Guards registerNode/removeNode; unset disables them. */
  adminToken?: string;
  nodeTimeoutMs: number;
  probeIntervalMs: number;
  /** Consecutive failures that open a node's circuit, and how long it stays open. */
  breakerThreshold: number;
  breakerCooldownMs: number;
  /** Requests in flight to one node at once, and how many more may wait (defaults in NODE_CLIENT_DEFAULTS). */
  nodeMaxConcurrency?: number;
  nodeMaxQueue?: number;
  /** The largest answer read from a node. */
  nodeMaxResponseBytes?: number;
  corsOrigins: string[] | '*';
  logLevel: string;
  /** `compiled` (graphql-jit; the default when unset) or `interpreted` (graphql-js), the fallback. */
  execution?: 'compiled' | 'interpreted';
  /** Bounds on expensive work per client and at once; unset values take CLIENT_LIMIT_DEFAULTS. */
  limits?: Partial<ClientLimitsConfig>;
  /** The Commons index and its follower; unset, the gateway keeps no index (only the live path). */
  index?: IndexConfig;
  /**
   * Where Commons queries are answered from: the index (the default when there is one) or the nodes
   * at query time (`live`, the default without an index, and the index's test oracle).
   */
  source?: 'live' | 'index';
  /**
   * Served from the index: how long the gateway must be quiet after heavy work before it collects
   * its garbage (idle-collection.ts; 0: never).
   */
  idleCollectMs?: number;
}

/** The Commons index's database and how it follows the nodes' change feeds. */
export interface IndexConfig {
  /** A PostgreSQL server's database; unset, an embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Pull every node on this period (0: only on pings and registration). */
  syncIntervalMs: number;
  /** The wait after a node's first failed pull, doubled per failure up to the cap. */
  syncBackoffMs: number;
  syncBackoffCapMs: number;
  /** An answer from the index names the communities whose last successful sync is older than this. */
  freshnessMs?: number;
  /** Events asked per page (the feed allows up to 1000, the default); tests use small pages. */
  syncPageSize?: number;
  /** VACUUM (ANALYZE) the index after this many events applied (tests use few). */
  analyzeAfterEvents?: number;
  /** Reload the list of followed nodes on this period, in case a notification of a change was missed (0: never). */
  registryReloadMs?: number;
}

/** How much expensive work (points, see limits/operation-weight.ts) clients may ask for. */
export interface ClientLimitsConfig {
  /** Points one client may spend per window; 0 turns the per-client limit off. */
  points: number;
  windowSeconds: number;
  /** Commons gatherings (commonsReport, vitality) running at once, whoever asks. */
  maxConcurrentReports: number;
  /** How long a report waits for a free gathering slot before it is refused. */
  reportWaitMs: number;
  /** Reverse proxies in front of the gateway whose X-Forwarded-For is believed (0: none). */
  trustProxy: number;
}

export const CLIENT_LIMIT_DEFAULTS: ClientLimitsConfig = {
  points: 3000,
  windowSeconds: 60,
  maxConcurrentReports: 2,
  reportWaitMs: 10_000,
  trustProxy: 0,
};

/** How the Commons index follows the nodes, unless configured otherwise (README). */
export const SYNC_DEFAULTS = {
  syncIntervalMs: 30_000,
  syncBackoffMs: 1_000,
  syncBackoffCapMs: 600_000,
  /** Four sync periods: a node missed by a few pulls is stale. */
  freshnessMs: 120_000,
  registryReloadMs: 30_000,
} as const;

/**
 * Where Commons queries are answered from when COMMONS_SOURCE is unset. The environment always
 * gives the gateway an index (DATABASE_URL, else an embedded PostgreSQL under DATA_DIR, which has a
 * default); only a gateway started without one (tests, the live benchmarks) answers live by default.
 */
export const DEFAULT_COMMONS_SOURCE = 'index' as const;

/** How long an index-served gateway waits, quiet, after heavy work before it collects its garbage (README). */
export const IDLE_COLLECT_DEFAULT_MS = 1_000;

/** Every environment variable the gateway reads (the compose test checks against this list). */
export const GATEWAY_ENV_VARS = [
  'HOST',
  'PORT',
  'NODES',
  'NODES_FILE',
  'GATEWAY_ADMIN_TOKEN',
  'NODE_TIMEOUT_MS',
  'PROBE_INTERVAL_MS',
  'BREAKER_THRESHOLD',
  'BREAKER_COOLDOWN_MS',
  'NODE_MAX_CONCURRENCY',
  'NODE_MAX_QUEUE',
  'NODE_MAX_RESPONSE_BYTES',
  'CORS_ORIGINS',
  'LOG_LEVEL',
  'GRAPHQL_EXECUTION',
  'RATE_LIMIT_POINTS',
  'RATE_LIMIT_WINDOW_S',
  'MAX_CONCURRENT_REPORTS',
  'REPORT_WAIT_MS',
  'TRUST_PROXY',
  'DATABASE_URL',
  'DATA_DIR',
  'SYNC_INTERVAL_MS',
  'SYNC_BACKOFF_MS',
  'SYNC_BACKOFF_CAP_MS',
  'COMMONS_SOURCE',
  'INDEX_FRESHNESS_MS',
  'REGISTRY_RELOAD_MS',
  'IDLE_COLLECT_MS',
] as const;

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function checkUrl(url: string, where: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    return url;
  } catch {
    throw new ConfigError(`${where}: "${url}" is not an http(s) URL`);
  }
}

/** `slug=url,slug=url` (or bare urls). */
export function parseNodesList(text: string): NodeEntry[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return { url: checkUrl(part, 'NODES') };
      const slug = part.slice(0, eq).trim();
      if (!isValidSlug(slug)) throw new ConfigError(`NODES: "${slug}" is not a community slug`);
      return { slug, url: checkUrl(part.slice(eq + 1).trim(), 'NODES') };
    });
}

/** A JSON or YAML list of `{ slug, url }` (or of urls). */
export function parseNodesFile(path: string): NodeEntry[] {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`NODES_FILE ${path}: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { nodes?: unknown })?.nodes;
  if (!Array.isArray(list)) throw new ConfigError(`NODES_FILE ${path} must hold a list of nodes`);
  return list.map((item, i) => {
    if (typeof item === 'string') return { url: checkUrl(item, `NODES_FILE[${i}]`) };
    const { slug, url } = (item ?? {}) as { slug?: unknown; url?: unknown };
    if (typeof url !== 'string') throw new ConfigError(`NODES_FILE[${i}] needs a url`);
    if (slug !== undefined && (typeof slug !== 'string' || !isValidSlug(slug))) {
      throw new ConfigError(`NODES_FILE[${i}]: "${String(slug)}" is not a community slug`);
    }
    return { slug: slug as string | undefined, url: checkUrl(url, `NODES_FILE[${i}]`) };
  });
}

export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const nodes = [
    ...(env.NODES ? parseNodesList(env.NODES) : []),
    ...(env.NODES_FILE ? parseNodesFile(env.NODES_FILE) : []),
  ];
  const adminToken = env.GATEWAY_ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 24) {
    throw new ConfigError('GATEWAY_ADMIN_TOKEN must be at least 24 characters long');
  }
  const cors = (env.CORS_ORIGINS ?? '*').trim();
  const execution = env.GRAPHQL_EXECUTION || 'compiled';
  if (execution !== 'compiled' && execution !== 'interpreted') {
    throw new ConfigError(`GRAPHQL_EXECUTION must be "compiled" or "interpreted", got "${execution}"`);
  }
  const source = env.COMMONS_SOURCE || DEFAULT_COMMONS_SOURCE;
  if (source !== 'live' && source !== 'index') {
    throw new ConfigError(`COMMONS_SOURCE must be "live" or "index", got "${source}"`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    nodes,
    adminToken,
    nodeTimeoutMs: integer(env, 'NODE_TIMEOUT_MS', 2000, 50, 60_000),
    probeIntervalMs: integer(env, 'PROBE_INTERVAL_MS', 30_000, 0, 3_600_000),
    breakerThreshold: integer(env, 'BREAKER_THRESHOLD', 5, 1, 1000),
    breakerCooldownMs: integer(env, 'BREAKER_COOLDOWN_MS', 30_000, 0, 3_600_000),
    nodeMaxConcurrency: integer(env, 'NODE_MAX_CONCURRENCY', NODE_CLIENT_DEFAULTS.maxConcurrency, 1, 1024),
    nodeMaxQueue: integer(env, 'NODE_MAX_QUEUE', NODE_CLIENT_DEFAULTS.maxQueue, 0, 100_000),
    nodeMaxResponseBytes: integer(
      env,
      'NODE_MAX_RESPONSE_BYTES',
      NODE_CLIENT_DEFAULTS.maxResponseBytes,
      1024,
      1024 ** 3,
    ),
    corsOrigins: cors === '*' || cors === '' ? '*' : cors.split(',').map((o) => o.trim()),
    logLevel: env.LOG_LEVEL || 'info',
    execution,
    limits: {
      points: integer(env, 'RATE_LIMIT_POINTS', CLIENT_LIMIT_DEFAULTS.points, 0, 1_000_000_000),
      windowSeconds: integer(env, 'RATE_LIMIT_WINDOW_S', CLIENT_LIMIT_DEFAULTS.windowSeconds, 1, 86_400),
      maxConcurrentReports: integer(
        env,
        'MAX_CONCURRENT_REPORTS',
        CLIENT_LIMIT_DEFAULTS.maxConcurrentReports,
        1,
        1000,
      ),
      reportWaitMs: integer(env, 'REPORT_WAIT_MS', CLIENT_LIMIT_DEFAULTS.reportWaitMs, 0, 600_000),
      trustProxy: integer(env, 'TRUST_PROXY', CLIENT_LIMIT_DEFAULTS.trustProxy, 0, 10),
    },
    index: {
      databaseUrl: env.DATABASE_URL || undefined,
      dataDir: env.DATA_DIR || './.commons-data/gateway',
      syncIntervalMs: integer(env, 'SYNC_INTERVAL_MS', SYNC_DEFAULTS.syncIntervalMs, 0, 86_400_000),
      syncBackoffMs: integer(env, 'SYNC_BACKOFF_MS', SYNC_DEFAULTS.syncBackoffMs, 1, 3_600_000),
      syncBackoffCapMs: integer(env, 'SYNC_BACKOFF_CAP_MS', SYNC_DEFAULTS.syncBackoffCapMs, 1, 86_400_000),
      freshnessMs: integer(env, 'INDEX_FRESHNESS_MS', SYNC_DEFAULTS.freshnessMs, 1, 86_400_000),
      registryReloadMs: integer(env, 'REGISTRY_RELOAD_MS', SYNC_DEFAULTS.registryReloadMs, 0, 86_400_000),
    },
    source,
    idleCollectMs: integer(env, 'IDLE_COLLECT_MS', IDLE_COLLECT_DEFAULT_MS, 0, 3_600_000),
  };
}
