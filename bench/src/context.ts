import type { BenchDatabase } from './database';

export interface Comparison {
  seconds: number;
  rounds: number;
  connections: number;
  maxRate: number;
  settleMs: number;
  rate?: number;
}

/** How long and how wide each section measures: a full run, or a quick one that only proves it works. */
export interface Profile {
  quick: boolean;
  nodeCost: { seconds: number };
  /**
   * `settleMs`: a pause after each throughput run, so the fixed-rate run does not meet its backlog;
   * `rate`: a fixed rate instead of one calibrated on the targets (the quick run saves the time).
   */
  gatewayCost: Comparison;
  endToEnd: Comparison;
  scaling: {
    counts: number[];
    runs: number;
    reportRuns: number;
    marked: number;
    /** Unmeasured queries first, so V8 has optimised the gateway's hot paths as in a serving gateway. */
    warmUps: number;
    /** Fewer runs (at least 3) and one marked run for a query slower than this budget allows. */
    queryBudgetMs: number;
    straggler: { nodes: number; timeoutMs: number };
  };
  realNodes: { counts: number[]; runs: number };
  planning: { counts: number[]; budgetMs: number };
  /**
   * The Commons index beside the live path over stub feeds: `publishes` timed with pings and
   * `periodPublishes` without (on a gateway pulling every `periodMs`); the live path's runs are cut
   * to fit `liveBudgetMs` per query.
   */
  index: {
    counts: number[];
    runs: number;
    reportRuns: number;
    publishes: number;
    periodPublishes: number;
    periodMs: number;
    liveBudgetMs: number;
  };
}

export const FULL: Profile = {
  quick: false,
  nodeCost: { seconds: 5 },
  gatewayCost: { seconds: 3, rounds: 3, connections: 50, maxRate: 100, settleMs: 500 },
  endToEnd: { seconds: 2, rounds: 3, connections: 10, maxRate: 100, settleMs: 500 },
  scaling: {
    counts: [1, 10, 50, 100, 200],
    runs: 20,
    reportRuns: 10,
    marked: 3,
    warmUps: 30,
    queryBudgetMs: 20_000,
    straggler: { nodes: 10, timeoutMs: 2000 },
  },
  realNodes: { counts: [1, 5, 20], runs: 20 },
  planning: { counts: [1, 10, 50, 100, 200], budgetMs: 20_000 },
  index: {
    counts: [10, 200, 1000],
    runs: 30,
    reportRuns: 3,
    publishes: 20,
    periodPublishes: 3,
    periodMs: 2000,
    liveBudgetMs: 20_000,
  },
};

export const QUICK: Profile = {
  quick: true,
  nodeCost: { seconds: 0.5 },
  gatewayCost: { seconds: 0.5, rounds: 1, connections: 10, maxRate: 100, settleMs: 100, rate: 10 },
  endToEnd: { seconds: 0.5, rounds: 1, connections: 10, maxRate: 100, settleMs: 100, rate: 10 },
  scaling: {
    counts: [1, 5],
    runs: 5,
    reportRuns: 3,
    marked: 1,
    warmUps: 2,
    queryBudgetMs: 5_000,
    straggler: { nodes: 4, timeoutMs: 1000 },
  },
  realNodes: { counts: [1, 2], runs: 5 },
  planning: { counts: [1, 5, 10], budgetMs: 20_000 },
  index: {
    counts: [3, 6],
    runs: 5,
    reportRuns: 1,
    publishes: 3,
    periodPublishes: 1,
    periodMs: 500,
    liveBudgetMs: 3000,
  },
};

export interface SectionContext {
  profile: Profile;
  /** The run's PostgreSQL, started on first use. */
  database(): Promise<BenchDatabase>;
  /** A temporary folder for configuration and recording files, removed after the run. */
  tmp: string;
  log(line: string): void;
}
