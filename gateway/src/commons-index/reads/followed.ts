import type { CommonsIndex } from '../CommonsIndex';

/** The nodes the index follows (every community it holds rows of), as of `version`. */
export interface FollowedNodes {
  version: string;
  slugs: ReadonlySet<string>;
}

/** The version of the followed set, for a statement to return beside its answer. */
export const FOLLOWED_VERSION = `(select version::text from followed_version)`;

/**
 * The index's followed nodes, kept in the gateway so that a request need not send the
 * participants (as many as the Commons' nodes) to PostgreSQL to learn which communities to leave
 * out: those are the followed ones that do not participate, usually none. A statement relying on
 * the set returns FOLLOWED_VERSION; if it differs from the kept one, the set changed meanwhile
 * (a trigger moves it on every follow and forget), so the answer is not used and the set is read again.
 */
export class Followed {
  private kept?: Promise<FollowedNodes>;

  constructor(private readonly index: CommonsIndex) {}

  current(): Promise<FollowedNodes> {
    const reading = (this.kept ??= this.read());
    reading.catch(() => this.kept === reading && (this.kept = undefined));
    return reading;
  }

  /** Whether a statement that returned `version` saw the set `known`; if not, the set is read again on next use. */
  confirms(known: FollowedNodes, version: string): boolean {
    if (known.version === version) return true;
    this.kept = undefined;
    return false;
  }

  private async read(): Promise<FollowedNodes> {
    const [row] = await this.index.read<{ version: string; slugs: string[] }>(
      `select ${FOLLOWED_VERSION} as version, coalesce(array_agg(slug), '{}') as slugs from followed_node`,
    );
    return { version: row.version, slugs: new Set(row.slugs) };
  }
}

let last: { list: readonly string[]; set: ReadonlySet<string> } | undefined;

/**
 * The participants as a set, as many as the Commons' nodes and almost always the same: the
 * registry keeps one list while they do not change (then this is one comparison), and another
 * list with the same slugs in the same order reuses the set made for the last one instead of
 * hashing every slug again.
 */
export function participantSet(participants: readonly string[]): ReadonlySet<string> {
  if (last?.list !== participants) {
    const same =
      last?.list.length === participants.length && participants.every((slug, k) => slug === last!.list[k]);
    last = { list: participants, set: same ? last!.set : new Set(participants) };
  }
  return last.set;
}

/** How the participants and the followed nodes differ: each side's communities the other lacks. */
interface Difference {
  taking: ReadonlySet<string>;
  /** Followed, not participating: what a read leaves out (usually none). */
  leftOut: string[];
  /** Participating, not followed: never synced (usually none). */
  unfollowed: string[];
}

const differences = new WeakMap<FollowedNodes, Difference>();

/** The difference for these participants, computed once per followed set and participant set. */
export function difference(followed: FollowedNodes, participants: readonly string[]): Difference {
  const taking = participantSet(participants);
  const known = differences.get(followed);
  if (known?.taking === taking) return known;
  const computed = {
    taking,
    leftOut: [...followed.slugs].filter((slug) => !taking.has(slug)),
    unfollowed: participants.filter((slug) => !followed.slugs.has(slug)),
  };
  differences.set(followed, computed);
  return computed;
}
