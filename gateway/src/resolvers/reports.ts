import { badInput } from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import { CommonsIndex, computeReport, computeVitality } from '../reports/metrics';
import { communityRef } from './views';

function window(from: Date, to: Date): void {
  if (!(from < to)) throw badInput('from must be before to', { argument: 'from' });
}

/**
 * One gathering per execution, however many vitality fields the query asks for: kept with the
 * execution's loaders, so an execution started again (`ctx.restart`) gathers afresh.
 */
const gathered = new WeakMap<GatewayContext['loaders'], ReturnType<GatewayContext['reads']['gather']>>();
function gatherOnce(ctx: GatewayContext) {
  let pending = gathered.get(ctx.loaders);
  if (!pending) gathered.set(ctx.loaders, (pending = ctx.reads.gather()));
  return pending;
}

export async function commonsReport(ctx: GatewayContext, from: Date, to: Date) {
  window(from, to);
  const { communities, unavailable } = await gatherOnce(ctx);
  return computeReport(communities, unavailable, from, to);
}

/** One community's vitality needs the whole Commons: what others say about it is stored with them. */
export async function communityVitality(ctx: GatewayContext, slug: string, from: Date, to: Date) {
  window(from, to);
  const { communities } = await gatherOnce(ctx);
  const own = communities.find((c) => c.slug === slug);
  if (!own) throw ctx.reads.unavailable(slug);
  return computeVitality(new CommonsIndex(communities), own, from, to);
}

export const vitalityResolvers = {
  community: (v: { community: string }) => communityRef(v.community),
};
