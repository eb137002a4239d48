import type { SectionContext } from './context';
import { checkAnswer, fixedRate, throughput, type GraphQLRequest } from './load';
import { startCommunityNodes } from './processes';
import { PAGE } from './queries';
import { seedArtifacts } from './seed';
import { fmt, ms } from './stats';

/** Node cost: SQL statements per request and per `_entities` batch, and a node's own throughput. */
export interface NodeCostResult {
  statements: Array<{ what: string; size: number; statements: number }>;
  page: {
    connections: number;
    rps: number;
    cpuMicrosPerRequest: number;
    rate: number;
    p50: number;
    p95: number;
    p99: number;
  };
}

const SIZES = [1, 10, 100];
const CONNECTIONS = 10;

export async function nodeCost(ctx: SectionContext): Promise<NodeCostResult> {
  const { seconds } = ctx.profile.nodeCost;
  const database = await ctx.database();
  const url = await database.create('node_cost');
  const statements: NodeCostResult['statements'] = [];

  // Counting statements goes through MikroORM's query logger, which costs CPU: a process of its own.
  const counting = await startCommunityNodes(ctx.tmp, 'node (counting SQL)', {
    nodes: [{ slug: 'bench', databaseUrl: url }],
    countSql: true,
  });
  try {
    await seedArtifacts(url, 100);
    const count = async (what: string, size: number, request: GraphQLRequest) => {
      const before = (await counting.request<{ statements: Record<string, number> }>('counters')).statements
        .bench;
      await checkAnswer(counting.urls.bench, request);
      const after = (await counting.request<{ statements: Record<string, number> }>('counters')).statements
        .bench;
      statements.push({ what, size, statements: after - before });
    };
    for (const size of SIZES) {
      const reps = Array.from({ length: size }, (_, i) => ({
        __typename: 'Artifact',
        id: `bench:bench-${i + 1}`,
      }));
      await count('_entities (Artifact with versions, derivedFrom)', size, {
        query:
          'query($r: [_Any!]!) { _entities(representations: $r) { ... on Artifact { id title versions { number } derivedFrom { sourceId } } } }',
        variables: { r: reps },
      });
      await count('artifacts page with versions, derivedFrom', size, {
        query:
          'query($n: Int!) { artifacts(first: $n) { totalCount edges { node { id versions { number } derivedFrom { sourceId } } } } }',
        variables: { n: size },
      });
      await count('adoptionsOf', size, {
        query: 'query($ids: [ID!]!) { adoptionsOf(artifactIds: $ids) { id } }',
        variables: { ids: Array.from({ length: size }, (_, i) => `other:bench-${i + 1}`) },
      });
    }
  } finally {
    await counting.stop();
  }

  const node = await startCommunityNodes(ctx.tmp, 'node', {
    nodes: [{ slug: 'bench', databaseUrl: url }],
    countSql: false,
  });
  try {
    const target = node.urls.bench;
    await checkAnswer(target, PAGE.request);
    await throughput(target, PAGE.request, CONNECTIONS, Math.min(1, seconds));
    const before = await node.usage();
    const load = await throughput(target, PAGE.request, CONNECTIONS, seconds);
    const after = await node.usage();
    const rate = Math.max(5, Math.min(100, Math.round(load.rps / 2)));
    const latency = await fixedRate(target, PAGE.request, rate, seconds);
    return {
      statements,
      page: {
        connections: CONNECTIONS,
        rps: load.rps,
        cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / load.requests,
        rate,
        p50: latency.p50,
        p95: latency.p95,
        p99: latency.p99,
      },
    };
  } finally {
    await node.stop();
  }
}

export function renderNodeCost(result: NodeCostResult): string {
  const { page } = result;
  return [
    "A real node in its own process on the run's PostgreSQL, seeded with 100 published artifacts. Statements are",
    "counted through the node's MikroORM query logger (a separate node process, since the logger costs CPU).",
    '',
    '| request | list size | SQL statements |',
    '|---|---:|---:|',
    ...result.statements.map((r) => `| ${r.what} | ${r.size} | ${r.statements} |`),
    '',
    `${PAGE.name} straight from the node: **${fmt(page.rps, 0)} requests/s** at ${page.connections} connections, ` +
      `**${fmt(page.cpuMicrosPerRequest, 0)} µs of node CPU per request** (PostgreSQL's CPU not included); at a fixed ${page.rate} requests/s ` +
      `p50 ${ms(page.p50)}, p95 ${ms(page.p95)}, p99 ${ms(page.p99)}.`,
  ].join('\n');
}
