import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLIENT_LIMIT_DEFAULTS,
  ConfigError,
  IDLE_COLLECT_DEFAULT_MS,
  readGatewayConfig,
  SYNC_DEFAULTS,
} from '../config';
import { CircuitBreaker } from '../node-client/breaker';

describe('gateway configuration', () => {
  it('reads nodes from NODES and from a YAML or JSON NODES_FILE', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-config-'));
    writeFileSync(join(dir, 'nodes.yaml'), '- slug: valley-clinics\n  url: http://clinics.example/graphql\n');
    writeFileSync(
      join(dir, 'nodes.json'),
      JSON.stringify({ nodes: [{ slug: 'openinfra-sigs', url: 'http://sigs.example/graphql' }] }),
    );
    const yaml = readGatewayConfig({
      NODES: 'klamath-soil=http://soil.example/graphql',
      NODES_FILE: join(dir, 'nodes.yaml'),
    });
    expect(yaml.nodes).toEqual([
      { slug: 'klamath-soil', url: 'http://soil.example/graphql' },
      { slug: 'valley-clinics', url: 'http://clinics.example/graphql' },
    ]);
    expect(readGatewayConfig({ NODES_FILE: join(dir, 'nodes.json') }).nodes).toEqual([
      { slug: 'openinfra-sigs', url: 'http://sigs.example/graphql' },
    ]);
    expect(yaml).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      nodeTimeoutMs: 2000,
      corsOrigins: '*',
      nodeMaxConcurrency: 8,
      nodeMaxQueue: 256,
      nodeMaxResponseBytes: 16 * 1024 * 1024,
    });
  });

  it('refuses bad values with a message naming the variable', () => {
    expect(() => readGatewayConfig({ NODES: 'Bad Slug=http://x/graphql' })).toThrow(ConfigError);
    expect(() => readGatewayConfig({ NODES: 'ok=ftp://x' })).toThrow(/not an http/);
    expect(() => readGatewayConfig({ NODE_TIMEOUT_MS: 'soon' })).toThrow(/NODE_TIMEOUT_MS/);
    expect(() => readGatewayConfig({ NODE_MAX_CONCURRENCY: '0' })).toThrow(
      /NODE_MAX_CONCURRENCY must be a whole number from 1/,
    );
    expect(() => readGatewayConfig({ NODE_MAX_RESPONSE_BYTES: '10' })).toThrow(/NODE_MAX_RESPONSE_BYTES/);
    expect(
      readGatewayConfig({
        NODE_MAX_CONCURRENCY: '4',
        NODE_MAX_QUEUE: '0',
        NODE_MAX_RESPONSE_BYTES: '1048576',
      }),
    ).toMatchObject({
      nodeMaxConcurrency: 4,
      nodeMaxQueue: 0,
      nodeMaxResponseBytes: 1_048_576,
    });
    expect(() => readGatewayConfig({ GATEWAY_ADMIN_TOKEN: 'short' })).toThrow(/24 characters/);
    expect(
      readGatewayConfig({ CORS_ORIGINS: 'https://portal.example, https://b.example' }).corsOrigins,
    ).toEqual(['https://portal.example', 'https://b.example']);
  });
});

describe('NODES_FILE errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gw-nodes-file-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('names the file and what is wrong with it', () => {
    expect(() => readGatewayConfig({ NODES_FILE: join(dir, 'missing.yaml') })).toThrow(
      /NODES_FILE .*missing\.yaml: .*ENOENT/,
    );
    expect(() => readGatewayConfig({ NODES_FILE: file('broken.yaml', '- slug: [unclosed\n') })).toThrow(
      /NODES_FILE .*broken\.yaml: /,
    );
    expect(() => readGatewayConfig({ NODES_FILE: file('scalar.yaml', 'just words\n') })).toThrow(
      /must hold a list of nodes/,
    );
    expect(() => readGatewayConfig({ NODES_FILE: file('no-url.yaml', '- slug: klamath-soil\n') })).toThrow(
      /NODES_FILE\[0\] needs a url/,
    );
    expect(() =>
      readGatewayConfig({
        NODES_FILE: file('bad-slug.json', '[{"slug": "Not A Slug", "url": "http://x.example/graphql"}]'),
      }),
    ).toThrow(/NODES_FILE\[0\]: "Not A Slug" is not a community slug/);
    expect(() =>
      readGatewayConfig({ NODES_FILE: file('bad-url.json', '["mailto:someone@example.org"]') }),
    ).toThrow(ConfigError);
  });
});

describe('client limits configuration', () => {
  it('defaults to generous per-client budgets, two reports at once and no trusted proxy', () => {
    expect(readGatewayConfig({}).limits).toEqual(CLIENT_LIMIT_DEFAULTS);
    expect(CLIENT_LIMIT_DEFAULTS).toMatchObject({ maxConcurrentReports: 2, trustProxy: 0 });
    expect(
      readGatewayConfig({
        RATE_LIMIT_POINTS: '0',
        RATE_LIMIT_WINDOW_S: '600',
        MAX_CONCURRENT_REPORTS: '1',
        REPORT_WAIT_MS: '0',
        TRUST_PROXY: '1',
      }).limits,
    ).toEqual({
      points: 0,
      windowSeconds: 600,
      maxConcurrentReports: 1,
      reportWaitMs: 0,
      trustProxy: 1,
    });
  });

  it('refuses values that would turn a limit into nonsense', () => {
    expect(() => readGatewayConfig({ MAX_CONCURRENT_REPORTS: '0' })).toThrow(/MAX_CONCURRENT_REPORTS/);
    expect(() => readGatewayConfig({ RATE_LIMIT_WINDOW_S: '0' })).toThrow(/RATE_LIMIT_WINDOW_S/);
    expect(() => readGatewayConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
  });
});

describe('Commons index configuration', () => {
  it('keeps the index in an embedded PostgreSQL under DATA_DIR unless DATABASE_URL names one, and serves from it', () => {
    expect(readGatewayConfig({})).toMatchObject({
      index: { databaseUrl: undefined, dataDir: './.commons-data/gateway', ...SYNC_DEFAULTS },
      source: 'index',
      idleCollectMs: IDLE_COLLECT_DEFAULT_MS,
    });
    expect(readGatewayConfig({ IDLE_COLLECT_MS: '0' }).idleCollectMs).toBe(0);
    expect(readGatewayConfig({ COMMONS_SOURCE: 'live' }).source).toBe('live');
    expect(
      readGatewayConfig({
        DATABASE_URL: 'postgres://index@db/commons_index',
        DATA_DIR: '/var/lib/gateway',
        SYNC_INTERVAL_MS: '0',
        SYNC_BACKOFF_MS: '250',
        SYNC_BACKOFF_CAP_MS: '60000',
        REGISTRY_RELOAD_MS: '0',
        COMMONS_SOURCE: 'index',
      }),
    ).toMatchObject({
      index: {
        databaseUrl: 'postgres://index@db/commons_index',
        dataDir: '/var/lib/gateway',
        syncIntervalMs: 0,
        syncBackoffMs: 250,
        syncBackoffCapMs: 60_000,
        registryReloadMs: 0,
      },
      source: 'index',
    });
  });

  it('refuses a source it does not know and a backoff of nothing', () => {
    expect(() => readGatewayConfig({ COMMONS_SOURCE: 'cache' })).toThrow(
      /COMMONS_SOURCE must be "live" or "index"/,
    );
    expect(() => readGatewayConfig({ SYNC_BACKOFF_MS: '0' })).toThrow(/SYNC_BACKOFF_MS/);
    expect(() => readGatewayConfig({ SYNC_INTERVAL_MS: 'often' })).toThrow(/SYNC_INTERVAL_MS/);
    expect(() => readGatewayConfig({ IDLE_COLLECT_MS: '-1' })).toThrow(/IDLE_COLLECT_MS/);
  });
});

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures, for the cool-down, and any success closes it', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, () => now);
    breaker.failure();
    breaker.failure();
    expect(breaker.isOpen).toBe(false);
    breaker.failure();
    expect(breaker.isOpen).toBe(true);
    now = 1001;
    expect(breaker.isOpen).toBe(false);
    breaker.failure();
    expect(breaker.isOpen).toBe(true);
    breaker.success();
    expect(breaker.isOpen).toBe(false);
    expect(breaker.consecutiveFailures).toBe(0);
  });
});
