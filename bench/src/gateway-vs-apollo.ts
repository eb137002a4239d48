import { fork, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startCommunityNode, startEmbeddedPostgres } from '@commons-graph/community-node';
import pino from 'pino';
import { seed } from './node-cost';
import { fmt, median } from './stats';

const QUERY = '{ artifacts(first: 50) { edges { node { id title licence { spdx name } } } } }';

/** Records a real node's answers by request body, then replays them: only gateway work is measured. */
async function recordingProxy(target: string): Promise<{ url: string; replayOnly(): void; close(): Promise<void> }> {
  const recorded = new Map<string, { status: number; body: string }>();
  let forward = true;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', async () => {
      let answer = recorded.get(body);
      if (!answer && forward) {
        const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' }, body });
        answer = { status: response.status, body: await response.text() };
        recorded.set(body, answer);
      }
      if (!answer) answer = { status: 500, body: JSON.stringify({ errors: [{ message: 'not recorded' }] }) };
      res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer.body) });
      res.end(answer.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    replayOnly: () => (forward = false),
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

interface Usage { cpuMicros: number; rss: number; loopDelayP99Ms: number; loopDelayMeanMs: number }

function startServer(script: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string; usage(): Promise<Usage> }> {
  const child = fork(join(__dirname, 'servers', script), [], { execArgv: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [], env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const usage = () => new Promise<Usage>((resolve) => {
    const onMessage = (m: unknown) => {
      if (m && typeof m === 'object' && 'cpuMicros' in m) {
        child.off('message', onMessage);
        resolve(m as Usage);
      }
    };
    child.on('message', onMessage);
    child.send('usage');
  });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { ready?: string }) => m?.ready && resolve({ child, url: m.ready, usage }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

export interface ComparisonRow {
  server: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMicrosPerRequest: number;
  rssMb: number;
  loopDelayP99Ms: number;
}

async function load(url: string, seconds: number, rate?: number) {
  return autocannon({
    url, method: 'POST', duration: seconds, connections: rate ? 10 : 50, ...(rate ? { overallRate: rate } : {}),
    headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }),
  });
}

/**
 * Our gateway and `@apollo/gateway`, each in its own process, over the same recorded node, on the
 * same query: throughput at 50 connections, latency at a fixed rate, CPU per request, RSS, loop delay.
 * Rounds interleave the two so drift hits both alike.
 */
export async function gatewayVsApollo(seconds: number, rounds: number): Promise<ComparisonRow[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'commons-bench-gw-'));
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedPostgres(dataDir, 'bench');
  const node = await startCommunityNode(
    { slug: 'bench', name: 'Bench', host: '127.0.0.1', port: 0, databaseUrl: database.url, dataDir, logLevel: 'silent', maxPageSize: 100 },
    { logger: pino({ level: 'silent' }) },
  );
  const proxy = await recordingProxy(node.publicUrl);
  const servers: Array<{ name: string; child: ChildProcess; url: string; usage(): Promise<Usage> }> = [];
  try {
    await seed(database.url, 60);
    servers.push({ name: 'Commons gateway', ...(await startServer('ours.js', { NODES: `bench=${proxy.url}` })) });
    servers.push({ name: '@apollo/gateway 2.14', ...(await startServer('apollo.js', { NODE_URL: proxy.url })) });
    for (const s of servers) {
      const warm = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) }).then((r) => r.json()) as { errors?: unknown };
      if (warm.errors) throw new Error(`${s.name}: ${JSON.stringify(warm.errors)}`);
    }
    proxy.replayOnly();
    const samples = new Map<string, ComparisonRow[]>();
    for (let round = 0; round < rounds; round++) {
      for (const s of servers) {
        s.child.send('reset');
        const before = await s.usage();
        const throughput = await load(s.url, seconds);
        const after = await s.usage();
        const fixed = await load(s.url, seconds, 100);
        const row: ComparisonRow = {
          server: s.name,
          rps: throughput.requests.average,
          p50: fixed.latency.p50,
          p95: (fixed.latency as unknown as Record<string, number>).p97_5 ?? fixed.latency.p99,
          p99: fixed.latency.p99,
          cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / Math.max(1, throughput.requests.total),
          rssMb: after.rss / 1024 / 1024,
          loopDelayP99Ms: after.loopDelayP99Ms,
        };
        samples.set(s.name, [...(samples.get(s.name) ?? []), row]);
      }
    }
    return [...samples].map(([server, rows]) => ({
      server,
      rps: median(rows.map((r) => r.rps)),
      p50: median(rows.map((r) => r.p50)),
      p95: median(rows.map((r) => r.p95)),
      p99: median(rows.map((r) => r.p99)),
      cpuMicrosPerRequest: median(rows.map((r) => r.cpuMicrosPerRequest)),
      rssMb: median(rows.map((r) => r.rssMb)),
      loopDelayP99Ms: median(rows.map((r) => r.loopDelayP99Ms)),
    }));
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await proxy.close();
    await node.stop();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function comparisonTable(rows: ComparisonRow[]): string {
  const [ours, apollo] = rows;
  const lines = [
    '| server | requests/s (50 conn.) | p50 at 100 req/s | p97.5 | p99 | CPU µs/request | RSS | loop delay p99 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.server} | ${fmt(r.rps, 0)} | ${fmt(r.p50)} ms | ${fmt(r.p95)} ms | ${fmt(r.p99)} ms | ${fmt(r.cpuMicrosPerRequest, 0)} | ${fmt(r.rssMb, 0)} MB | ${fmt(r.loopDelayP99Ms)} ms |`),
  ];
  if (ours && apollo) {
    lines.push('', `Ratios, ours ÷ Apollo: requests/s ${fmt(ours.rps / apollo.rps, 2)}× (target ≥ 3×), CPU per request ${fmt(ours.cpuMicrosPerRequest / apollo.cpuMicrosPerRequest, 2)}×, p99 ${fmt(ours.p99 / apollo.p99, 2)}× (target ≤ 0.4×).`);
  }
  return lines.join('\n');
}
