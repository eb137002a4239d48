import type { EntityManager } from '@mikro-orm/postgresql';
import type { NodeIdentity } from '../identity';
import { createPublicLoaders, type PublicLoaders } from './loaders';
import { PublishedStore } from './published-store';

/** What a public resolver may use: the read model and its loaders, nothing that can reach a draft. */
export interface PublicContext {
  identity: NodeIdentity;
  store: PublishedStore;
  loaders: PublicLoaders;
}

export function createPublicContext(em: EntityManager, identity: NodeIdentity): PublicContext {
  const store = new PublishedStore(em.fork(), identity.slug);
  return { identity, store, loaders: createPublicLoaders(store) };
}
