import DataLoader from 'dataloader';
import { localIdOf } from '@commons-graph/schema';
import type { NodeIdentity } from '../identity';
import type { PublishedStore } from './published-store';
import type * as P from './types';

/** Per-request DataLoaders: a batch of lookups becomes one statement per entity type. */
export function createPublicLoaders(store: PublishedStore, identity: NodeIdentity) {
  const byIdLoader = <T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) =>
    new DataLoader<string, T | null>(async (localIds) => {
      const found = new Map((await load(localIds)).map((item) => [localIdOf(item.id, store.slug), item]));
      return localIds.map((id) => found.get(id) ?? null);
    });

  return {
    artifact: new DataLoader<string, P.Artifact | null>(async (handles) => {
      const found = await store.artifactsByHandles(handles);
      return handles.map((handle) => found.get(handle) ?? null);
    }),
    versions: new DataLoader<string, P.PublishedVersion[]>(async (rowIds) => {
      const found = await store.versionsOf(rowIds);
      return rowIds.map((rowId) => found.get(rowId) ?? []);
    }),
    derivedFrom: new DataLoader<string, P.DerivationLink[]>(async (rowIds) => {
      const found = await store.derivedFrom(rowIds);
      return rowIds.map((rowId) => found.get(rowId) ?? []);
    }),
    adoption: byIdLoader((ids) => store.adoptionsByIds(ids)),
    feedback: byIdLoader((ids) => store.feedbackByIds(ids)),
    response: byIdLoader((ids) => store.responsesByIds(ids)),
    need: byIdLoader((ids) => store.needs(null, ids)),
    derivation: byIdLoader((ids) => store.derivationsByIds(ids)),
    needAnswer: byIdLoader((ids) => store.needAnswersByIds(ids)),
    learningCycle: byIdLoader((ids) => store.learningCycles(ids)),
    contributionRole: byIdLoader((ids) => store.contributionRoles(ids)),
    /** The profile, read once however many times a request asks (keyed by slug: there is one). */
    community: new DataLoader<string, P.Community>(async (slugs) => {
      const profile = await store.profile(identity);
      return slugs.map(() => profile);
    }),
  };
}

export type PublicLoaders = ReturnType<typeof createPublicLoaders>;
