import type { StaleCommunity } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';
import { difference, FOLLOWED_VERSION, type Followed } from './followed';

interface StaleRow {
  community: string | null;
  synced_at: Date | null;
  lag: string | null;
}

const staleOf = (row: StaleRow): StaleCommunity => ({
  community: row.community!,
  syncedAt: row.synced_at?.toISOString() ?? null,
  lag: Number(row.lag ?? 0),
});

const BEHIND = `f.last_sync_at is null or f.last_sync_at < now() - make_interval(secs => $1::double precision / 1000)`;
const LAG = `greatest(coalesce(f.head - f.cursor, 0), 0)`;

/**
 * The communities (of `slugs`) whose last successful sync is older than `freshnessMs`, or that
 * were never synced: what an answer from the index says it may be behind on.
 *
 * Read from the followed nodes that are behind (usually none) and the followed set kept in the
 * gateway (a participant the index does not follow was never synced), so a request does not send
 * the participants, as many as the Commons' nodes; if the set changed meanwhile, they are sent.
 */
export async function staleCommunities(
  index: CommonsIndex,
  followed: Followed,
  slugs: string[],
  freshnessMs: number,
): Promise<StaleCommunity[]> {
  const kept = await followed.current();
  const rows = await index.read<StaleRow & { version: string }>(
    `select v.version, f.slug as community, f.last_sync_at as synced_at, ${LAG} as lag
      from ${FOLLOWED_VERSION} v(version) left join followed_node f on ${BEHIND}`,
    [freshnessMs],
  );
  if (!followed.confirms(kept, rows[0].version)) return namedStale(index, slugs, freshnessMs);
  const { taking, unfollowed } = difference(kept, slugs);
  const behind = rows.filter((row) => row.community !== null && taking.has(row.community)).map(staleOf);
  const never = unfollowed.map((slug) => staleOf({ community: slug, synced_at: null, lag: null }));
  // Slugs are ASCII: code-unit order is the "C" order the live path's list is in.
  return [...behind, ...never].sort((a, b) => (a.community < b.community ? -1 : 1));
}

/** The same, naming every participant in the statement. */
async function namedStale(index: CommonsIndex, slugs: string[], freshnessMs: number) {
  const rows = await index.read<StaleRow>(
    `select s.slug as community, f.last_sync_at as synced_at, ${LAG} as lag
      from unnest($2::text[]) s(slug) left join followed_node f on f.slug = s.slug
      where ${BEHIND}
      order by s.slug collate "C"`,
    [freshnessMs, slugs],
  );
  return rows.map(staleOf);
}
