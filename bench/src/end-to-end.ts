import { SYNC_DEFAULTS } from '@commons-graph/gateway';
import { asCommonsAnswer } from './answers';
import { compareQueries, medianOf, over, sameAnswers, type Sample, type Target } from './compare';
import type { SectionContext } from './context';
import { APOLLO, OURS } from './gateway-cost';
import { checkAnswer } from './load';
import { startBothGateways, startCommunityNodes, startIndexedGateway, type ServerProcess } from './processes';
import { PAGE, lookup, type BenchQuery } from './queries';
import { seedArtifacts } from './seed';
import { fmt, ms, spread } from './stats';

/** End to end: the same queries against a real node on PostgreSQL, directly and through each gateway. */
const DIRECT = 'direct to the node';
/** Our gateway answering from its Commons index (issue 12), synced from the node's change feed. */
export const INDEXED = `${OURS}, from its index`;

export interface EndToEndResult {
  queries: Array<{ query: string; rate: number; samples: Record<string, Sample[]> }>;
  rounds: number;
  seconds: number;
  connections: number;
}

function queries(): BenchQuery[] {
  return [PAGE, lookup('bench', (i) => `bench-${i}`)];
}

export async function endToEnd(ctx: SectionContext): Promise<EndToEndResult> {
  const { seconds, rounds, connections } = ctx.profile.endToEnd;
  const database = await ctx.database();
  const url = await database.create('end_to_end');
  const started: ServerProcess[] = [];
  try {
    const node = await startCommunityNodes(ctx.tmp, 'node', {
      nodes: [{ slug: 'bench', databaseUrl: url }],
      countSql: false,
    });
    started.push(node);
    await seedArtifacts(url, 60);
    const [ours, apollo] = await startBothGateways(ctx.tmp, node.urls.bench);
    started.push(ours, apollo);
    // Its index on the run's PostgreSQL, pulling the feed every period as deployed; timed once synced.
    const indexed = await startIndexedGateway(
      ctx.tmp,
      { bench: node.urls.bench },
      await database.create('end_to_end_index'),
      { SYNC_INTERVAL_MS: String(SYNC_DEFAULTS.syncIntervalMs) },
    );
    started.push(indexed);
    await indexed.request('synced');
    const targets: Target[] = [
      { name: DIRECT, url: node.urls.bench, watch: { node } },
      { name: APOLLO, url: apollo.url, watch: { node, gateway: apollo } },
      { name: OURS, url: ours.url, watch: { node, gateway: ours } },
      { name: INDEXED, url: indexed.url, watch: { node, gateway: indexed } },
    ];
    // The node's answer, mapped to the Commons schema, is what every gateway must answer.
    for (const query of queries()) {
      const direct = {
        path: DIRECT,
        data: asCommonsAnswer(await checkAnswer(node.urls.bench, query.request)),
      };
      await sameAnswers(targets.slice(1), query, direct);
    }
    const result: EndToEndResult = { queries: [], rounds, seconds, connections };
    result.queries.push(
      ...(await compareQueries(targets, queries(), ctx.profile.endToEnd, (line) => ctx.log(line))),
    );
    return result;
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

/** p50 of each target ÷ p50 direct to the node, per query. */
export function endToEndRatios(result: EndToEndResult) {
  return result.queries.map(({ query, samples }) => {
    const direct = medianOf(samples[DIRECT], (s) => s.p50);
    return {
      query,
      ours: medianOf(samples[OURS], (s) => s.p50) / direct,
      indexed: medianOf(samples[INDEXED], (s) => s.p50) / direct,
      apollo: medianOf(samples[APOLLO], (s) => s.p50) / direct,
    };
  });
}

export function renderEndToEnd(result: EndToEndResult): string {
  const lines = [
    `One real community node in its own process (NODE_ENV=production) on the run's embedded PostgreSQL, seeded`,
    `with 60 published artifacts; each gateway in its own process in front of it. "${INDEXED}" answers from`,
    `its Commons index (COMMONS_SOURCE=index, on the run's PostgreSQL), synced from the node's change feed before`,
    `any timing and pulling it every ${SYNC_DEFAULTS.syncIntervalMs / 1000} s as deployed: it sends the node no request per query. Throughput: autocannon,`,
    `${result.connections} connections (what one node serves within the gateways' node timeout), ${result.seconds} s; latency: after a`,
    `pause, open loop at a fixed rate (half the slowest target's throughput, at most 100/s), exact percentiles;`,
    `node CPU µs per request is the node process's over the throughput run (PostgreSQL's own CPU is not`,
    `included). Before any timing, the answers of the four paths to each query must be equal (the node's and the
gateways' schemas agree on every field selected, so nothing is mapped), or the run fails naming the query
and the first difference; every answer under load must be a 200 without GraphQL errors. Medians over`,
    `${result.rounds} interleaved rounds; (min–max) over rounds.`,
    '',
    '| query | path | requests/s | rate | p50 | p95 | p99 | node CPU µs/request | p50 ÷ direct |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { query, rate, samples } of result.queries) {
    const direct = medianOf(samples[DIRECT], (s) => s.p50);
    for (const [path, list] of Object.entries(samples)) {
      const p50 = medianOf(list, (s) => s.p50);
      lines.push(
        `| ${query} | ${path} | ${spread(
          over(list, (s) => s.rps),
          0,
        )} | ${rate}/s | ${ms(p50)} | ${spread(
          over(list, (s) => s.p95),
          1,
          ' ms',
        )} | ` +
          `${ms(medianOf(list, (s) => s.p99))} | ${fmt(
            medianOf(list, (s) => s.processes.node.cpuMicrosPerRequest),
            0,
          )} | ${fmt(p50 / direct, 2)} |`,
      );
    }
  }
  return lines.join('\n');
}
