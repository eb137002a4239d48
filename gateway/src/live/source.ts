import { commonsError, ErrorCode } from '@commons-graph/schema';
import { NODE_FIELDS } from '../node-client/fields';
import type { NodeAdoption, NodeFeedback, NodeNeed } from '../node-client/types';
import { inCanonicalOrder, TIME_OF } from '../canonical-order';
import { createLoaders } from '../loaders';
import type { CommonsReads, CommonsSource, Reader } from '../reads';
import { gatherCommons } from '../reports/gather';
import { CommonsIndex, reportInputsOf, vitalityInputsOf } from '../reports/live-inputs';
import { lineage } from '../resolvers/lineage';
import { liveArtifactPage } from './artifact-page';

/** What others say of a community is stored on their nodes: every other participant is asked. */
const othersOf = (ctx: Reader, slug: string) => ctx.registry.participants().filter((n) => n.slug !== slug);

/** The reads answered by asking the nodes at query time: the oracle the index is tested against. */
function liveReads(ctx: Reader): CommonsReads {
  // One gathering per execution, however many report or vitality fields the query asks for.
  let gathered: Promise<{ index: CommonsIndex; unavailable: string[] }> | undefined;
  const gather = () =>
    (gathered ??= gatherCommons(ctx).then(({ communities, unavailable }) => ({
      index: new CommonsIndex(communities),
      unavailable,
    })));
  return {
    artifactPage: (selection, filter, first, after) => liveArtifactPage(ctx, selection, filter, first, after),
    async needs(status, community) {
      if (community === undefined) {
        const answers = await ctx.askAll<NodeNeed[]>(NODE_FIELDS.needs, { status });
        return inCanonicalOrder(
          answers.flatMap(({ data }) => data),
          TIME_OF.need,
        );
      }
      const node = ctx.registry.get(community);
      if (!node) return [];
      return inCanonicalOrder(
        (await ctx.ask<NodeNeed[]>(node, NODE_FIELDS.needs, { status })) ?? [],
        TIME_OF.need,
      );
    },
    async adoptionsReceived(community) {
      const answers = await ctx.askAll<NodeAdoption[]>(
        NODE_FIELDS.adoptionsOfCommunity,
        { community },
        othersOf(ctx, community),
      );
      return inCanonicalOrder(
        answers.flatMap(({ data }) => data),
        TIME_OF.adoption,
      );
    },
    async feedbackReceived(community) {
      const answers = await ctx.askAll<NodeFeedback[]>(
        NODE_FIELDS.feedbackOnCommunity,
        { community },
        othersOf(ctx, community),
      );
      return inCanonicalOrder(
        answers.flatMap(({ data }) => data),
        TIME_OF.feedback,
      );
    },
    async report(span) {
      const { index, unavailable } = await gather();
      return reportInputsOf(index, unavailable, span);
    },
    async vitality(community, span) {
      const { index } = await gather();
      const own = index.communities.find((c) => c.slug === community);
      return own ? vitalityInputsOf(index, own, span) : null;
    },
    unavailable: (community) =>
      commonsError(ErrorCode.NODE_UNAVAILABLE, `The node of "${community}" did not answer`, {
        community,
        serviceName: community,
      }),
    lineage: (selection, root, direction, maxDepth) => lineage(ctx, selection, root, direction, maxDepth),
  };
}

export const liveSource: CommonsSource = {
  name: 'live',
  loaders: createLoaders,
  reads: liveReads,
  stale: () => Promise.resolve([]),
};
