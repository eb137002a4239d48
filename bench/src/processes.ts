import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommunityNodesConfig } from './servers/community-nodes';
import type { Usage } from './servers/ipc';
import type { StubNodesConfig } from './servers/stub-nodes';

export type { Usage };

/**
 * Every server the bench measures runs in a process of its own, so that CPU time and RSS are
 * that server's. Children run with NODE_ENV=production (as deployments do) and report over IPC.
 */
export interface ServerProcess {
  name: string;
  pid: number;
  /** What the child announced when ready (its URL and anything else it measured). */
  info: Record<string, any>;
  url: string;
  /** From fork to the ready message. */
  readyMs: number;
  request<T>(type: string, payload?: Record<string, unknown>): Promise<T>;
  usage(): Promise<Usage>;
  /** Starts a new event-loop delay window. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ServerProcess>();

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Forks `servers/<script>` and waits for its ready message. `BENCH_CPU_PROF=<dir>` profiles it. */
export async function startServer(
  name: string,
  script: string,
  env: Record<string, string> = {},
  readyTimeoutMs = 120_000,
): Promise<ServerProcess> {
  const profile = process.env.BENCH_CPU_PROF;
  const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const forkedAt = performance.now();
  const child = fork(join(__dirname, 'servers', script), [], {
    execArgv,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let exitError: Error | undefined;
  const ready = new Promise<Record<string, any>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready within ${readyTimeoutMs} ms`)),
      readyTimeoutMs,
    );
    child.on(
      'message',
      (message: { ready?: Record<string, any>; id?: number; result?: unknown; error?: string }) => {
        if (message?.ready) {
          clearTimeout(timer);
          resolve(message.ready);
        } else if (typeof message?.id === 'number') {
          const waiter = pending.get(message.id);
          pending.delete(message.id);
          if (message.error) waiter?.reject(new Error(`${name}: ${message.error}`));
          else waiter?.resolve(message.result);
        }
      },
    );
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      exitError = new Error(`${name} exited (${signal ?? code})`);
      reject(exitError);
      for (const waiter of pending.values()) waiter.reject(exitError);
      pending.clear();
    });
  });

  const server: ServerProcess = {
    name,
    pid: child.pid ?? -1,
    info: {},
    url: '',
    readyMs: 0,
    request: <T>(type: string, payload: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        if (exitError || exited(child)) return reject(exitError ?? new Error(`${name} is not running`));
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ ...payload, id, type });
      }),
    usage: () => server.request<Usage>('usage'),
    reset: () => server.request<void>('reset'),
    stop: async () => {
      running.delete(server);
      if (exited(child)) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const stopping = performance.now();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
      await gone;
      clearTimeout(timer);
      if (process.env.BENCH_VERBOSE)
        process.stderr.write(`  ${name} stopped in ${(performance.now() - stopping).toFixed(0)} ms\n`);
    },
  };
  running.add(server);
  // Profiles are named after the process id: say whose is whose.
  if (profile) process.stderr.write(`  profiling ${name} as pid ${server.pid}\n`);
  try {
    server.info = await ready;
  } catch (error) {
    await server.stop();
    throw error;
  }
  server.readyMs = performance.now() - forkedAt;
  server.url = String(server.info.url ?? '');
  if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${name} ready in ${server.readyMs.toFixed(0)} ms\n`);
  return server;
}

const helpers = new Set<ChildProcess>();

/** A helper process (not a server) that `stopAll` kills if it is still running. */
export function track(child: ChildProcess): void {
  helpers.add(child);
  child.once('exit', () => helpers.delete(child));
}

/** Stops every server and helper still running (the bench's `finally`). */
export async function stopAll(): Promise<void> {
  for (const child of helpers) child.kill('SIGKILL');
  await Promise.all([...running].map((server) => server.stop()));
}

let configs = 0;
async function configFile(dir: string, value: unknown): Promise<string> {
  const path = join(dir, `server-config-${++configs}.json`);
  await writeFile(path, JSON.stringify(value));
  return path;
}

/** Real community nodes, all in one process (see servers/community-nodes.ts). */
export async function startCommunityNodes(
  dir: string,
  name: string,
  config: CommunityNodesConfig,
): Promise<ServerProcess & { urls: Record<string, string> }> {
  const server = await startServer(name, 'community-nodes.js', {
    BENCH_NODES_CONFIG: await configFile(dir, config),
  });
  return Object.assign(server, { urls: server.info.urls as Record<string, string> });
}

/** Stub nodes, all in one process (see servers/stub-nodes.ts). */
export async function startStubNodes(
  dir: string,
  name: string,
  config: StubNodesConfig,
): Promise<ServerProcess & { urls: Record<string, string> }> {
  const server = await startServer(name, 'stub-nodes.js', {
    BENCH_STUB_CONFIG: await configFile(dir, config),
  });
  return Object.assign(server, { urls: server.info.urls as Record<string, string> });
}

/** Our gateway over the given nodes (slug → URL), configured through its environment like a deployment. */
export async function startOurGateway(
  dir: string,
  nodes: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const list = Object.entries(nodes).map(([slug, url]) => ({ slug, url }));
  // The load generator is one client asking far more than any person would: a budget it never
  // exhausts keeps the per-client limit in the measured path without refusing the load.
  const unlimited = { RATE_LIMIT_POINTS: '1000000000' };
  return startServer('our gateway', 'ours.js', {
    NODES: '',
    NODES_FILE: await configFile(dir, list),
    LOG_LEVEL: 'silent',
    ...unlimited,
    ...env,
  });
}

/** Our gateway keeping a Commons index on `databaseUrl` and answering from it (see servers/indexed.ts). */
export async function startIndexedGateway(
  dir: string,
  nodes: Record<string, string>,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const list = Object.entries(nodes).map(([slug, url]) => ({ slug, url }));
  return startServer('indexed gateway', 'indexed.js', {
    NODES: '',
    NODES_FILE: await configFile(dir, list),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_POINTS: '1000000000',
    DATABASE_URL: databaseUrl,
    COMMONS_SOURCE: 'index',
    SYNC_INTERVAL_MS: '0',
    ...env,
  });
}

export function startApolloGateway(nodeUrl: string): Promise<ServerProcess> {
  return startServer('@apollo/gateway', 'apollo.js', { NODE_URL: nodeUrl });
}

/** Our gateway and Apollo's over one node, started side by side; if one fails, the other is stopped. */
export async function startBothGateways(
  dir: string,
  nodeUrl: string,
): Promise<[ServerProcess, ServerProcess]> {
  const [ours, apollo] = await Promise.allSettled([
    startOurGateway(dir, { bench: nodeUrl }),
    startApolloGateway(nodeUrl),
  ]);
  if (ours.status === 'fulfilled' && apollo.status === 'fulfilled') return [ours.value, apollo.value];
  await Promise.all([ours, apollo].map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
  throw ours.status === 'rejected' ? ours.reason : (apollo as PromiseRejectedResult).reason;
}
