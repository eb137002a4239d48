import { lookupLocalIdOf } from '@commons-graph/schema';
import type { PublicContext } from './context';

/** The local id a representation names; null (resolving to null) for another community's id. */
const own = (ctx: PublicContext, id: unknown): string | null => lookupLocalIdOf(id, ctx.identity.slug);

type Ref = { id?: unknown; slug?: unknown };

/**
 * `_entities` lookups. Each goes through the request's DataLoaders, so a batch of N
 * representations costs one statement per type. Another community's id resolves to null.
 */
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
