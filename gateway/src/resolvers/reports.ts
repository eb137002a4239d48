import { badInput } from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { ReportShows } from '../reports/inputs';
import { reportOf, vitalityOf } from '../reports/metrics';
import { communityRef } from './views';

function window(from: Date, to: Date): void {
  if (!(from < to)) throw badInput('from must be before to', { argument: 'from' });
}

/** The report reads its windows' lists only when the query shows them (evidence, response times). */
export async function commonsReport(ctx: GatewayContext, from: Date, to: Date, shows: ReportShows) {
  window(from, to);
  return reportOf(await ctx.reads.report({ from, to }, shows), { from, to });
}

/** One community's vitality needs the whole Commons: what others say about it is stored with them. */
export async function communityVitality(ctx: GatewayContext, slug: string, from: Date, to: Date) {
  window(from, to);
  const inputs = await ctx.reads.vitality(slug, { from, to });
  if (!inputs) throw ctx.reads.unavailable(slug);
  return vitalityOf(inputs, { from, to });
}

export const vitalityResolvers = {
  community: (v: { community: string }) => communityRef(v.community),
};
