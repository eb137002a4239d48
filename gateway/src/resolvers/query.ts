import type { GraphQLResolveInfo } from 'graphql';
import { badInput, isValidSlug, requireGlobalId } from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { Args } from './args';
import { artifactConnection } from './artifact-connection';
import { loadArtifact } from './artifact';
import { artifactWithLineage } from './lineage-first';
import { commonsReport } from './reports';
import { reportShows } from './report-selection';
import { communityRef, nodeView } from './views';

/** The root queries: where a client's arguments enter, and are read once. */
export const queryResolvers = {
  communities: (_: unknown, __: Args, ctx: GatewayContext) =>
    ctx.registry.participants().map((n) => communityRef(n.slug)),
  community: (_: unknown, { slug }: Args, ctx: GatewayContext) => {
    if (!isValidSlug(slug)) throw badInput(`"${slug}" is not a community slug`, { argument: 'slug' });
    const node = ctx.registry.get(slug);
    return node && node.status !== 'INCOMPATIBLE' ? communityRef(slug) : null;
  },
  artifact: (_: unknown, { id }: Args, ctx: GatewayContext, info: GraphQLResolveInfo) => {
    const parsed = requireGlobalId(id, { id });
    return artifactWithLineage(ctx, info, parsed) ?? loadArtifact(ctx, info, parsed);
  },
  artifacts: (_: unknown, { filter, first, after }: Args, ctx: GatewayContext, info: GraphQLResolveInfo) =>
    artifactConnection(ctx, info, filter, first, after),
  needs: (_: unknown, { status }: Args, ctx: GatewayContext) => ctx.reads.needs(status),
  nodes: (_: unknown, __: Args, ctx: GatewayContext) => ctx.registry.all().map(nodeView),
  commonsReport: (_: unknown, { from, to }: Args, ctx: GatewayContext, info: GraphQLResolveInfo) =>
    commonsReport(ctx, from, to, reportShows(info)),
};
