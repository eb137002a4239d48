import { formatGlobalId } from '@commons-graph/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeKind } from '../entities/enums';
import type { Change } from './outbox';

/**
 * What an artifact's first publication makes public besides itself, since public answers show a
 * link only through a public artifact: its derivation links, adoptions that name it as what they
 * were adapted as, and public learning cycles that harvested it. Oldest first.
 */
export async function changesOfFirstPublication(
  em: EntityManager,
  slug: string,
  artifactRowId: string,
): Promise<Change[]> {
  const rows = await em.execute<Array<{ kind: ChangeKind; id: string }>>(
    `select * from (
        select 'DERIVATION' as kind, id::text as id, asserted_at as at from derivation where artifact_id = ?
        union all
        select 'ADOPTION', id::text, updated_at from adoption where adapted_as_id = ?
        union all
        select 'LEARNING_CYCLE', c.id::text, c.created_at
          from learning_cycle c join learning_cycle_harvest h on h.learning_cycle_id = c.id
          where h.artifact_id = ? and c.is_public
      ) linked order by at, kind, id`,
    [artifactRowId, artifactRowId, artifactRowId],
  );
  return rows.map((row) => ({ kind: row.kind, entityId: formatGlobalId(slug, row.id) }));
}
