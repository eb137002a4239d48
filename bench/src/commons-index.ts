import type { SectionContext } from './context';
import { checkAnswer, sequential } from './load';
import { startIndexedGateway, startOurGateway, startStubNodes, type ServerProcess } from './processes';
import { LINKED_PAGE, REPORT, type BenchQuery } from './queries';
import { slugsFor } from './scaling';
import type { LoggedRequest } from './servers/stub-nodes';
import { fmt, median, ms, percentile } from './stats';
import { lineageRoot } from './stubs/synthetic';

/**
 * The Commons index (issue 12) beside the live path, over N stub nodes in a process of their own,
 * each serving a change feed of its synthetic data (50 artifacts a node, links across nodes): the
 * backfill, the same queries from the index and from the nodes, how soon a publication is in the
 * index with and without pings, the indexed gateway's RSS, and its time to ready on a synced index.
 */
export interface IndexRow {
  n: number;
  /** Events the stubs' feeds held, and those the index held once synced. */
  served: number;
  indexed: number;
  startToSyncedMs: number;
  backfillMs: number;
  page: PathTimes;
  lineage: PathTimes;
  report: PathTimes;
  /** Node requests per query the indexed gateway sent (feeds left out). */
  nodeRequestsPerQuery: number;
  publishPingMs: number[];
  publishPeriodMs: number[];
  /** The indexed gateway's RSS once synced, and right after the queries. */
  rssSyncedMb: number;
  rssMb: number;
  /** Its RSS after the queries and IDLE_READINGS_S more seconds with nothing to do, and the highest it reached. */
  rssIdleMb: number[];
  rssPeakMb: number;
  readyMs: number;
}

/** p50 of each path; the live one null where it failed (its error kept). */
interface PathTimes {
  index: number;
  live: number | null;
  liveRuns: number;
  liveError?: string;
}

export interface IndexResult {
  rows: IndexRow[];
  runs: number;
  reportRuns: number;
  periodMs: number;
}

const ARTIFACTS_PER_NODE = 50;

/**
 * Seconds after the queries at which RSS is read again: once the gateway's idle collection has run
 * (a second quiet), and once it has also let V8 shrink the young generation (7 s after that).
 */
const IDLE_READINGS_S = [2, 12];
const mb = (bytes: number) => bytes / 2 ** 20;

function lineage10(rootId: string): BenchQuery {
  return {
    name: 'lineage, depth 10',
    request: {
      query: `query Lineage($id: ID!) { artifact(id: $id) { id lineage(direction: UP, maxDepth: 10) { depth truncated nodes { id title community { slug } } edges { sourceId derivativeId relation } } } }`,
      variables: { id: rootId },
    },
    levels: 11,
  };
}

const countOf = (log: LoggedRequest[]) => log.filter((entry) => !entry.fields.includes('changes')).length;

/** Waits until the index's cursor of `slug` reaches `seq`; the time since `from`. */
async function visible(gateway: ServerProcess, slug: string, seq: number, from: number): Promise<number> {
  for (;;) {
    if ((await gateway.request<number>('cursor', { slug })) >= seq) return performance.now() - from;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function publications(
  stubs: ServerProcess,
  gateway: ServerProcess,
  slugs: string[],
  amount: number,
  ping: boolean,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < amount; i++) {
    // A different node each time: pings are rate-limited per community.
    const slug = slugs[(i * 7) % slugs.length];
    const from = performance.now();
    const { seq } = await stubs.request<{ seq: number }>('publish', {
      slug,
      pingUrl: ping ? gateway.url.replace(/\/graphql$/, '/feed/ping') : undefined,
    });
    times.push(await visible(gateway, slug, seq, from));
  }
  return times;
}

/** The live path's p50 in as many runs as its budget allows (at least 3), or why it failed. */
async function liveTimes(url: string, query: BenchQuery, runs: number, budgetMs: number) {
  try {
    const started = performance.now();
    await checkAnswer(url, query.request);
    const once = performance.now() - started;
    const amount = Math.max(3, Math.min(runs, Math.floor(budgetMs / Math.max(once, 1))));
    return { live: median((await sequential(url, query.request, amount)).times), liveRuns: amount };
  } catch (error) {
    return { live: null, liveRuns: 0, liveError: (error as Error).message.split('\n')[0].slice(0, 120) };
  }
}

async function atScale(ctx: SectionContext, n: number): Promise<IndexRow> {
  const { runs, reportRuns, publishes, periodPublishes, periodMs, liveBudgetMs } = ctx.profile.index;
  const slugs = slugsFor(n);
  const stubs = await startStubNodes(ctx.tmp, `${n} stub feeds`, {
    mode: 'synthetic',
    nodes: slugs.map((slug) => ({ slug, latencyMs: 0 })),
    artifactsPerNode: ARTIFACTS_PER_NODE,
    seed: 12,
  });
  const database = await (await ctx.database()).create(`commons_index_${n}`);
  const queries = [LINKED_PAGE, lineage10(lineageRoot(slugs)), REPORT];
  try {
    const served = await stubs.request<number>('feedEvents');
    let gateway = await startIndexedGateway(ctx.tmp, stubs.urls, database);
    const first = await gateway.request<{ sinceStartMs: number }>('synced');
    const backfill = await gateway.request<{ ms: number; events: number }>('backfill');
    const rssSyncedMb = mb((await gateway.usage()).rss);

    const indexTimes: number[] = [];
    await stubs.request('mark');
    let asked = 0;
    for (const query of queries) {
      await checkAnswer(gateway.url, query.request);
      const amount = query === REPORT ? reportRuns : runs;
      indexTimes.push(median((await sequential(gateway.url, query.request, amount)).times));
      asked += amount + 1;
    }
    const nodeRequests = countOf(await stubs.request<LoggedRequest[]>('log'));
    const rssMb = mb((await gateway.usage()).rss);
    const rssIdleMb: number[] = [];
    for (const [i, seconds] of IDLE_READINGS_S.entries()) {
      await new Promise((resolve) => setTimeout(resolve, (seconds - (IDLE_READINGS_S[i - 1] ?? 0)) * 1000));
      rssIdleMb.push(mb((await gateway.usage()).rss));
    }
    const rssPeakMb = mb((await gateway.usage()).peakRss);
    const publishPingMs = await publications(stubs, gateway, slugs, publishes, true);

    // A replica started on the synced index: its time to ready, then publications found by its period.
    await gateway.stop();
    gateway = await startIndexedGateway(ctx.tmp, stubs.urls, database, {
      SYNC_INTERVAL_MS: String(periodMs),
    });
    const readyMs = Number(gateway.info.startMs);
    await gateway.request('synced');
    const publishPeriodMs = await publications(stubs, gateway, slugs, periodPublishes, false);
    await gateway.stop();

    const live = await startOurGateway(ctx.tmp, stubs.urls);
    const liveResults: Array<Omit<PathTimes, 'index'>> = [];
    for (const query of queries)
      liveResults.push(await liveTimes(live.url, query, query === REPORT ? reportRuns : runs, liveBudgetMs));
    await live.stop();
    const paths = queries.map((_, i) => ({ index: indexTimes[i], ...liveResults[i] }));
    return {
      n,
      served,
      indexed: backfill.events,
      startToSyncedMs: first.sinceStartMs,
      backfillMs: backfill.ms,
      page: paths[0],
      lineage: paths[1],
      report: paths[2],
      nodeRequestsPerQuery: nodeRequests / asked,
      publishPingMs,
      publishPeriodMs,
      rssSyncedMb,
      rssMb,
      rssIdleMb,
      rssPeakMb,
      readyMs,
    };
  } finally {
    await stubs.stop();
  }
}

export async function commonsIndex(ctx: SectionContext): Promise<IndexResult> {
  const rows: IndexRow[] = [];
  // BENCH_INDEX_COUNTS=200,1000 measures only those N (profiling one scale).
  const counts = process.env.BENCH_INDEX_COUNTS?.split(',').map(Number) ?? ctx.profile.index.counts;
  for (const n of counts) {
    ctx.log(`  index at N = ${n}…`);
    rows.push(await atScale(ctx, n));
  }
  const { runs, reportRuns, periodMs } = ctx.profile.index;
  return { rows, runs, reportRuns, periodMs };
}

const liveCell = (path: PathTimes) =>
  path.live === null ? `n/a (${path.liveError})` : `${ms(path.live)} (${path.liveRuns} runs)`;
const check = (ok: boolean) => (ok ? 'met' : '**missed**');

export function renderIndex(result: IndexResult): string {
  const { rows, periodMs } = result;
  const table = [
    `| N | feed events served / indexed | start → synced | backfill | backfill events/s | node requests per indexed query | RSS synced / after queries: at once / ${IDLE_READINGS_S.map((s) => `${s} s idle`).join(' / ')} / peak | time to ready, index synced |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.served} / ${r.indexed} | ${ms(r.startToSyncedMs, 0)} | ${ms(r.backfillMs, 0)} | ${fmt(r.indexed / (r.backfillMs / 1000), 0)} | ${fmt(r.nodeRequestsPerQuery, 2)} | ${[r.rssSyncedMb, r.rssMb, ...r.rssIdleMb, r.rssPeakMb].map((v) => fmt(v, 0)).join(' / ')} MB | ${ms(r.readyMs, 0)} |`,
    ),
    '',
    '| N | query | index p50 | live p50 |',
    '|---|---|---|---|',
    ...rows.flatMap((r) =>
      (
        [
          ['artifacts(first: 50) with adoptions and feedback', r.page],
          ['lineage, depth 10', r.lineage],
          ['commonsReport', r.report],
        ] as const
      ).map(([name, path]) => `| ${r.n} | ${name} | ${ms(path.index)} | ${liveCell(path)} |`),
    ),
    '',
    '| N | publish → in the index, with pings: p50 / p95 / max | without pings (period ' +
      `${periodMs} ms): each |`,
    '|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${ms(percentile(r.publishPingMs, 50))} / ${ms(percentile(r.publishPingMs, 95))} / ${ms(Math.max(...r.publishPingMs))} | ${r.publishPeriodMs.map((t) => ms(t, 0)).join(', ')} |`,
    ),
  ];
  const small = rows[0];
  const large = rows[rows.length - 1];
  const idleS = IDLE_READINGS_S[IDLE_READINGS_S.length - 1];
  const idleRss = large.rssIdleMb[large.rssIdleMb.length - 1];
  const targets = [
    '| target | measured | |',
    '|---|---|---|',
    `| backfill ≥ 10,000 events/s (N = ${large.n}) | ${fmt(large.indexed / (large.backfillMs / 1000), 0)}/s | ${check(large.indexed / (large.backfillMs / 1000) >= 10_000)} |`,
    `| backfill completes (every event served is indexed) | ${rows.map((r) => `${r.indexed}/${r.served}`).join(', ')} | ${check(rows.every((r) => r.indexed === r.served))} |`,
    ...rows.map(
      (r) =>
        `| page of 50 with adoptions and feedback p50 ≤ 10 ms (N = ${r.n}) | ${ms(r.page.index)} | ${check(r.page.index <= 10)} |`,
    ),
    `| page p50 at N = ${large.n} ≤ 1.2 × at N = ${small.n} | ${fmt(large.page.index / small.page.index, 2)}× | ${check(large.page.index <= 1.2 * small.page.index)} |`,
    `| 0 node requests per indexed query | ${rows.map((r) => fmt(r.nodeRequestsPerQuery, 2)).join(', ')} | ${check(rows.every((r) => r.nodeRequestsPerQuery === 0))} |`,
    `| lineage depth 10 p50 ≤ 5 ms (N = ${large.n}) | ${ms(large.lineage.index)} | ${check(large.lineage.index <= 5)} |`,
    `| commonsReport ≤ 1 s (N = ${large.n}) | ${ms(large.report.index, 0)} | ${check(large.report.index <= 1000)} |`,
    `| publish → visible p95 ≤ 1 s with pings (N = ${large.n}) | ${ms(percentile(large.publishPingMs, 95))} | ${check(percentile(large.publishPingMs, 95) <= 1000)} |`,
    // The period's tick, then the pull itself (bounded by the slowest pinged pull at that N).
    `| without pings, within one period (${periodMs} ms) and its pull | max ${ms(Math.max(...rows.flatMap((r) => r.publishPeriodMs)), 0)} | ${check(rows.every((r) => r.publishPeriodMs.every((t) => t <= periodMs + Math.max(...r.publishPingMs))))} |`,
    // What the gateway holds for N nodes between work: the report's transient working set is in the
    // "at once" and peak figures, shown beside it.
    `| gateway RSS ≤ 150 MB (N = ${large.n}), after the queries and ${idleS} s idle | ${fmt(idleRss, 0)} MB (at once: ${fmt(large.rssMb, 0)} MB, peak ${fmt(large.rssPeakMb, 0)} MB, synced ${fmt(large.rssSyncedMb, 0)} MB) | ${check(idleRss <= 150)} |`,
    `| time to ready ≤ 2 s with a synced index (N = ${large.n}) | ${ms(large.readyMs, 0)} | ${check(large.readyMs <= 2000)} |`,
  ];
  return [
    `Stub nodes in a process of their own, each serving a change feed of ${ARTIFACTS_PER_NODE} artifacts with links across nodes;`,
    'the indexed gateway (COMMONS_SOURCE=index, its index on the run’s PostgreSQL) in another; the live gateway over the same stubs in a third.',
    `Index p50 over ${result.runs} sequential runs (${result.reportRuns} for the report); the live path gets as many runs as fit its budget (at least 3).`,
    '"Backfill" drops what the index holds and follows every feed from 0 (pages of 1000, 4 nodes at a time); "start → synced" includes probing every node.',
    'Publish → in the index: from the stub publishing (and pinging) to the index’s cursor for that node reaching the new event.',
    'Time to ready: a second gateway process started on the synced index (startGateway to listening).',
    `RSS: once synced (right after the backfill); after the queries at once (the report's working set not yet collected), after ${IDLE_READINGS_S.join(' and ')} s with nothing to do (the gateway collects once idle after heavy work, then lets V8 shrink its young generation), and the peak (maxRSS). The target reads the idle figure: what the gateway holds for N nodes between work.`,
    '',
    ...table,
    '',
    '### Targets (the Commons index)',
    '',
    ...targets,
  ].join('\n');
}
