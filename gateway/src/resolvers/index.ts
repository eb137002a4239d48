import { createHash, timingSafeEqual } from 'node:crypto';
import { DateTimeResolver } from 'graphql-scalars';
import {
  badInput,
  commonsError,
  ErrorCode,
  forbidden,
  isValidSlug,
  parseGlobalId,
  unauthenticated,
} from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { GraphQLResolveInfo } from 'graphql';
import { F } from '../node-client/fields';
import type {
  LinkedArtifact,
  NodeAdoption,
  NodeAnswer,
  NodeArtifact,
  NodeDerivation,
  NodeFeedback,
  NodeNeed,
} from '../node-client/types';
import type { RegisteredNode } from '../registry/Registry';
import { artifactSelection } from './artifact-selection';
import { artifactConnection, loadArtifact } from './artifacts';
import { licenceCheck } from './licence-check';
import { lineage } from './lineage';
import { nodeSync } from './node-sync';
import { communityVitality, commonsReport } from './reports';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the GraphQL schema has validated and typed the args before a resolver runs; each resolver names the fields it reads.
type Args = Record<string, any>;
const community = (slug: string) => ({ slug });
type Info = GraphQLResolveInfo;
const artifactOrNull = (ctx: GatewayContext, info: Info, id: string | null | undefined) =>
  id && parseGlobalId(id) ? ctx.loaders.artifacts(artifactSelection(info)).load(id) : null;

const digest = (value: string) => createHash('sha256').update(value).digest();

function requireAdmin(ctx: GatewayContext, adminToken: string | undefined): void {
  if (!adminToken) throw forbidden('Node registration is disabled: set GATEWAY_ADMIN_TOKEN to enable it');
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.authorization ?? '');
  if (!match) throw unauthenticated('Send the gateway admin token as "Authorization: Bearer <token>"');
  if (!timingSafeEqual(digest(match[1]), digest(adminToken)))
    throw forbidden('That is not the gateway admin token');
}

function nodeView(node: RegisteredNode) {
  return {
    slug: node.slug,
    url: node.url,
    status: node.status,
    name: node.name,
    softwareVersion: node.software?.version ?? null,
    protocol: node.software?.protocol ?? null,
    lastSeen: node.lastSeen,
    lastLatencyMs: node.lastLatencyMs,
    error: node.error,
  };
}

export function createResolvers(adminToken: string | undefined) {
  return {
    DateTime: DateTimeResolver,
    Query: {
      communities: (_: unknown, __: Args, ctx: GatewayContext) =>
        ctx.registry.participants().map((n) => community(n.slug)),
      community: (_: unknown, { slug }: Args, ctx: GatewayContext) => {
        if (!isValidSlug(slug)) throw badInput(`"${slug}" is not a community slug`, { argument: 'slug' });
        const node = ctx.registry.get(slug);
        return node && node.status !== 'INCOMPATIBLE' ? community(slug) : null;
      },
      artifact: (_: unknown, { id }: Args, ctx: GatewayContext, info: Info) => loadArtifact(ctx, info, id),
      artifacts: (_: unknown, { filter, first, after }: Args, ctx: GatewayContext, info: Info) =>
        artifactConnection(ctx, info, filter, first, after),
      needs: async (_: unknown, { status }: Args, ctx: GatewayContext) =>
        (await ctx.askAll<NodeNeed[]>(F.needs, { status })).flatMap(({ data }) => data),
      nodes: (_: unknown, __: Args, ctx: GatewayContext) => ctx.registry.all().map(nodeView),
      commonsReport: (_: unknown, { from, to }: Args, ctx: GatewayContext) => commonsReport(ctx, from, to),
    },
    Mutation: {
      registerNode: async (_: unknown, { url, slug }: Args, ctx: GatewayContext) => {
        requireAdmin(ctx, adminToken);
        try {
          new URL(url);
        } catch {
          throw badInput(`"${url}" is not a URL`, { argument: 'url' });
        }
        if (slug !== undefined && slug !== null && !isValidSlug(slug))
          throw badInput(`"${slug}" is not a community slug`);
        return nodeView(await ctx.registry.add({ url, slug: slug ?? undefined }, { refuseInvalid: true }));
      },
      removeNode: async (_: unknown, { slug }: Args, ctx: GatewayContext) => {
        requireAdmin(ctx, adminToken);
        if (!(await ctx.registry.remove(slug)))
          throw commonsError(ErrorCode.NOT_FOUND, `No node "${slug}" is registered`);
        return true;
      },
    },
    CommunityNode: { sync: nodeSync },
    Community: {
      name: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) =>
        (await ctx.loaders.profile.load(slug))?.name ?? ctx.registry.get(slug)?.name ?? slug,
      description: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) =>
        (await ctx.loaders.profile.load(slug))?.description ?? '',
      region: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) =>
        (await ctx.loaders.profile.load(slug))?.region ?? null,
      website: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) =>
        (await ctx.loaders.profile.load(slug))?.website ?? null,
      node: ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) => {
        const node = ctx.registry.get(slug);
        return node ? nodeView(node) : null;
      },
      artifacts: ({ slug }: { slug: string }, { first, after }: Args, ctx: GatewayContext, info: Info) =>
        artifactConnection(ctx, info, { communities: [slug] }, first, after),
      adoptionsGiven: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) =>
        ((await ctx.loaders.given.load(slug))?.adoptionsGiven ?? []) as NodeAdoption[],
      feedbackGiven: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) =>
        ((await ctx.loaders.given.load(slug))?.feedbackGiven ?? []) as NodeFeedback[],
      learningCycles: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) =>
        (await ctx.loaders.given.load(slug))?.learningCycles ?? [],
      contributionRoles: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) =>
        (await ctx.loaders.given.load(slug))?.contributionRoles ?? [],
      adoptionsReceived: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) => {
        const others = ctx.registry.participants().filter((n) => n.slug !== slug);
        return (
          await ctx.askAll<NodeAdoption[]>(F.adoptionsOfCommunity, { community: slug }, others)
        ).flatMap(({ data }) => data);
      },
      feedbackReceived: async ({ slug }: { slug: string }, _: Args, ctx: GatewayContext) => {
        const others = ctx.registry.participants().filter((n) => n.slug !== slug);
        return (await ctx.askAll<NodeFeedback[]>(F.feedbackOnCommunity, { community: slug }, others)).flatMap(
          ({ data }) => data,
        );
      },
      vitality: ({ slug }: { slug: string }, { from, to }: Args, ctx: GatewayContext) =>
        communityVitality(ctx, slug, from, to),
      needs: async ({ slug }: { slug: string }, { status }: Args, ctx: GatewayContext) => {
        const node = ctx.registry.get(slug);
        if (!node) return [];
        return (await ctx.ask<NodeNeed[]>(node, F.needs, { status })) ?? [];
      },
    },
    Artifact: {
      community: (a: NodeArtifact) => community(a.community),
      versions: (a: NodeArtifact) =>
        (a.versions as Array<{ licence: { spdx: string } }>).map((v) => ({ ...v, licence: v.licence.spdx })),
      adoptions: (a: NodeArtifact, _: Args, ctx: GatewayContext) => ctx.loaders.adoptionsOf.load(a.id),
      derivedFrom: (a: NodeArtifact) => a.derivedFrom,
      derivatives: (a: NodeArtifact, _: Args, ctx: GatewayContext) => ctx.loaders.derivativesOf.load(a.id),
      lineage: (a: NodeArtifact, { direction, maxDepth }: Args, ctx: GatewayContext, info: Info) =>
        lineage(ctx, artifactSelection(info), a as LinkedArtifact, direction, maxDepth),
      feedback: (a: NodeArtifact, _: Args, ctx: GatewayContext) => ctx.loaders.feedbackOn.load(a.id),
      licenceCheck: (a: NodeArtifact, _: Args, ctx: GatewayContext, info: Info) =>
        licenceCheck(ctx, artifactSelection(info), a as LinkedArtifact),
    },
    Derivation: {
      source: (d: NodeDerivation, _: Args, ctx: GatewayContext, info: Info) =>
        artifactOrNull(ctx, info, d.sourceId),
      derivativeId: (d: NodeDerivation) => d.artifactId,
      derivative: (d: NodeDerivation, _: Args, ctx: GatewayContext, info: Info) =>
        artifactOrNull(ctx, info, d.artifactId),
      assertedBy: (d: NodeDerivation) => community(d.assertedBy),
    },
    Vitality: {
      community: (v: { community: string }) => community(v.community),
    },
    Adoption: {
      artifact: (a: NodeAdoption, _: Args, ctx: GatewayContext, info: Info) =>
        artifactOrNull(ctx, info, a.artifactId),
      community: (a: NodeAdoption) => community(a.community),
      adaptedAs: (a: NodeAdoption, _: Args, ctx: GatewayContext, info: Info) =>
        artifactOrNull(ctx, info, a.adaptedAsId),
    },
    Feedback: {
      artifact: (f: NodeFeedback, _: Args, ctx: GatewayContext, info: Info) =>
        artifactOrNull(ctx, info, f.artifactId),
      community: (f: NodeFeedback) => community(f.community),
      // Only the origin answers feedback: a response about another artifact (from any node) is not one.
      responses: async (f: NodeFeedback, _: Args, ctx: GatewayContext) =>
        (await ctx.loaders.responsesTo.load(f.id)).filter((r) => r.artifactId === f.artifactId),
    },
    FeedbackResponse: {
      community: (r: { community: string }) => community(r.community),
    },
    Need: {
      community: (n: NodeNeed) => community(n.community),
      answers: (n: NodeNeed, _: Args, ctx: GatewayContext) => ctx.loaders.answersTo.load(n.id),
    },
    NeedAnswer: {
      community: (a: NodeAnswer) => community(a.community),
      artifact: (a: NodeAnswer, _: Args, ctx: GatewayContext, info: Info) =>
        artifactOrNull(ctx, info, a.artifactId),
    },
  };
}
