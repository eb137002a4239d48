import { resolve } from 'node:path';
import { isValidSlug } from '@commons-graph/schema';

/** Everything the node reads from its environment, validated once. Defaults are in the README. */
export interface NodeConfig {
  slug: string;
  name: string;
  host: string;
  port: number;
  /** Unset: an embedded PostgreSQL keeps its data under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** Bootstraps the first admin: a token equal to this value acts as admin. */
  adminToken?: string;
  logLevel: string;
  /** Followers to ping after each change (docs/feed-protocol.md). */
  feedPingUrls?: string[];
}

/** Every environment variable the node reads (the compose test checks against this list). */
export const NODE_ENV_VARS = [
  'COMMUNITY_SLUG',
  'COMMUNITY_NAME',
  'HOST',
  'PORT',
  'DATABASE_URL',
  'DATA_DIR',
  'ADMIN_TOKEN',
  'LOG_LEVEL',
  'FEED_PING_URLS',
] as const;
export const REQUIRED_NODE_ENV_VARS = ['COMMUNITY_SLUG'] as const;

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return parsed;
}

/** `FEED_PING_URLS`: comma-separated http(s) URLs. */
function pingUrls(value: string | undefined): string[] {
  const urls = (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of urls) {
    const protocol = URL.canParse(url) ? new URL(url).protocol : '';
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new ConfigError(`FEED_PING_URLS: "${url}" is not an http(s) URL`);
    }
  }
  return urls;
}

export function readNodeConfig(env: Env = process.env): NodeConfig {
  const slug = env.COMMUNITY_SLUG ?? '';
  if (!isValidSlug(slug)) {
    throw new ConfigError(
      `COMMUNITY_SLUG must be set to lower-case letters, digits and dashes (e.g. "klamath-soil"), got "${slug}"`,
    );
  }
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && adminToken.length < 24) {
    throw new ConfigError('ADMIN_TOKEN must be at least 24 characters long');
  }
  return {
    slug,
    name: env.COMMUNITY_NAME || slug,
    host: env.HOST || '127.0.0.1',
    port: port(env.PORT, 4001),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || `./.commons-data/${slug}`),
    adminToken,
    logLevel: env.LOG_LEVEL || 'info',
    feedPingUrls: pingUrls(env.FEED_PING_URLS),
  };
}
