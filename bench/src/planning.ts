import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { SectionContext } from './context';
import { startOurGateway, startStubNodes, track, type ServerProcess } from './processes';
import { slugsFor } from './scaling';
import { fmt, ms } from './stats';

/**
 * Planning cost against N: Apollo composes N homogeneous subgraphs and plans one query over all
 * their root fields (each step in a child process under a time budget); our gateway has no planner,
 * so beside it stands our time to ready at the same N (over stub nodes that answer at once).
 */
export interface PlanStep {
  composeMs?: number;
  plannerMs?: number;
  planMs?: number;
  refused?: string;
  /** How long the planner ran before it refused. */
  afterMs?: number;
  failed?: string;
  overBudget?: boolean;
  rss?: number;
}

export interface PlanningRow {
  nodes: number;
  flat: PlanStep;
  linked: PlanStep;
  oursReadyMs: number;
  oursStartMs: number;
}

export interface PlanningResult {
  rows: PlanningRow[];
  budgetMs: number;
}

function plan(nodes: number, variant: 'flat' | 'linked', budgetMs: number): Promise<PlanStep> {
  return new Promise((resolve) => {
    const step: PlanStep = {};
    const child = fork(join(__dirname, 'servers', 'planner.js'), [], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BENCH_PLAN_NODES: String(nodes),
        BENCH_PLAN_VARIANT: variant,
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    track(child);
    const timer = setTimeout(() => {
      step.overBudget = true;
      child.kill('SIGKILL');
    }, budgetMs);
    child.on('message', (message: PlanStep) => Object.assign(step, message));
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(step);
    });
  });
}

async function oursReady(ctx: SectionContext, n: number): Promise<{ readyMs: number; startMs: number }> {
  const started: ServerProcess[] = [];
  try {
    const stubs = await startStubNodes(ctx.tmp, `${n} stub nodes`, {
      mode: 'synthetic',
      nodes: slugsFor(n).map((slug) => ({ slug, latencyMs: 0 })),
      artifactsPerNode: 1,
      seed: 1,
    });
    started.push(stubs);
    const gateway = await startOurGateway(ctx.tmp, stubs.urls);
    started.push(gateway);
    return { readyMs: gateway.readyMs, startMs: Number(gateway.info.startMs) };
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

export async function planning(ctx: SectionContext): Promise<PlanningResult> {
  const { counts, budgetMs } = ctx.profile.planning;
  const rows: PlanningRow[] = [];
  for (const n of counts) {
    ctx.log(`  ${n} subgraphs`);
    const flat = await plan(n, 'flat', budgetMs);
    const linked = await plan(n, 'linked', budgetMs);
    const ours = await oursReady(ctx, n);
    rows.push({ nodes: n, flat, linked, oursReadyMs: ours.readyMs, oursStartMs: ours.startMs });
  }
  return { rows, budgetMs };
}

/** The time to plan, or why there is none. */
export function planOutcome(step: PlanStep, budgetMs: number): string {
  if (step.planMs !== undefined) return ms(step.planMs, 0);
  if (step.refused) return `refused after ${ms(step.afterMs ?? NaN, 0)}: "${step.refused}"`;
  if (step.failed) return `failed: ${step.failed}`;
  if (step.overBudget) return `not done within the ${fmt(budgetMs / 1000, 0)} s budget`;
  return 'n/a';
}

const composeOutcome = (step: PlanStep, budgetMs: number) =>
  step.composeMs !== undefined
    ? ms(step.composeMs, 0)
    : step.overBudget
      ? `> ${fmt(budgetMs / 1000, 0)} s`
      : 'n/a';

export function renderPlanning(result: PlanningResult): string {
  return [
    `\`@apollo/composition\` composes N homogeneous subgraphs (the same \`Artifact\` entity and \`Licence\` type, one`,
    `root field each) and \`@apollo/query-planner\` plans one query over all N root fields (\`QueryPlanner\`,`,
    `\`operationFromDocument\`, \`buildQueryPlan\`), each N in a fresh process (NODE_ENV=production) with a`,
    `${fmt(result.budgetMs / 1000, 0)} s budget per run. "flat" selects \`id title licence { spdx name }\`; "linked" adds an entity relation`,
    `(\`derivedFrom { id title licence { spdx } }\`), which every subgraph can resolve, so the planner weighs`,
    `jumps between subgraphs. Our gateway has no planner: beside it, its time to ready at the same N over stub`,
    `nodes that answer at once (fork → ready, and the \`startGateway\` part of it).`,
    '',
    '| subgraphs / nodes | Apollo compose | Apollo planner build | Apollo plan (flat) | Apollo compose + plan (linked) | ours: ready | ours: startGateway |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...result.rows.map((r) => {
      const linked =
        r.linked.planMs !== undefined && r.linked.composeMs !== undefined
          ? ms(r.linked.composeMs + (r.linked.plannerMs ?? 0) + r.linked.planMs, 0)
          : `compose ${composeOutcome(r.linked, result.budgetMs)}, plan ${planOutcome(r.linked, result.budgetMs)}`;
      return (
        `| ${r.nodes} | ${composeOutcome(r.flat, result.budgetMs)} | ${r.flat.plannerMs !== undefined ? ms(r.flat.plannerMs, 0) : 'n/a'} | ` +
        `${planOutcome(r.flat, result.budgetMs)} | ${linked} | ${ms(r.oursReadyMs, 0)} | ${ms(r.oursStartMs, 0)} |`
      );
    }),
  ].join('\n');
}

/**
 * How our start grows with N, the measurable side of "no planning cost that grows with N": the
 * cost per added node of `startGateway` (probing every node and checking its schema; no composition,
 * no planning) between the two largest N, against that over the whole range. A cost that grows
 * only linearly keeps the two alike; a planner's superlinear one makes the first much larger.
 * Undefined below three N.
 */
export function startGrowth(result: PlanningResult):
  | {
      wholePerNodeMs: number;
      lastPerNodeMs: number;
      ratio: number;
      first: PlanningRow;
      previous: PlanningRow;
      last: PlanningRow;
    }
  | undefined {
  const rows = [...result.rows].sort((a, b) => a.nodes - b.nodes);
  if (rows.length < 3) return undefined;
  const [first, previous, last] = [rows[0], rows[rows.length - 2], rows[rows.length - 1]];
  const perNode = (from: PlanningRow, to: PlanningRow) =>
    Math.max(0, to.oursStartMs - from.oursStartMs) / (to.nodes - from.nodes);
  const wholePerNodeMs = perNode(first, last);
  const lastPerNodeMs = perNode(previous, last);
  return {
    wholePerNodeMs,
    lastPerNodeMs,
    ratio: wholePerNodeMs > 0 ? lastPerNodeMs / wholePerNodeMs : lastPerNodeMs > 0 ? Infinity : 1,
    first,
    previous,
    last,
  };
}

/** The allowed ratio of the last step's cost per node to the whole range's: linear growth and noise. */
export const LINEAR_GROWTH_LIMIT = 2;
