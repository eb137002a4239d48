/** Nearest-rank percentiles, medians and spreads over samples, and number formatting for tables. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values: readonly number[]) => percentile(values, 50);

export interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencies(samples: readonly number[]): Latencies {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const ms = (n: number, digits = 1) => `${fmt(n, digits)} ms`;

/** "median (min–max)" over rounds; just the median when there was one round. */
export function spread(values: readonly number[], digits = 1, unit = ''): string {
  const m = `${fmt(median(values), digits)}${unit}`;
  if (values.length < 2) return m;
  return `${m} (${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)})`;
}
