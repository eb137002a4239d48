import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context';
import type { NodeAdoption, NodeAnswer, NodeDerivation, NodeFeedback, NodeNeed } from '../node-client/types';
import type { Args } from './args';
import { artifactOrNull, danglingTarget } from './artifact';
import { communityRef } from './views';

type Info = GraphQLResolveInfo;

/** The links communities assert (stored by whoever asserts them): each points at artifacts and communities by id. */
export const linkResolvers = {
  Derivation: {
    source: (d: NodeDerivation, _: Args, ctx: GatewayContext, info: Info) =>
      artifactOrNull(ctx, info, d.sourceId),
    sourceDangling: (d: NodeDerivation, _: Args, ctx: GatewayContext, info: Info) =>
      danglingTarget(ctx, info, d.sourceId),
    derivativeId: (d: NodeDerivation) => d.artifactId,
    derivative: (d: NodeDerivation, _: Args, ctx: GatewayContext, info: Info) =>
      artifactOrNull(ctx, info, d.artifactId),
    assertedBy: (d: NodeDerivation) => communityRef(d.assertedBy),
  },
  Adoption: {
    artifact: (a: NodeAdoption, _: Args, ctx: GatewayContext, info: Info) =>
      artifactOrNull(ctx, info, a.artifactId),
    artifactDangling: (a: NodeAdoption, _: Args, ctx: GatewayContext, info: Info) =>
      danglingTarget(ctx, info, a.artifactId),
    community: (a: NodeAdoption) => communityRef(a.community),
    adaptedAs: (a: NodeAdoption, _: Args, ctx: GatewayContext, info: Info) =>
      artifactOrNull(ctx, info, a.adaptedAsId),
  },
  Feedback: {
    artifact: (f: NodeFeedback, _: Args, ctx: GatewayContext, info: Info) =>
      artifactOrNull(ctx, info, f.artifactId),
    artifactDangling: (f: NodeFeedback, _: Args, ctx: GatewayContext, info: Info) =>
      danglingTarget(ctx, info, f.artifactId),
    community: (f: NodeFeedback) => communityRef(f.community),
    // Only the origin answers feedback: a response about another artifact (from any node) is not one.
    responses: async (f: NodeFeedback, _: Args, ctx: GatewayContext) =>
      (await ctx.loaders.responsesTo.load(f.id)).filter((r) => r.artifactId === f.artifactId),
  },
  FeedbackResponse: {
    community: (r: { community: string }) => communityRef(r.community),
  },
  Need: {
    community: (n: NodeNeed) => communityRef(n.community),
    answers: (n: NodeNeed, _: Args, ctx: GatewayContext) => ctx.loaders.answersTo.load(n.id),
  },
  NeedAnswer: {
    community: (a: NodeAnswer) => communityRef(a.community),
    artifact: (a: NodeAnswer, _: Args, ctx: GatewayContext, info: Info) =>
      artifactOrNull(ctx, info, a.artifactId),
    artifactDangling: (a: NodeAnswer, _: Args, ctx: GatewayContext, info: Info) =>
      danglingTarget(ctx, info, a.artifactId),
  },
};
