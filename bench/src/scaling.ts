import { performance } from 'node:perf_hooks';
import { startGateway } from '@commons-graph/gateway';
import pino from 'pino';
import { fmt, median, percentile } from './stats';
import { startStub, syntheticNode, type StubNode } from './stubs';

const QUERY = `{ artifacts(first: 50) { edges { node { id title adoptions { id } feedback { id } } } } }`;

async function post(url: string, query: string): Promise<{ ms: number; errors: number }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown[] };
  return { ms: performance.now() - started, errors: body.errors?.length ?? 0 };
}

export interface ScalingRow {
  nodes: number;
  readyMs: number;
  p50: number;
  p95: number;
  overheadP50: number;
  requestsPerNode: number;
  rssMb: number;
  note: string;
}

/**
 * N stub nodes answer after 5 ms, every twentieth after 25 ms (a long tail); the query takes two
 * levels, so the slowest path through the nodes is twice the slowest node's latency.
 */
export async function scaling(counts: number[], runs: number, straggler: boolean): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  for (const n of counts) {
    const latencyOf = (i: number) => (i % 20 === 19 ? 25 : 5);
    const stubs: StubNode[] = await Promise.all(
      Array.from({ length: n }, (_, i) => startStub(`node-${i}`, syntheticNode(`node-${i}`, 50, i), () => latencyOf(i))),
    );
    const extra: StubNode[] = straggler ? [await startStub('straggler', syntheticNode('straggler', 50, n), () => 3000)] : [];
    const started = performance.now();
    const gateway = await startGateway(
      {
        host: '127.0.0.1', port: 0, nodes: [...stubs, ...extra].map((s) => ({ slug: s.slug, url: s.url })),
        nodeTimeoutMs: 2000, probeIntervalMs: 0, breakerThreshold: 5, breakerCooldownMs: 30_000, corsOrigins: '*', logLevel: 'silent',
      },
      { logger: pino({ level: 'silent' }) },
    );
    const readyMs = performance.now() - started;
    await post(gateway.graphqlUrl, QUERY); // warm-up
    const before = stubs.reduce((s, x) => s + x.count, 0);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await post(gateway.graphqlUrl, QUERY)).ms);
    const sent = stubs.reduce((s, x) => s + x.count, 0) - before;
    // Two levels (a page, then adoptions and feedback), each waiting for its slowest node.
    const slowestPath = 2 * Math.max(...stubs.map((_, i) => latencyOf(i)));
    rows.push({
      nodes: n,
      readyMs,
      p50: median(times),
      p95: percentile(times, 95),
      overheadP50: median(times) - slowestPath,
      requestsPerNode: sent / runs / n,
      rssMb: process.memoryUsage().rss / 1024 / 1024,
      note: straggler ? 'plus one straggler beyond the 2 s timeout (skipped by the breaker after 5 failures)' : '',
    });
    await gateway.stop();
    await Promise.all([...stubs, ...extra].map((s) => s.close()));
  }
  return rows;
}

export function scalingTable(rows: ScalingRow[]): string {
  const lines = [
    '| nodes | ready | p50 | p95 | p50 − slowest node path | requests per node per query | RSS | note |',
    '|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.nodes} | ${fmt(r.readyMs)} ms | ${fmt(r.p50)} ms | ${fmt(r.p95)} ms | ${fmt(r.overheadP50)} ms | ${fmt(r.requestsPerNode, 2)} | ${fmt(r.rssMb, 0)} MB | ${r.note} |`),
  ];
  return lines.join('\n');
}
