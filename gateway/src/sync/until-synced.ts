import { mapLimit } from '@commons-graph/schema';
import type { SyncState } from '../commons-index/CommonsIndex';
import type { SyncWorker } from './SyncWorker';

export class NotSyncedError extends Error {}

/** Nodes pulled at once when checking their heads. */
const AT_ONCE = 8;

/** A node whose index has pulled its feed to the head that pull saw, with no failure since. */
export const isSynced = (state: SyncState | null): boolean =>
  !!state && state.lastSyncAt !== null && state.failures === 0 && state.cursor >= state.head;

const describe = (slug: string, state: SyncState | null) =>
  !state
    ? `${slug} (not followed)`
    : `${slug} (synced ${state.cursor} of ${state.head}${state.lastError ? `, last error: ${state.lastError}` : ''})`;

/**
 * Waits until the index holds every named node's feed up to its head as of this call: for a start that should
 * serve a synced index (the demo), benchmarks and tests. This replica pulls if it syncs; otherwise
 * it waits for the one that does. Fails after `timeoutMs`, naming the nodes behind and why.
 */
export async function untilSynced(
  sync: SyncWorker,
  slugs: readonly string[],
  timeoutMs: number,
  pollMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A state looks synced up to the head its last pull saw: pull each node once more to see its
  // head now (a few at a time). A replica that does not sync can only wait for the one that does.
  if (sync.leading) await mapLimit(slugs, AT_ONCE, (slug) => sync.syncNode(slug));
  for (;;) {
    await sync.settled();
    const states = await Promise.all(slugs.map((slug) => sync.state(slug)));
    const behind = slugs.filter((_, i) => !isSynced(states[i]));
    if (!behind.length) return;
    if (Date.now() >= deadline)
      throw new NotSyncedError(
        `the Commons index did not sync within ${timeoutMs} ms: ` +
          behind.map((slug) => describe(slug, states[slugs.indexOf(slug)])).join('; '),
      );
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    await sync.pass();
  }
}
