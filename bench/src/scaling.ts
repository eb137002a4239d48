import { parseGlobalId } from '@commons-graph/schema';
import { AnswersDiffer, firstDifference } from './answers';
import type { SectionContext } from './context';
import { checkAnswer, sequential, type GraphQLError } from './load';
import { startOurGateway, startStubNodes, type ServerProcess } from './processes';
import { LINKED_PAGE, REPORT, REPORT_WINDOW, lineage, type BenchQuery } from './queries';
import { seededRandom } from './random';
import { queryCost, type QueryCost } from './request-log';
import type { LoggedRequest, StubNodeSpec } from './servers/stub-nodes';
import {
  canonical,
  expectedLineageUp,
  expectedLinkedPage,
  expectedReportHoldings,
  reportHoldings,
  type Holdings,
} from './stubs/expected';
import { lineageRoot, syntheticCommons } from './stubs/synthetic';
import { fmt, median, ms } from './stats';

/**
 * Scaling with the number of nodes: our gateway (its own process) over N synthetic stub nodes (one
 * other process) with injected latencies, on three cross-node queries. From the stub process's log
 * of single marked queries: requests per node, resolution levels, duplicate keys and the slowest
 * node path; from sequential runs: latency, and the gateway's CPU per query.
 */
export interface ScalingQueryRow {
  query: string;
  expectedLevels: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Sequential runs that took the node timeout or longer: with a straggler, those that waited for it. */
  waitedForTimeout: number;
  slowestPathMs: number;
  overheadMs: number;
  cost: QueryCost;
  gatewayCpuMsPerQuery: number;
  stubCpuMsPerQuery: number;
  /** The gateway process's RSS after this query's runs (queries run in the table's order). */
  rssAfterMb: number;
  /** Sequential runs behind p50 and p95, and marked runs behind the node-side columns. */
  runs: number;
  marked: number;
  answer: string;
}

export interface ScalingRun {
  nodes: number;
  straggler: boolean;
  timeoutMs: number;
  latencyMix: string;
  readyMs: number;
  startMs: number;
  rssMb: number;
  queries: ScalingQueryRow[];
}

export interface ScalingResult {
  runs: ScalingRun[];
  runsPerQuery: number;
  reportRuns: number;
  marked: number;
  queryBudgetMs: number;
  warmUps: number;
}

const SEED = 20261124;
const ARTIFACTS_PER_NODE = 50;
const DEFAULT_TIMEOUT_MS = 2000;
const STRAGGLER = 'straggler';
/** The gateway's default `BREAKER_THRESHOLD`, which the bench does not change. */
const BREAKER_THRESHOLD = 5;

/** Per node, drawn once: most answer in 5 ms, some in 10–25 ms, a few in 50 ms. */
function nodeLatencies(n: number): number[] {
  const random = seededRandom(SEED);
  return Array.from({ length: n }, () => {
    const u = random();
    const spreadMs = random();
    if (u < 0.8) return 5;
    if (u < 0.95) return Math.round(10 + 15 * spreadMs);
    return 50;
  });
}

function latencyMix(latencies: number[]): string {
  const count = (test: (ms: number) => boolean) => latencies.filter(test).length;
  return `${count((l) => l === 5)} × 5 ms, ${count((l) => l > 5 && l < 50)} × 10–25 ms, ${count((l) => l === 50)} × 50 ms`;
}

export const slugsFor = (n: number) =>
  Array.from({ length: n }, (_, i) => `node-${String(i).padStart(3, '0')}`);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the answer holds, so a table row shows the query did real work. */
function describe(data: Record<string, any>): string {
  if (data.artifacts) {
    const nodes = data.artifacts.edges.map((e: any) => e.node);
    const communities = new Set(nodes.map((a: any) => parseGlobalId(a.id)?.community));
    const links = nodes.reduce((sum: number, a: any) => sum + a.adoptions.length + a.feedback.length, 0);
    return `${nodes.length} artifacts from ${plural(communities.size, 'node')}, ${plural(links, 'link')}`;
  }
  if (data.commonsReport) return plural(data.commonsReport.communities.length, 'community', 'communities');
  const found = data.artifact.lineage;
  const communities = new Set(found.nodes.map((a: any) => parseGlobalId(a.id)?.community));
  return `depth ${found.depth}: ${plural(found.nodes.length, 'artifact')} on ${plural(communities.size, 'node')}`;
}

/** A scaling query with what it must answer, from what the answering stubs hold. */
interface CheckedQuery {
  query: BenchQuery;
  expected(holdings: Holdings): unknown;
  /** The answer as compared: sorted where the schema promises no order (see `canonical`). */
  view(data: Record<string, any>): unknown;
}

function checkedQueries(slugs: string[]): CheckedQuery[] {
  const root = lineageRoot(slugs);
  return [
    { query: LINKED_PAGE, expected: (h) => expectedLinkedPage(h, 50), view: canonical },
    { query: lineage(root), expected: (h) => canonical(expectedLineageUp(h, root, 5)), view: canonical },
    {
      query: REPORT,
      expected: (h) => expectedReportHoldings(h, REPORT_WINDOW.from, REPORT_WINDOW.to),
      view: reportHoldings,
    },
  ];
}

/** Fails the run unless the answer holds everything the answering stubs hold for the query. */
function checkComplete(
  checked: CheckedQuery,
  data: Record<string, any>,
  holdings: Holdings,
  n: number,
): void {
  const difference = firstDifference(checked.expected(holdings), checked.view(data));
  if (difference)
    throw new AnswersDiffer(
      checked.query.name,
      `our gateway over ${n} stub nodes`,
      `what the answering stubs hold`,
      difference,
    );
}

async function measure(ctx: SectionContext, n: number, straggler: boolean): Promise<ScalingRun> {
  const { runs, reportRuns, marked, queryBudgetMs } = ctx.profile.scaling;
  const timeoutMs = straggler ? ctx.profile.scaling.straggler.timeoutMs : DEFAULT_TIMEOUT_MS;
  const slugs = slugsFor(n);
  const latencies = nodeLatencies(n);
  const specs: StubNodeSpec[] = slugs.map((slug, i) => ({ slug, latencyMs: latencies[i] }));
  // The straggler answers while the gateway starts and warms up, then stops answering.
  if (straggler) specs.push({ slug: STRAGGLER, latencyMs: 0 });
  const commons = syntheticCommons({
    slugs: specs.map((s) => s.slug),
    artifactsPerNode: ARTIFACTS_PER_NODE,
    seed: SEED,
  });
  const everyone: Holdings = { commons, answering: new Set(specs.map((s) => s.slug)) };
  const withoutStraggler: Holdings = { commons, answering: new Set(slugs) };
  const started: ServerProcess[] = [];
  try {
    const stubs = await startStubNodes(ctx.tmp, `${specs.length} stub nodes`, {
      mode: 'synthetic',
      nodes: specs,
      artifactsPerNode: ARTIFACTS_PER_NODE,
      seed: SEED,
    });
    started.push(stubs);
    const startGateway = async () => {
      const gateway = await startOurGateway(ctx.tmp, stubs.urls, { NODE_TIMEOUT_MS: String(timeoutMs) });
      started.push(gateway);
      return gateway;
    };
    const first = await startGateway();
    let gateway = first;
    // Only the straggler may be missing from an answer, and only once it holds.
    const allow = (error: GraphQLError) =>
      straggler && error.extensions?.code === 'NODE_UNAVAILABLE' && error.extensions?.community === STRAGGLER;
    const rows: ScalingQueryRow[] = [];
    for (const [index, checked] of checkedQueries(slugs).entries()) {
      const { query } = checked;
      // Each query meets the straggler with a fresh gateway, its breaker closed.
      if (straggler && index > 0) {
        await gateway.stop();
        gateway = await startGateway();
      }
      const check = performance.now();
      const data = await checkAnswer(gateway.url, query.request);
      const checkMs = performance.now() - check;
      checkComplete(checked, data, everyone, n);
      let answer = describe(data);
      const warmUps = Math.min(ctx.profile.scaling.warmUps, Math.floor(queryBudgetMs / 4 / checkMs));
      if (warmUps > 0) await sequential(gateway.url, query.request, warmUps);
      // A query this slow (the report at many nodes) gets fewer runs, so the whole bench stays bounded.
      const slow = !straggler && checkMs * (marked + (query === REPORT ? reportRuns : runs)) > queryBudgetMs;
      const amount = slow
        ? Math.max(3, Math.min(query === REPORT ? reportRuns : runs, Math.floor(queryBudgetMs / checkMs)))
        : query === REPORT
          ? reportRuns
          : runs;
      const costs: QueryCost[] = [];
      const markedRuns = async (holdings: Holdings) => {
        for (let i = 0; i < (slow ? 1 : marked); i++) {
          await stubs.request('mark');
          const found = await checkAnswer(gateway.url, query.request, allow);
          checkComplete(checked, found, holdings, n);
          // With a straggler, the row shows what was answered without it.
          if (straggler) answer = describe(found);
          costs.push(queryCost(await stubs.request<LoggedRequest[]>('log'), timeoutMs));
        }
      };
      if (!straggler) await markedRuns(everyone);
      // From here the straggler never answers: the gateway's breaker is closed, so the first runs wait
      // for the node timeout until it opens; the marked runs after them show the state after.
      if (straggler) await stubs.request('hold', { slug: STRAGGLER, hold: true });
      const [g0, s0] = await Promise.all([gateway.usage(), stubs.usage()]);
      const times = await sequential(gateway.url, query.request, amount, straggler);
      const [g1, s1] = await Promise.all([gateway.usage(), stubs.usage()]);
      if (straggler) {
        await markedRuns(withoutStraggler);
        await stubs.request('hold', { slug: STRAGGLER, hold: false });
      }
      const slowestPathMs = median(costs.map((c) => c.slowestPathMs));
      const worst = (pick: (c: QueryCost) => number) => Math.max(...costs.map(pick));
      rows.push({
        query: query.name,
        expectedLevels: query.levels,
        p50: times.p50,
        p95: times.p95,
        p99: times.p99,
        max: times.max,
        waitedForTimeout: times.times.filter((t) => t >= timeoutMs).length,
        slowestPathMs,
        overheadMs: times.p50 - slowestPathMs,
        cost: {
          requests: median(costs.map((c) => c.requests)),
          touchedNodes: median(costs.map((c) => c.touchedNodes)),
          meanPerNode: median(costs.map((c) => c.meanPerNode)),
          maxPerNode: worst((c) => c.maxPerNode),
          levels: worst((c) => c.levels),
          duplicateKeys: worst((c) => c.duplicateKeys),
          slowestPathMs,
        },
        gatewayCpuMsPerQuery: (g1.cpuMicros - g0.cpuMicros) / amount / 1000,
        stubCpuMsPerQuery: (s1.cpuMicros - s0.cpuMicros) / amount / 1000,
        rssAfterMb: g1.rss / 1024 / 1024,
        runs: amount,
        marked: costs.length,
        answer,
      });
    }
    const usage = await gateway.usage();
    return {
      nodes: n,
      straggler,
      timeoutMs,
      latencyMix: latencyMix(latencies),
      readyMs: first.readyMs,
      startMs: Number(first.info.startMs),
      rssMb: usage.rss / 1024 / 1024,
      queries: rows,
    };
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

export async function scaling(ctx: SectionContext): Promise<ScalingResult> {
  const { counts, runs, reportRuns, marked, straggler, queryBudgetMs } = ctx.profile.scaling;
  const result: ScalingResult = {
    runs: [],
    runsPerQuery: runs,
    reportRuns,
    marked,
    queryBudgetMs,
    warmUps: ctx.profile.scaling.warmUps,
  };
  for (const n of counts) {
    ctx.log(`  ${n} nodes`);
    result.runs.push(await measure(ctx, n, false));
  }
  ctx.log(`  ${straggler.nodes} nodes and a straggler`);
  result.runs.push(await measure(ctx, straggler.nodes, true));
  return result;
}

const label = (run: ScalingRun) => (run.straggler ? `${run.nodes} + straggler` : String(run.nodes));

export function renderScaling(result: ScalingResult): string {
  const straggler = result.runs.find((r) => r.straggler);
  const lines = [
    `Our gateway in its own process (NODE_ENV=production) over N stub nodes hosted by one other process. Each`,
    `stub answers by executing the incoming operation against the node contract (\`schema/node.graphql\` through`,
    `\`@apollo/subgraph\`) over a synthetic Commons: 50 artifacts per node with publication dates spread so the`,
    `global page mixes nodes, adoptions and feedback pointing across nodes, derivation chains that cross nodes,`,
    `and the data a report gathers; repeated requests are answered from a cache, so the stub does little work.`,
    `Each node answers after a latency drawn once from a seeded long-tailed distribution (80 % 5 ms, 15 % 10–25 ms,`,
    `5 % 50 ms), counted from the request's arrival.`,
    '',
    `Latency: ${result.runsPerQuery} sequential runs per query on one connection (${result.reportRuns} for the report; fewer, at least 3,`,
    `when a query is too slow for a ${fmt(result.queryBudgetMs / 1000, 0)} s budget), after one checked run and up to ${result.warmUps} unmeasured ones (V8 optimises a serving gateway's hot paths; cold code is not what portals meet), through autocannon with each response`,
    `time kept. Requests per node, levels, duplicate keys and the slowest node path come from the stub process's`,
    `log of ${result.marked} single marked run(s) per query (1 for a slow query). A request's **level** is one more than that of`,
    `the requests it waited for: for each id it asks about, the request whose answer held that id first (if it`,
    `came before); for a request that asks about no such id (a report's second call), the same node's earlier`,
    `request. The **slowest node path** is the sum over levels of the longest time a node took at that level,`,
    `measured at the stub (arrival to answer), so stub work counts as node time; a request the straggler never`,
    `answered counts as the node timeout. **Overhead = p50 − slowest node path**: the gateway's own time.`,
    `**Ready** is from forking the gateway process (N nodes in NODES_FILE) to its ready message; \`startGateway\``,
    `is the part inside the process (probing every node and checking its schema). RSS is the gateway process's`,
    `after the runs. Stub CPU per query shows the stub process did not limit the runs.`,
    '',
    `Every answer is checked for completeness before it is timed: the checked run and each marked run must hold`,
    `exactly what the answering stubs hold, computed in the bench process from the same synthetic Commons`,
    `(\`bench/src/stubs/expected.ts\`): the page's 50 artifacts in the promised order with the total count, each`,
    `with every adoption and feedback stored on any node; the lineage's every reached artifact and edge, depth`,
    `and truncation; the report's every community (the others named unavailable) and every adoption in its`,
    `window in the adoption matrix. Lists whose order the schema leaves open are sorted first; nothing else is`,
    `normalised. Any difference fails the run, naming the query and the first difference.`,
    '',
    '| nodes | node latencies | ready | startGateway | gateway RSS |',
    '|---|---|---:|---:|---:|',
    ...result.runs.map(
      (r) =>
        `| ${label(r)} | ${r.latencyMix}${r.straggler ? ', 1 stops answering' : ''} | ${ms(r.readyMs, 0)} | ${ms(r.startMs, 0)} | ${fmt(r.rssMb, 0)} MB |`,
    ),
  ];
  const queries = [...new Set(result.runs.flatMap((r) => r.queries.map((q) => q.query)))];
  for (const query of queries) {
    const expected = result.runs[0]?.queries.find((q) => q.query === query)?.expectedLevels;
    lines.push(
      '',
      `**${query}** (${expected} levels):`,
      '',
      '| nodes | p50 | p95 | slowest node path | overhead | requests per touched node (mean / max) | levels | nodes touched | duplicate keys | gateway CPU per query | stub CPU per query | answer | runs / marked | gateway RSS after | p99 | max | runs ≥ the node timeout |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|',
    );
    for (const run of result.runs) {
      const row = run.queries.find((q) => q.query === query);
      if (!row) continue;
      lines.push(
        `| ${label(run)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.slowestPathMs)} | ${ms(row.overheadMs)} | ` +
          `${fmt(row.cost.meanPerNode, 2)} / ${row.cost.maxPerNode} | ${row.cost.levels} | ${row.cost.touchedNodes} | ${row.cost.duplicateKeys} | ` +
          `${ms(row.gatewayCpuMsPerQuery, 2)} | ${ms(row.stubCpuMsPerQuery, 2)} | ${row.answer} | ${row.runs} / ${row.marked} | ${fmt(row.rssAfterMb, 0)} MB | ` +
          `${ms(row.p99)} | ${ms(row.max)} | ${row.waitedForTimeout} of ${row.runs} |`,
      );
    }
  }
  if (straggler) {
    lines.push(
      '',
      `With a straggler: one more stub node, and a node timeout of ${straggler.timeoutMs} ms. For each query a fresh gateway starts`,
      `while the straggler still answers, is checked and warmed up (its circuit breaker stays closed); then the`,
      `straggler stops answering and the runs are timed. The first runs each wait the whole node timeout, until`,
      `the breaker opens (after ${BREAKER_THRESHOLD} consecutive failures, for 30 s): **runs ≥ the node timeout** (in straggler rows, runs that waited),`,
      `p99 and max show that cost, p50 the state after. The marked runs come after the timed ones, with the`,
      `breaker open, so their node-side columns show the state without the straggler.`,
    );
  }
  return lines.join('\n');
}
