import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context';
import { NODE_FIELDS } from '../node-client/fields';
import type { NodeAdoption, NodeFeedback, NodeNeed } from '../node-client/types';
import type { Args } from './args';
import { artifactConnection } from './artifact-connection';
import { communityVitality } from './reports';
import { nodeView } from './views';

type Community = { slug: string };

/** What others say of a community is stored on their nodes: every other participant is asked. */
const othersOf = (ctx: GatewayContext, slug: string) =>
  ctx.registry.participants().filter((n) => n.slug !== slug);

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
  adoptionsReceived: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    (
      await ctx.askAll<NodeAdoption[]>(
        NODE_FIELDS.adoptionsOfCommunity,
        { community: slug },
        othersOf(ctx, slug),
      )
    ).flatMap(({ data }) => data),
  feedbackReceived: async ({ slug }: Community, _: Args, ctx: GatewayContext) =>
    (
      await ctx.askAll<NodeFeedback[]>(
        NODE_FIELDS.feedbackOnCommunity,
        { community: slug },
        othersOf(ctx, slug),
      )
    ).flatMap(({ data }) => data),
  vitality: ({ slug }: Community, { from, to }: Args, ctx: GatewayContext) =>
    communityVitality(ctx, slug, from, to),
  needs: async ({ slug }: Community, { status }: Args, ctx: GatewayContext) => {
    const node = ctx.registry.get(slug);
    if (!node) return [];
    return (await ctx.ask<NodeNeed[]>(node, NODE_FIELDS.needs, { status })) ?? [];
  },
};
