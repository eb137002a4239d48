import type { GraphQLResolveInfo } from 'graphql';
import { readGlobalId, type ParsedGlobalId } from '@commons-graph/schema';
import { inCanonicalOrder, TIME_OF } from '../canonical-order';
import type { GatewayContext } from '../context';
import type { LinkedArtifact, NodeArtifact } from '../node-client/types';
import type { Args } from './args';
import { artifactSelection } from './artifact-selection';
import { licenceCheck } from './licence-check';
import { walkedLineage } from './lineage-first';
import { communityRef } from './views';

/** One artifact, asked only of the node its id names. */
export function loadArtifact(ctx: GatewayContext, info: GraphQLResolveInfo, id: ParsedGlobalId) {
  return ctx.loaders.artifacts(artifactSelection(info)).load(id);
}

/** The artifact an id in a node's answer names, read where it enters; null when there is none. */
export function artifactOrNull(ctx: GatewayContext, info: GraphQLResolveInfo, id: string | null | undefined) {
  const parsed = readGlobalId(id);
  return parsed ? loadArtifact(ctx, info, parsed) : null;
}

/**
 * Whether the artifact a link names is known to nothing the gateway reads: not loaded, and not
 * because its node failed in this request (an unavailable node may hold it). The index path has
 * no failures, so there it means the index does not hold it.
 */
export async function danglingTarget(ctx: GatewayContext, info: GraphQLResolveInfo, id: string) {
  const parsed = readGlobalId(id);
  if (!parsed) return true;
  if (await loadArtifact(ctx, info, parsed)) return false;
  return !ctx.failures.has(parsed.community);
}

export const artifactResolvers = {
  community: (a: NodeArtifact) => communityRef(a.community),
  versions: (a: NodeArtifact) =>
    (a.versions as Array<{ licence: { spdx: string } }>).map((v) => ({ ...v, licence: v.licence.spdx })),
  adoptions: (a: NodeArtifact, _: Args, ctx: GatewayContext) => ctx.loaders.adoptionsOf.load(a.id),
  derivedFrom: (a: NodeArtifact) => inCanonicalOrder(a.derivedFrom ?? [], TIME_OF.derivation),
  derivatives: (a: NodeArtifact, _: Args, ctx: GatewayContext) => ctx.loaders.derivativesOf.load(a.id),
  lineage: async (
    a: NodeArtifact,
    { direction, maxDepth }: Args,
    ctx: GatewayContext,
    info: GraphQLResolveInfo,
  ) => {
    const selection = artifactSelection(info);
    const answer = await (walkedLineage(a, direction, maxDepth) ??
      ctx.reads.lineage(selection, a, direction, maxDepth));
    // Fields under the lineage's artifacts that load artifacts find these already.
    ctx.loaders.artifacts(selection).keep(answer.nodes);
    return answer;
  },
  feedback: (a: NodeArtifact, _: Args, ctx: GatewayContext) => ctx.loaders.feedbackOn.load(a.id),
  licenceCheck: (a: NodeArtifact, _: Args, ctx: GatewayContext, info: GraphQLResolveInfo) =>
    licenceCheck(ctx, artifactSelection(info), a as LinkedArtifact),
};
