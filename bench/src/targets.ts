import { endToEndRatios, type EndToEndResult } from './end-to-end';
import { gatewayRatios, type GatewayCostResult } from './gateway-cost';
import type { NodeCostResult } from './node-cost';
import { fmt } from './stats';

/** The targets, each computed from this run's numbers: measured, and met or missed. */
export interface Results {
  nodeCost?: NodeCostResult;
  gatewayCost?: GatewayCostResult;
  endToEnd?: EndToEndResult;
}

interface TargetRow {
  target: string;
  measured: string;
  met: boolean | null;
}

const NOT_MEASURED = { measured: 'not measured in this run', met: null };

export function targetRows(results: Results): TargetRow[] {
  const rows: TargetRow[] = [];
  const { gatewayCost, endToEnd, nodeCost } = results;

  if (gatewayCost) {
    for (const r of gatewayRatios(gatewayCost)) {
      rows.push({ target: `Gateway cost, ${r.query}: ≥ 3× \`@apollo/gateway\`'s requests/s per core`, measured: `${fmt(r.perCore, 2)}×`, met: r.perCore >= 3 });
      rows.push({ target: `Gateway cost, ${r.query}: ≤ 0.4× \`@apollo/gateway\`'s p95`, measured: `${fmt(r.p95, 2)}×`, met: r.p95 <= 0.4 });
    }
  } else {
    rows.push({ target: 'Gateway cost: ≥ 3× `@apollo/gateway`\'s requests/s per core', ...NOT_MEASURED });
    rows.push({ target: 'Gateway cost: ≤ 0.4× `@apollo/gateway`\'s p95', ...NOT_MEASURED });
  }

  if (endToEnd) {
    for (const r of endToEndRatios(endToEnd)) {
      rows.push({ target: `End to end, ${r.query}: ours ÷ direct to the node ≤ 1.3 at p50`, measured: fmt(r.ours, 2), met: r.ours <= 1.3 });
    }
  } else rows.push({ target: 'End to end: ours ÷ direct to the node ≤ 1.3 at p50', ...NOT_MEASURED });

  if (nodeCost) {
    const byRequest = new Map<string, number[]>();
    for (const r of nodeCost.statements) byRequest.set(r.what, [...(byRequest.get(r.what) ?? []), r.statements]);
    const varying = [...byRequest].filter(([, counts]) => new Set(counts).size > 1).map(([what]) => what);
    rows.push({
      target: 'SQL statements independent of list size (1, 10, 100)',
      measured: varying.length ? `grows for ${varying.join(', ')}` : [...byRequest].map(([what, counts]) => `${what}: ${counts[0]}`).join('; '),
      met: varying.length === 0,
    });
  } else rows.push({ target: 'SQL statements independent of list size', ...NOT_MEASURED });
  return rows;
}

export function renderTargets(results: Results): string {
  return [
    '| target | measured | status |',
    '|---|---|---|',
    ...targetRows(results).map((r) => `| ${r.target} | ${r.measured} | ${r.met === null ? '—' : r.met ? 'met' : 'missed'} |`),
  ].join('\n');
}
