import type { StaleCommunity } from '../../reads';
import type { CommonsIndex } from '../CommonsIndex';
import type { SyncNotice } from '../sync-notices';
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

const behindAt = (f: string) =>
  `${f}.last_sync_at is null or ${f}.last_sync_at < now() - make_interval(secs => $1::double precision / 1000)`;
const BEHIND = behindAt('f');
const LAG = `greatest(coalesce(f.head - f.cursor, 0), 0)`;
/** Milliseconds until the first followed node that is fresh now falls behind (null: none is fresh). */
const FRESH_FOR = `(select extract(epoch from min(g.last_sync_at) + make_interval(secs => $1::double precision / 1000) - now()) * 1000
  from followed_node g where not (${behindAt('g')}))`;

/** The followed nodes behind, as of the followed set's `version`, and until when that holds unless told otherwise. */
interface Behind {
  version: string;
  stale: StaleCommunity[];
  slugs: ReadonlySet<string>;
  /** Date.now() past which a node fresh when read may have fallen behind. */
  until: number;
}

/**
 * The communities (of the participants) whose last successful sync is older than `freshnessMs`, or
 * that were never synced: what an answer from the index says it may be behind on.
 *
 * Read from the followed nodes that are behind (usually none) and the followed set kept in the
 * gateway (a participant the index does not follow was never synced), so a request does not send
 * the participants, as many as the Commons' nodes; if the set changed meanwhile, they are sent.
 * What is behind is kept between requests, not read for each: it changes when a node behind is
 * synced, restarted or forgotten, when a node's last sync moves back or a node is followed (each
 * heard from the index's notices), and when a node fresh when read falls behind (a time it knows).
 * Without the notices' connection nothing is kept.
 */
export class Staleness {
  private kept?: Behind;
  /** Moves on every notice that may change what is behind: a read that saw it move is not kept. */
  private generation = 0;

  constructor(
    private readonly index: CommonsIndex,
    private readonly followed: Followed,
    private readonly freshnessMs: number,
  ) {
    index.notices.hear((notice) => this.heard(notice));
  }

  async of(slugs: readonly string[]): Promise<StaleCommunity[]> {
    const kept = await this.followed.current();
    const behind = await this.behind();
    if (!this.followed.confirms(kept, behind.version)) {
      this.forget();
      return this.named(slugs);
    }
    const { taking, unfollowed } = difference(kept, slugs);
    if (!behind.stale.length && !unfollowed.length) return [];
    const never = unfollowed.map((slug) => staleOf({ community: slug, synced_at: null, lag: null }));
    // Slugs are ASCII: code-unit order is the "C" order the live path's list is in.
    return [...behind.stale.filter((s) => taking.has(s.community)), ...never].sort((a, b) =>
      a.community < b.community ? -1 : 1,
    );
  }

  private heard(notice: SyncNotice): void {
    const kept = this.kept;
    if (kept && !notice.staler && notice.slug !== null && !kept.slugs.has(notice.slug)) return;
    this.forget();
  }

  private forget(): void {
    this.kept = undefined;
    this.generation += 1;
  }

  private async behind(): Promise<Behind> {
    const notices = this.index.notices;
    notices.listen();
    if (this.kept && notices.listening && Date.now() < this.kept.until) return this.kept;
    const [generation, listening, asked] = [this.generation, notices.listening, Date.now()];
    const rows = await this.index.read<StaleRow & { version: string; fresh_for: number | null }>(
      `select v.version, f.slug as community, f.last_sync_at as synced_at, ${LAG} as lag, ${FRESH_FOR} as fresh_for
        from ${FOLLOWED_VERSION} v(version) left join followed_node f on ${BEHIND}`,
      [this.freshnessMs],
    );
    const stale = rows.filter((row) => row.community !== null).map(staleOf);
    const freshFor = rows[0].fresh_for;
    const behind: Behind = {
      version: rows[0].version,
      stale,
      slugs: new Set(stale.map((s) => s.community)),
      until: freshFor === null ? Infinity : asked + Number(freshFor),
    };
    if (listening && notices.listening && generation === this.generation) this.kept = behind;
    return behind;
  }

  /** The same, naming every participant in the statement. */
  private async named(slugs: readonly string[]): Promise<StaleCommunity[]> {
    const rows = await this.index.read<StaleRow>(
      `select s.slug as community, f.last_sync_at as synced_at, ${LAG} as lag
        from unnest($2::text[]) s(slug) left join followed_node f on f.slug = s.slug
        where ${BEHIND}
        order by s.slug collate "C"`,
      [this.freshnessMs, slugs],
    );
    return rows.map(staleOf);
  }
}
