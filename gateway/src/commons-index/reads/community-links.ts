import { TIME_OF } from '../../canonical-order';
import type { NodeAdoption, NodeFeedback, NodeNeed } from '../../node-client/types';
import type { CommonsIndex } from '../CommonsIndex';
import type { Participants } from './loaders';
import { inCanonicalOrder } from './sql';

/** Needs anywhere (or of one community), by status when given. */
export async function indexNeeds(
  index: CommonsIndex,
  participants: Participants,
  status: string | null | undefined,
  community?: string,
): Promise<NodeNeed[]> {
  const rows = await index.read<{ doc: NodeNeed }>(
    `select doc from need where community = any($1) and ($2::text is null or status = $2)
      and ($3::text is null or community = $3) order by ${inCanonicalOrder(TIME_OF.need)}`,
    [participants(), status ?? null, community ?? null],
  );
  return rows.map((row) => row.doc);
}

/** Links other communities assert on a community's artifacts (adoptions or feedback). */
async function received<T>(
  index: CommonsIndex,
  participants: Participants,
  table: string,
  time: string,
  community: string,
): Promise<T[]> {
  const rows = await index.read<{ doc: T }>(
    `select doc from "${table}" where starts_with(artifact_id, $2 || ':') and community <> $2
      and community = any($1) order by ${inCanonicalOrder(time)}`,
    [participants(), community],
  );
  return rows.map((row) => row.doc);
}

export const indexAdoptionsReceived = (index: CommonsIndex, participants: Participants, community: string) =>
  received<NodeAdoption>(index, participants, 'adoption', TIME_OF.adoption, community);

export const indexFeedbackReceived = (index: CommonsIndex, participants: Participants, community: string) =>
  received<NodeFeedback>(index, participants, 'feedback', TIME_OF.feedback, community);
