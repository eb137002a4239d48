import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildImage, type BuiltImage, ok, run, serverUrl, sql } from '@commons-graph/testing';

/**
 * The production shape, exercised without a container engine: the image's file system is rebuilt
 * from the Dockerfile, then every compose service runs its command with its compose environment
 * as an unprivileged user, against a real PostgreSQL initialised by deploy/postgres-init.sql.
 * Each service gets a loopback address of its own, standing in for its host name.
 */
const ROOT = join(__dirname, '..');
type Service = {
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
};
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const built = Object.entries(compose.services).filter(([, service]) => service.build === '.');
const UNPRIVILEGED = 65534; // the image runs as `node`; here any user without rights on the files will do

/** Host names of the compose network → loopback addresses on this machine. */
const addresses = new Map(built.map(([name], i) => [name, `127.0.0.${60 + i}`]));

/** A compose value as the container sees it (`${VAR:-default}` with nothing set), its hosts mapped. */
function localise(value: string, self: string): string {
  const database = new URL(serverUrl());
  let text = String(value).replace(/\$\{(\w+):-([^}]*)\}/g, '$2');
  text = text.replace(
    /postgres:\/\/[^@]+@postgres:5432\//g,
    `postgres://${database.username}:${database.password}@${database.host}/`,
  );
  for (const [name, address] of addresses)
    text = text.replace(new RegExp(`//${name}:`, 'g'), `//${address}:`);
  return text === '0.0.0.0'
    ? addresses.get(self)!
    : text.replace(/\/\/127\.0\.0\.1:/g, `//${addresses.get(self)}:`);
}

describe('the production image and compose file', () => {
  let into: string;
  let image: BuiltImage;
  const running: ChildProcess[] = [];

  const runAs = (argv: string[], env: Record<string, string>) =>
    run(argv[0] === 'node' ? process.execPath : argv[0], argv.slice(1), {
      cwd: join(image.root, image.workdir),
      env,
      uid: UNPRIVILEGED,
    });

  beforeAll(async () => {
    into = await mkdtemp(join(tmpdir(), 'commons-image-'));
    image = await buildImage(ROOT, into);
    const databases = [
      ...readFileSync(join(ROOT, 'deploy', 'postgres-init.sql'), 'utf8').matchAll(/CREATE DATABASE (\w+);/g),
    ].map((m) => m[1]);
    for (const name of databases) await sql(serverUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    // As the postgres image's entrypoint runs it: statement by statement (CREATE DATABASE cannot share a transaction).
    const init = readFileSync(join(ROOT, 'deploy', 'postgres-init.sql'), 'utf8').replace(/--.*$/gm, '');
    for (const statement of init
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean))
      await sql(serverUrl(), statement);
  }, 10 * 60_000);

  afterAll(async () => {
    await Promise.all(
      running.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM')),
          ),
      ),
    );
    await rm(into, { recursive: true, force: true });
  });

  it('builds from its own steps and keeps no development tooling', () => {
    expect(image.user).toBe('node');
    expect(image.env.NODE_ENV).toBe('production');
    for (const [, service] of built)
      expect(readFileSync(join(image.root, image.workdir, service.command![1]), 'utf8')).toContain(
        'require(',
      );
    expect(() =>
      readFileSync(join(image.root, image.workdir, 'node_modules', 'typescript', 'package.json')),
    ).toThrow();
  });

  it('runs every service as compose does, healthy, with the gateway answering over every node', async () => {
    // Nodes first, then the gateway replicas (compose's depends_on).
    const isGateway = ([, service]: [string, Service]) => service.command!.join(' ').includes('gateway/dist');
    const order = [...built.filter((s) => !isGateway(s)), ...built.filter(isGateway)];
    for (const [name, service] of order) {
      const env = {
        ...image.env,
        PATH: process.env.PATH!,
        ...Object.fromEntries(
          Object.entries(service.environment ?? {}).map(([k, v]) => [k, localise(v, name)]),
        ),
      };
      const child = spawn(process.execPath, service.command!.slice(1), {
        cwd: join(image.root, image.workdir),
        env,
        uid: UNPRIVILEGED,
        gid: UNPRIVILEGED,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      running.push(child);
      let output = '';
      for (const stream of [child.stdout!, child.stderr!])
        stream.on('data', (chunk) => (output = (output + chunk).slice(-2000)));
      const [, ...check] = service.healthcheck!.test;
      const checkArgv = check.map((arg) => localise(arg, name));
      let healthy = false;
      for (let attempt = 0; attempt < 120 && !healthy && child.exitCode === null; attempt++) {
        healthy = await runAs(checkArgv, env).then(
          () => true,
          () => false,
        );
        if (!healthy) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect({ service: name, healthy, output: healthy ? '' : output }).toEqual({
        service: name,
        healthy: true,
        output: '',
      });
    }
    const nodeSlugs = built
      .filter((s) => !isGateway(s))
      .map(([slug]) => slug)
      .sort();
    // Both replicas serve; the index they read is the one database the syncing replica writes.
    const SYNCED = `{ nodes { slug status sync { lag lastSyncAt } } artifacts(first: 5) { totalCount } }`;
    for (const [name, service] of built.filter(isGateway)) {
      const url = `http://${addresses.get(name)}:${service.environment!.PORT}/graphql`;
      let data = await ok(url, SYNCED);
      for (let i = 0; i < 100 && data.nodes.some((n: any) => !n.sync?.lastSyncAt); i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        data = await ok(url, SYNCED);
      }
      expect({ replica: name, nodes: data.nodes }).toEqual({
        replica: name,
        nodes: nodeSlugs.map((slug) => ({
          slug,
          status: 'UP',
          sync: { lag: 0, lastSyncAt: expect.any(String) },
        })),
      });
      expect(data.artifacts.totalCount).toBe(0);
    }
    // Exactly one replica holds the sync lock on the index database.
    const index = new URL(localise(compose.services.gateway.environment!.DATABASE_URL, 'gateway'));
    const [{ holders }] = await sql<{ holders: string }>(
      serverUrl(),
      `select count(*) as holders from pg_locks l join pg_database d on d.oid = l.database
       where l.locktype = 'advisory' and l.granted and d.datname = $1`,
      [index.pathname.slice(1)],
    );
    expect(Number(holders)).toBe(1);

    // The pages for people ship in the image: the explorer on each replica, the desk on each node,
    // each with its bundle, under the strict policy.
    const pages = [];
    for (const [name, service] of built) {
      const page = new URL(
        isGateway([name, service]) ? '/' : '/desk',
        `http://${addresses.get(name)}:${service.environment!.PORT}`,
      );
      const answer = await fetch(page);
      const html = await answer.text();
      const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
      const bundle = script ? await fetch(new URL(script, page)) : undefined;
      pages.push({
        service: name,
        status: answer.status,
        policy: answer.headers.get('content-security-policy'),
        bundle: bundle && {
          status: bundle.status,
          type: bundle.headers.get('content-type'),
          size: (await bundle.arrayBuffer()).byteLength > 1000,
        },
      });
    }
    expect(pages).toEqual(
      built.map(([name]) => ({
        service: name,
        status: 200,
        policy: expect.stringContaining("script-src 'self'"),
        bundle: { status: 200, type: expect.stringContaining('javascript'), size: true },
      })),
    );
  });
});
