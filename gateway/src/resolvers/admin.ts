import { createHash, timingSafeEqual } from 'node:crypto';
import {
  badInput,
  commonsError,
  ErrorCode,
  forbidden,
  isValidSlug,
  unauthenticated,
} from '@commons-graph/schema';
import type { GatewayContext } from '../context';
import type { Args } from './args';
import { nodeView } from './views';

const digest = (value: string) => createHash('sha256').update(value).digest();

function requireAdmin(ctx: GatewayContext, adminToken: string | undefined): void {
  if (!adminToken) throw forbidden('Node registration is disabled: set GATEWAY_ADMIN_TOKEN to enable it');
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.authorization ?? '');
  if (!match) throw unauthenticated('Send the gateway admin token as "Authorization: Bearer <token>"');
  if (!timingSafeEqual(digest(match[1]), digest(adminToken)))
    throw forbidden('That is not the gateway admin token');
}

/** The mutations: registering, removing and re-syncing nodes, for whoever holds the gateway admin token. */
export function adminMutations(adminToken: string | undefined) {
  return {
    registerNode: async (_: unknown, { url, slug }: Args, ctx: GatewayContext) => {
      requireAdmin(ctx, adminToken);
      try {
        new URL(url);
      } catch {
        throw badInput(`"${url}" is not a URL`, { argument: 'url' });
      }
      if (slug !== undefined && slug !== null && !isValidSlug(slug))
        throw badInput(`"${slug}" is not a community slug`);
      return nodeView(await ctx.registry.register({ url, slug: slug ?? undefined }));
    },
    removeNode: async (_: unknown, { slug }: Args, ctx: GatewayContext) => {
      requireAdmin(ctx, adminToken);
      if (!(await ctx.registry.remove(slug)))
        throw commonsError(ErrorCode.NOT_FOUND, `No node "${slug}" is registered`);
      return true;
    },
    resyncNode: async (_: unknown, { slug }: Args, ctx: GatewayContext) => {
      requireAdmin(ctx, adminToken);
      const node = ctx.registry.get(slug);
      if (!node) throw commonsError(ErrorCode.NOT_FOUND, `No node "${slug}" is registered`);
      if (!ctx.registry.follower) throw forbidden('This gateway keeps no Commons index to re-sync');
      await ctx.registry.follower.resync(slug);
      return nodeView(node);
    },
  };
}
