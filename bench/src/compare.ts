import { setTimeout as sleep } from 'node:timers/promises';
import { assertSameAnswers } from './answers';
import type { Comparison } from './context';
import { checkAnswer, fixedRate, throughput, type GraphQLRequest } from './load';
import type { BenchQuery } from './queries';
import type { ServerProcess } from './processes';
import { median } from './stats';

/**
 * Side-by-side measurement of several targets on one query, in interleaved rounds (the order
 * rotates each round, so drift on a shared machine hits every target alike): throughput at N
 * connections with each watched process's CPU time, RSS and event-loop delay over that run, then,
 * after a pause that lets queued work drain, latency at a fixed rate that every target sustains.
 */
export interface Target {
  name: string;
  url: string;
  /** Processes whose usage is read around each run, by role (e.g. gateway, node). */
  watch: Record<string, ServerProcess>;
}

export interface ProcessSample {
  cpuMicrosPerRequest: number;
  rssMb: number;
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
}

export interface Sample {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  processes: Record<string, ProcessSample>;
}

export interface PathAnswer {
  path: string;
  data: Record<string, unknown>;
}

/**
 * Asks every target `query` once and fails the run unless all answer alike, and as `reference` (an
 * answer taken elsewhere, e.g. straight from the node) when given. Returns each target's answer.
 */
export async function sameAnswers(
  targets: Array<Pick<Target, 'name' | 'url'>>,
  query: BenchQuery,
  reference?: PathAnswer,
): Promise<PathAnswer[]> {
  const answers: PathAnswer[] = [];
  for (const target of targets)
    answers.push({ path: target.name, data: await checkAnswer(target.url, query.request) });
  assertSameAnswers(query.name, reference ? [reference, ...answers] : answers);
  return answers;
}

/** Half of the slowest target's throughput in a short run (≤ 1 s, also a warm-up), capped: a rate all sustain. */
export async function sustainableRate(
  targets: Target[],
  request: GraphQLRequest,
  connections: number,
  maxRate: number,
  seconds: number,
): Promise<number> {
  const rates: number[] = [];
  for (const target of targets)
    rates.push((await throughput(target.url, request, connections, Math.min(1, seconds))).rps);
  return Math.max(5, Math.min(maxRate, Math.round(Math.min(...rates) / 2)));
}

export async function interleavedRounds(
  targets: Target[],
  request: GraphQLRequest,
  options: { rounds: number; seconds: number; connections: number; rate: number; settleMs: number },
): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length]);
    for (const target of order) {
      const watched = Object.entries(target.watch);
      await Promise.all(watched.map(([, p]) => p.reset()));
      const before = await Promise.all(watched.map(([, p]) => p.usage()));
      const load = await throughput(target.url, request, options.connections, options.seconds);
      const after = await Promise.all(watched.map(([, p]) => p.usage()));
      await sleep(options.settleMs);
      const latency = await fixedRate(target.url, request, options.rate, options.seconds);
      samples.get(target.name)!.push({
        rps: load.rps,
        p50: latency.p50,
        p95: latency.p95,
        p99: latency.p99,
        processes: Object.fromEntries(
          watched.map(([role], i) => [
            role,
            {
              cpuMicrosPerRequest: (after[i].cpuMicros - before[i].cpuMicros) / load.requests,
              rssMb: after[i].rss / 1024 / 1024,
              loopDelayP50Ms: after[i].loopDelayP50Ms,
              loopDelayP99Ms: after[i].loopDelayP99Ms,
            },
          ]),
        ),
      });
    }
  }
  return samples;
}

/** One query measured across the targets: the rate latency was taken at, and each target's samples by name. */
export interface QueryComparison {
  query: string;
  rate: number;
  samples: Record<string, Sample[]>;
}

/** Measures each query in turn, at the profile's fixed rate or else half what the slowest target sustains. */
export async function compareQueries(
  targets: Target[],
  queries: BenchQuery[],
  comparison: Comparison,
  log: (line: string) => void,
): Promise<QueryComparison[]> {
  const { seconds, rounds, connections, maxRate, settleMs, rate: fixed } = comparison;
  const measured: QueryComparison[] = [];
  for (const query of queries) {
    log(`  ${query.name}`);
    const rate = fixed ?? (await sustainableRate(targets, query.request, connections, maxRate, seconds));
    const samples = await interleavedRounds(targets, query.request, {
      rounds,
      seconds,
      connections,
      rate,
      settleMs,
    });
    measured.push({ query: query.name, rate, samples: Object.fromEntries(samples) });
  }
  return measured;
}

/** The values of one field over rounds. */
export function over<T>(samples: Sample[], pick: (s: Sample) => T): T[] {
  return samples.map(pick);
}

export const medianOf = (samples: Sample[], pick: (s: Sample) => number) => median(samples.map(pick));
