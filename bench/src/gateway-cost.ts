import { join } from 'node:path';
import { asCommonsAnswer } from './answers';
import {
  compareQueries,
  medianOf,
  over,
  sameAnswers,
  type PathAnswer,
  type Sample,
  type Target,
} from './compare';
import type { SectionContext } from './context';
import { checkAnswer } from './load';
import { startBothGateways, startCommunityNodes, startStubNodes, type ServerProcess } from './processes';
import { PAGE, lookup, type BenchQuery } from './queries';
import { recordingProxy } from './recording';
import { seedArtifacts } from './seed';
import type { StubCounters } from './servers/stub-nodes';
import { fmt, ms, spread } from './stats';

/**
 * Gateway cost, isolated: our gateway and `@apollo/gateway`, each in its own process, over a stub
 * process that replays what a real node answered to each of them, so only gateway work is measured.
 */
export const OURS = 'Commons gateway';
export const APOLLO = '@apollo/gateway 2.14';

export interface GatewayCostResult {
  queries: Array<{ query: string; rate: number; samples: Record<string, Sample[]> }>;
  recorded: number;
  rounds: number;
  seconds: number;
  connections: number;
}

function queries(): BenchQuery[] {
  return [PAGE, lookup('bench', (i) => `bench-${i}`)];
}

const DIRECT = 'the real node, asked directly';

/**
 * Warms each gateway with each query through a recording proxy in front of a real node, after
 * checking that both answer as the node itself does; returns the node's answers.
 */
async function record(
  ctx: SectionContext,
): Promise<{ path: string; size: number; direct: Map<string, PathAnswer> }> {
  const database = await ctx.database();
  const url = await database.create('gateway_cost');
  const started: ServerProcess[] = [];
  const node = await startCommunityNodes(ctx.tmp, 'node (recorded)', {
    nodes: [{ slug: 'bench', databaseUrl: url }],
    countSql: false,
  });
  started.push(node);
  const proxy = await recordingProxy('bench', node.urls.bench);
  try {
    await seedArtifacts(url, 60);
    const gateways = await startBothGateways(ctx.tmp, proxy.url);
    started.push(...gateways);
    const direct = new Map<string, PathAnswer>();
    for (const query of queries()) {
      const reference = {
        path: DIRECT,
        data: asCommonsAnswer(await checkAnswer(node.urls.bench, query.request)),
      };
      direct.set(query.name, reference);
      const targets = [
        { name: `${OURS} (recording)`, url: gateways[0].url },
        { name: `${APOLLO} (recording)`, url: gateways[1].url },
      ];
      await sameAnswers(targets, query, reference);
      await sameAnswers(targets, query, reference);
    }
    const path = join(ctx.tmp, 'recording.json');
    await proxy.save(path);
    return { path, size: proxy.size(), direct };
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    await proxy.close();
  }
}

async function checkReplay(stubs: ServerProcess): Promise<void> {
  const counters = await stubs.request<StubCounters>('counters');
  if (counters.unknown || counters.failures) {
    throw new Error(
      `the replay stub got ${counters.unknown} requests it had not recorded: ${counters.samples.join(' | ')}`,
    );
  }
}

export async function gatewayCost(ctx: SectionContext): Promise<GatewayCostResult> {
  const { seconds, rounds, connections } = ctx.profile.gatewayCost;
  const recording = await record(ctx);
  const started: ServerProcess[] = [];
  try {
    const stubs = await startStubNodes(ctx.tmp, 'replay stub', {
      mode: 'replay',
      recording: recording.path,
      nodes: [{ slug: 'bench', latencyMs: 0 }],
    });
    started.push(stubs);
    const [ours, apollo] = await startBothGateways(ctx.tmp, stubs.urls.bench);
    started.push(ours, apollo);
    const targets: Target[] = [
      { name: OURS, url: ours.url, watch: { gateway: ours } },
      { name: APOLLO, url: apollo.url, watch: { gateway: apollo } },
    ];
    // Over the replay, both must still answer as the real node did.
    for (const query of queries()) await sameAnswers(targets, query, recording.direct.get(query.name));
    await checkReplay(stubs);
    const result: GatewayCostResult = { queries: [], recorded: recording.size, rounds, seconds, connections };
    result.queries.push(
      ...(await compareQueries(targets, queries(), ctx.profile.gatewayCost, (line) => ctx.log(line))),
    );
    await checkReplay(stubs);
    return result;
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

const gatewayOf = (s: Sample) => s.processes.gateway;
/** Requests one core would serve: 1e6 / CPU µs per request of the gateway process. */
export const perCore = (s: Sample) => 1e6 / gatewayOf(s).cpuMicrosPerRequest;

export function renderGatewayCost(result: GatewayCostResult): string {
  const lines = [
    `Both gateways run as separate processes (NODE_ENV=production) over one stub node, a third process that`,
    `replays what a real node on PostgreSQL answered to each gateway's own requests (${result.recorded} distinct`,
    `requests recorded by a proxy while warming both gateways; an unrecorded request would fail the run). The`,
    `load comes from the bench process. Throughput: autocannon, ${result.connections} connections, ${result.seconds} s. On 2 shared cores`,
    `the load generator, the stub and the gateway compete for CPU, so requests/s is partly harness-bound; the`,
    `fair figure is **requests/s per core = 1e6 ÷ the gateway process's CPU µs per request** (user + system,`,
    `\`process.cpuUsage\`, over the throughput run). Latency: after a pause, an open-loop schedule at a fixed`,
    `rate (half the slower gateway's throughput, at most 100/s) for ${result.seconds} s, exact percentiles of every response.`,
    `Before any timing, both gateways' answers to each query, while recording and over the replay, must equal`,
    `the real node's own answer to it (the schemas agree on every field selected, so nothing is mapped), or the`,
    `run fails naming the query and the first difference. Every answer under load must be a 200 without`,
    `GraphQL errors.`,
    `RSS and event-loop delay (\`monitorEventLoopDelay\`, p50 / p99 over the throughput run) are the gateway`,
    `process's. Medians over ${result.rounds} interleaved rounds; (min–max) over rounds where there were several.`,
    '',
    '| query | gateway | requests/s | requests/s per core | CPU µs/request | rate | p50 | p95 | p99 | RSS | loop delay p50 / p99 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { query, rate, samples } of result.queries) {
    for (const [gateway, list] of Object.entries(samples)) {
      lines.push(
        `| ${query} | ${gateway} | ${spread(
          over(list, (s) => s.rps),
          0,
        )} | ${spread(over(list, perCore), 0)} | ` +
          `${fmt(
            medianOf(list, (s) => gatewayOf(s).cpuMicrosPerRequest),
            0,
          )} | ${rate}/s | ${ms(medianOf(list, (s) => s.p50))} | ` +
          `${spread(
            over(list, (s) => s.p95),
            1,
            ' ms',
          )} | ${ms(medianOf(list, (s) => s.p99))} | ${fmt(
            medianOf(list, (s) => gatewayOf(s).rssMb),
            0,
          )} MB | ` +
          `${ms(medianOf(list, (s) => gatewayOf(s).loopDelayP50Ms))} / ${ms(medianOf(list, (s) => gatewayOf(s).loopDelayP99Ms))} |`,
      );
    }
  }
  lines.push('', 'Ours ÷ Apollo (medians):', '');
  for (const ratio of gatewayRatios(result)) {
    lines.push(
      `- ${ratio.query}: requests/s ${fmt(ratio.rps, 2)}×, requests/s per core ${fmt(ratio.perCore, 2)}× (target ≥ 3×), p95 ${fmt(ratio.p95, 2)}× (target ≤ 0.4×).`,
    );
  }
  return lines.join('\n');
}

export function gatewayRatios(result: GatewayCostResult) {
  return result.queries.map(({ query, samples }) => {
    const ours = samples[OURS];
    const apollo = samples[APOLLO];
    return {
      query,
      rps: medianOf(ours, (s) => s.rps) / medianOf(apollo, (s) => s.rps),
      perCore: medianOf(ours, perCore) / medianOf(apollo, perCore),
      p95: medianOf(ours, (s) => s.p95) / medianOf(apollo, (s) => s.p95),
    };
  });
}
