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
const gatewayServices = Object.entries(compose.services).filter(([, s]) =>
  s.command?.join(' ').includes('gateway/dist'),
);
const gateway = compose.services.gateway;
const databaseOf = (service: Service) =>
  new URL(interpolate(service.environment!).DATABASE_URL).pathname.slice(1);
const INIT = readFileSync(join(ROOT, 'deploy', 'postgres-init.sql'), 'utf8');

describe('docker-compose.yml matches the configuration the code reads', () => {
  it('runs three community nodes, each with its own database, built from the repo', () => {
    expect(nodeServices).toHaveLength(3);
    const databases = nodeServices.map(([, s]) => new URL(interpolate(s.environment!).DATABASE_URL).pathname);
    expect(new Set(databases).size).toBe(3);
    for (const db of databases) expect(INIT).toContain(`CREATE DATABASE ${db.slice(1)};`);
    for (const [, s] of [...nodeServices, ...gatewayServices]) {
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

  it('runs two gateway replicas, the same but for the host port, on one index database of their own', () => {
    expect(gatewayServices.map(([name]) => name).sort()).toEqual(['gateway', 'gateway-replica']);
    const [[, first], [, second]] = gatewayServices;
    const { ports: firstPorts, ...firstRest } = first as Service & { ports?: string[] };
    const { ports: secondPorts, ...secondRest } = second as Service & { ports?: string[] };
    expect(secondRest).toEqual(firstRest);
    expect(new Set([...firstPorts!, ...secondPorts!].map((p) => p.split(':')[0])).size).toBe(2);

    const index = databaseOf(first);
    expect(INIT).toContain(`CREATE DATABASE ${index};`);
    expect(nodeServices.map(([, s]) => databaseOf(s))).not.toContain(index);
    expect(readGatewayConfig(interpolate(first.environment!)).index?.databaseUrl).toMatch(/@postgres:5432\//);
    expect(Object.keys(first.depends_on!)).toContain('postgres');
  });

  it('has every node ping every replica at the port it listens on, so whichever syncs hears of each change', () => {
    for (const [, service] of nodeServices) {
      const pings = readNodeConfig(interpolate(service.environment!)).feedPingUrls ?? [];
      expect(
        pings.map((url) => {
          const parsed = new URL(url);
          const replica = compose.services[parsed.hostname];
          expect(parsed.pathname).toBe('/feed/ping');
          expect(Number(parsed.port)).toBe(readGatewayConfig(interpolate(replica.environment!)).port);
          return parsed.hostname;
        }),
      ).toEqual(gatewayServices.map(([name]) => name));
    }
  });
});
