import { badInput, parseGlobalId } from '@commons-graph/schema';
import type { PublicContext } from './context';

/**
 * `_entities` lookups. Each goes through the request's DataLoaders, so a batch of N
 * representations costs one statement per type. Another community's id resolves to null.
 */
function own(ctx: PublicContext, id: unknown): string | null {
  const parsed = typeof id === 'string' ? parseGlobalId(id) : null;
  if (!parsed) throw badInput(`"${String(id)}" is not a global id of the form <community-slug>:<local-id>`);
  return parsed.community === ctx.identity.slug ? parsed.localId : null;
}

type Ref = { id?: unknown; slug?: unknown };

export const referenceResolvers = {
  Artifact: {
    __resolveReference: (ref: Ref, ctx: PublicContext) => {
      const handle = own(ctx, ref.id);
      return handle ? ctx.loaders.artifact.load(handle) : null;
    },
  },
  Adoption: {
    __resolveReference: (ref: Ref, ctx: PublicContext) => {
      const id = own(ctx, ref.id);
      return id ? ctx.loaders.adoption.load(id) : null;
    },
  },
  Feedback: {
    __resolveReference: (ref: Ref, ctx: PublicContext) => {
      const id = own(ctx, ref.id);
      return id ? ctx.loaders.feedback.load(id) : null;
    },
  },
  FeedbackResponse: {
    __resolveReference: (ref: Ref, ctx: PublicContext) => {
      const id = own(ctx, ref.id);
      return id ? ctx.loaders.response.load(id) : null;
    },
  },
  Need: {
    __resolveReference: (ref: Ref, ctx: PublicContext) => {
      const id = own(ctx, ref.id);
      return id ? ctx.loaders.need.load(id) : null;
    },
  },
  Community: {
    __resolveReference: (ref: Ref, ctx: PublicContext) =>
      ref.slug === ctx.identity.slug ? ctx.store.profile(ctx.identity) : null,
  },
};
