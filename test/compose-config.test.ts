import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_ENV_VARS, readNodeConfig, REQUIRED_NODE_ENV_VARS } from '@commons-graph/community-node';
import { GATEWAY_ENV_VARS, readGatewayConfig } from '@commons-graph/gateway';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
type Service = {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  healthcheck?: unknown;
  build?: unknown;
  image?: string;
};
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};

/** Compose's `${VAR:-default}` as a running container would see it with nothing set. */
const interpolate = (env: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{(\w+):-([^}]*)\}/g, '$2')]),
  );

const nodeServices = Object.entries(compose.services).filter(([, s]) =>
  s.command?.join(' ').includes('community-node'),
);
const gateway = compose.services.gateway;

describe('docker-compose.yml matches the configuration the code reads', () => {
  it('runs three community nodes, each with its own database, built from the repo', () => {
    expect(nodeServices).toHaveLength(3);
    const databases = nodeServices.map(([, s]) => new URL(interpolate(s.environment!).DATABASE_URL).pathname);
    expect(new Set(databases).size).toBe(3);
    const init = readFileSync(join(ROOT, 'deploy', 'postgres-init.sql'), 'utf8');
    for (const db of databases) expect(init).toContain(`CREATE DATABASE ${db.slice(1)};`);
    for (const [, s] of [...nodeServices, ['gateway', gateway] as const]) {
      expect(s.build).toBe('.');
      // Each health check asks the service's own port (test/production-image.test.ts runs them).
      const port = interpolate((s as Service).environment!).PORT;
      expect(JSON.stringify((s as Service).healthcheck)).toContain(`127.0.0.1:${port}/healthz`);
    }
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/npm ci/);
  });

  it('sets only variables the node reads, every required one, and values the node accepts', () => {
    for (const [name, service] of nodeServices) {
      const env = interpolate(service.environment!);
      expect(Object.keys(env).filter((k) => !(NODE_ENV_VARS as readonly string[]).includes(k))).toEqual([]);
      for (const required of REQUIRED_NODE_ENV_VARS) expect(env[required]).toBeTruthy();
      const config = readNodeConfig(env);
      expect(config.slug).toBe(name);
      expect(config.host).toBe('0.0.0.0');
      expect(new URL(config.databaseUrl!).hostname).toBe('postgres');
    }
  });

  it('points the gateway at each node service on the port that node listens on', () => {
    const env = interpolate(gateway.environment!);
    expect(Object.keys(env).filter((k) => !(GATEWAY_ENV_VARS as readonly string[]).includes(k))).toEqual([]);
    const config = readGatewayConfig(env);
    expect(config.nodes.map((n) => n.slug).sort()).toEqual(nodeServices.map(([name]) => name).sort());
    for (const node of config.nodes) {
      const url = new URL(node.url);
      const service = compose.services[url.hostname];
      expect(service).toBeDefined();
      expect(url.pathname).toBe('/graphql');
      expect(Number(url.port)).toBe(readNodeConfig(interpolate(service.environment!)).port);
      expect(Object.keys(gateway.depends_on!)).toContain(url.hostname);
    }
    expect(config.port).toBe(4000);
  });
});
