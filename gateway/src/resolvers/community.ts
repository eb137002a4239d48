import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context';
import type { NodeAdoption, NodeFeedback } from '../node-client/types';
import type { Args } from './args';
import { artifactConnection } from './artifact-connection';
import { communityVitality } from './reports';
import { nodeView } from './views';

type Community = { slug: string };

/** A community: its profile and the links it gave from its own node, what it received from the others. */
export const communityResolvers = {
  name: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    (await ctx.loaders.profile.load(slug))?.name ?? ctx.registry.get(slug)?.name ?? slug,
  description: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    (await ctx.loaders.profile.load(slug))?.description ?? '',
  region: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    (await ctx.loaders.profile.load(slug))?.region ?? null,
  website: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    (await ctx.loaders.profile.load(slug))?.website ?? null,
  node: ({ slug }: Community, _: Args, ctx: GatewayContext) => {
    const node = ctx.registry.get(slug);
    return node ? nodeView(node) : null;
  },
  artifacts: ({ slug }: Community, { first, after }: Args, ctx: GatewayContext, info: GraphQLResolveInfo) =>
    artifactConnection(ctx, info, { communities: [slug] }, first, after),
  adoptionsGiven: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    ((await ctx.loaders.given.load(slug))?.adoptionsGiven ?? []) as NodeAdoption[],
  feedbackGiven: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    ((await ctx.loaders.given.load(slug))?.feedbackGiven ?? []) as NodeFeedback[],
  learningCycles: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    (await ctx.loaders.given.load(slug))?.learningCycles ?? [],
  contributionRoles: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    (await ctx.loaders.given.load(slug))?.contributionRoles ?? [],
  adoptionsReceived: ({ slug }: Community, _: Args, ctx: GatewayContext) => ctx.reads.adoptionsReceived(slug),
  feedbackReceived: ({ slug }: Community, _: Args, ctx: GatewayContext) => ctx.reads.feedbackReceived(slug),
  vitality: ({ slug }: Community, { from, to }: Args, ctx: GatewayContext) =>
    communityVitality(ctx, slug, from, to),
  needs: ({ slug }: Community, { status }: Args, ctx: GatewayContext) => ctx.reads.needs(status, slug),
};
