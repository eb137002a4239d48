import { NODE_PROTOCOL_VERSION } from '@commons-graph/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeKind, CommunityProfile } from './entities';
import { appendChange } from './feed/outbox';

/** Who this node is: the slug it was started with, and the software it runs. */
export interface NodeIdentity {
  slug: string;
  software: { name: string; version: string; protocol: string };
}

export const SOFTWARE_NAME = 'commons-graph-community-node';
// Read once at start; package.json sits two levels above dist/ and src/ alike.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json lies outside rootDir, so `import` would break the build; require reads it at run time.
export const SOFTWARE_VERSION: string = require('../package.json').version;

export function nodeIdentity(slug: string): NodeIdentity {
  return {
    slug,
    software: { name: SOFTWARE_NAME, version: SOFTWARE_VERSION, protocol: NODE_PROTOCOL_VERSION },
  };
}

/** Creates the profile row on first start; later starts keep whatever stewards edited. */
export async function ensureProfile(em: EntityManager, slug: string, name: string): Promise<void> {
  await em.fork().transactional(async (fork) => {
    if (await fork.findOne(CommunityProfile, { slug })) return;
    fork.create(CommunityProfile, { slug, name, description: '', createdAt: new Date() });
    await appendChange(fork, ChangeKind.COMMUNITY, slug);
  });
}
