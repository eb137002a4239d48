import { badInput, parseGlobalId } from '@commons-graph/schema';

/** Most ids one batch field accepts; the gateway sends at most one page's worth per level. */
export const MAX_BATCH_IDS = 1000;

/** Validates a batch of global ids (any community's) and removes duplicates. */
export function validIdBatch(ids: readonly string[], argument: string): string[] {
  if (ids.length > MAX_BATCH_IDS) {
    throw badInput(`${argument} takes at most ${MAX_BATCH_IDS} ids, got ${ids.length}`, { argument });
  }
  const malformed = ids.filter((id) => !parseGlobalId(id));
  if (malformed.length) {
    throw badInput(`${argument} has malformed ids: ${malformed.slice(0, 5).join(', ')}`, {
      argument,
      malformed,
    });
  }
  return [...new Set(ids)];
}
