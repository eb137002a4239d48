import type { NodeIdentity } from '../identity';
import { createPublicLoaders, type PublicLoaders } from './loaders';
import type { PublishedStore } from './published-store';

/** What a public resolver may use: the read model and its loaders, nothing that can reach a draft. */
export interface PublicContext {
  identity: NodeIdentity;
  store: PublishedStore;
  loaders: PublicLoaders;
}

/** The store is shared (it keeps no state); the loaders, and so their caches, belong to one request. */
export function createPublicContext(store: PublishedStore, identity: NodeIdentity): PublicContext {
  return { identity, store, loaders: createPublicLoaders(store, identity) };
}
