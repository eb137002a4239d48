import type { SectionContext } from './context';
import { checkAnswer, sequential } from './load';
import { startCommunityNodes, startOurGateway, type ServerProcess } from './processes';
import { LINKED_PAGE } from './queries';
import { seedLinkedNode } from './seed';
import { fmt, ms } from './stats';

/**
 * Scaling with real nodes: N community nodes (a database each on the run's PostgreSQL, spread over
 * two processes so they can use both cores) seeded with cross-node links, and our gateway over the
 * first N of them, for as many N as the machine holds: the first N whose answers come back with a
 * node missing (a timeout) ends the series.
 */
export interface RealNodesRow {
  nodes: number;
  readyMs: number;
  startMs: number;
  p50: number;
  p95: number;
  meanPerNode: number;
  maxPerNode: number;
  gatewayCpuMsPerQuery: number;
  rssMb: number;
}

export interface RealNodesResult {
  rows: RealNodesRow[];
  /** The N the machine did not hold, and why. */
  notHeld?: { nodes: number; reason: string };
  runs: number;
  nodeCount: number;
  nodeProcesses: number;
  startNodesMs: number;
}

const ARTIFACTS_PER_NODE = 50;
const PROCESSES = 2;
const slugsFor = (n: number) => Array.from({ length: n }, (_, i) => `real-${String(i).padStart(2, '0')}`);

type Counters = { requests: Record<string, number> };

export async function realNodes(ctx: SectionContext): Promise<RealNodesResult> {
  const { counts, runs } = ctx.profile.realNodes;
  const slugs = slugsFor(Math.max(...counts));
  const database = await ctx.database();
  const urls = await Promise.all(slugs.map((slug) => database.create(slug.replace('-', '_'))));
  const groups = Array.from({ length: Math.min(PROCESSES, slugs.length) }, (_, g) =>
    slugs.map((slug, i) => ({ slug, databaseUrl: urls[i], i })).filter(({ i }) => i % PROCESSES === g),
  );
  const started: ServerProcess[] = [];
  try {
    const before = performance.now();
    const processes = await Promise.all(
      groups.map((group, g) =>
        startCommunityNodes(ctx.tmp, `community nodes ${g + 1}`, {
          nodes: group.map(({ slug, databaseUrl }) => ({ slug, databaseUrl })),
          countSql: false,
        }),
      ),
    );
    const startNodesMs = performance.now() - before;
    started.push(...processes);
    const nodeUrls: Record<string, string> = Object.assign({}, ...processes.map((p) => p.urls));
    await Promise.all(slugs.map((_, i) => seedLinkedNode(urls[i], slugs, i, ARTIFACTS_PER_NODE)));
    const requests = async () =>
      Object.assign(
        {},
        ...(await Promise.all(processes.map((p) => p.request<Counters>('counters')))).map((c) => c.requests),
      ) as Record<string, number>;

    const result: RealNodesResult = {
      rows: [],
      runs,
      nodeCount: slugs.length,
      nodeProcesses: processes.length,
      startNodesMs,
    };
    for (const n of counts) {
      ctx.log(`  ${n} real nodes`);
      const included = slugs.slice(0, n);
      const gateway = await startOurGateway(
        ctx.tmp,
        Object.fromEntries(included.map((slug) => [slug, nodeUrls[slug]])),
      );
      try {
        await checkAnswer(gateway.url, LINKED_PAGE.request);
        const [r0, g0] = await Promise.all([requests(), gateway.usage()]);
        const times = await sequential(gateway.url, LINKED_PAGE.request, runs);
        const [r1, g1] = await Promise.all([requests(), gateway.usage()]);
        const perNode = included.map((slug) => (r1[slug] - r0[slug]) / runs);
        result.rows.push({
          nodes: n,
          readyMs: gateway.readyMs,
          startMs: Number(gateway.info.startMs),
          p50: times.p50,
          p95: times.p95,
          meanPerNode: perNode.reduce((a, b) => a + b, 0) / n,
          maxPerNode: Math.max(...perNode),
          gatewayCpuMsPerQuery: (g1.cpuMicros - g0.cpuMicros) / runs / 1000,
          rssMb: g1.rss / 1024 / 1024,
        });
      } catch (error) {
        // Every N after the first is allowed to be more than this machine holds; say so and stop.
        if (!result.rows.length) throw error;
        result.notHeld = {
          nodes: n,
          reason: (error as Error).message.replace(/https?:\/\/\S+/g, 'the gateway'),
        };
        break;
      } finally {
        await gateway.stop();
      }
    }
    return result;
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

export function renderRealNodes(result: RealNodesResult): string {
  const lines = [
    `Real community nodes (NODE_ENV=production) spread over ${result.nodeProcesses} processes (${result.nodeCount} nodes started in ${ms(result.startNodesMs, 0)},`,
    `migrations included), each with its own database on the run's one embedded PostgreSQL, seeded with`,
    `${ARTIFACTS_PER_NODE} artifacts published over a year, derivations from the next node, adoptions of and feedback on other`,
    `nodes' artifacts. Our gateway in its own process over the first N nodes; \`${LINKED_PAGE.name}\`,`,
    `${result.runs} sequential runs after a warm-up, each answer checked for errors. Requests per node are counted by the`,
    `nodes' processes (HTTP requests received) over those runs. Nodes, PostgreSQL and the gateway share the`,
    `machine's cores, so latency here includes their contention.`,
    '',
    '| nodes | ready | startGateway | p50 | p95 | requests per node per query (mean / max) | gateway CPU per query | gateway RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...result.rows.map(
      (r) =>
        `| ${r.nodes} | ${ms(r.readyMs, 0)} | ${ms(r.startMs, 0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${fmt(r.meanPerNode, 2)} / ${fmt(r.maxPerNode, 2)} | ${ms(r.gatewayCpuMsPerQuery, 2)} | ${fmt(r.rssMb, 0)} MB |`,
    ),
  ];
  if (result.notHeld) {
    lines.push('', `At ${result.notHeld.nodes} nodes this machine did not hold: ${result.notHeld.reason}.`);
  }
  return lines.join('\n');
}
