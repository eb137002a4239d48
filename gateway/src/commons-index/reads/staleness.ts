import type { StaleCommunity } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';

/**
 * The communities (of `slugs`) whose last successful sync is older than `freshnessMs`, or that
 * were never synced: what an answer from the index says it may be behind on.
 */
export async function staleCommunities(
  index: CommonsIndex,
  slugs: string[],
  freshnessMs: number,
): Promise<StaleCommunity[]> {
  const rows = await index.read<{ community: string; synced_at: Date | null; lag: string }>(
    `select s.slug as community, f.last_sync_at as synced_at, greatest(coalesce(f.head - f.cursor, 0), 0) as lag
      from unnest($1::text[]) s(slug) left join followed_node f on f.slug = s.slug
      where f.last_sync_at is null or f.last_sync_at < now() - make_interval(secs => $2::double precision / 1000)
      order by s.slug collate "C"`,
    [slugs, freshnessMs],
  );
  return rows.map((row) => ({
    community: row.community,
    syncedAt: row.synced_at?.toISOString() ?? null,
    lag: Number(row.lag),
  }));
}
