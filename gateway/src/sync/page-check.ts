import { parseGlobalId } from '@commons-graph/schema';
import { shown } from '../node-client/answer-check';
import { memberOf } from './feed-query';

/** A page of a node's change feed, already checked against the feed contract's shape. */
export interface FeedPage {
  epoch: string;
  head: number;
  next: number;
  hasMore: boolean;
  events: FeedEvent[];
}

export interface FeedEvent {
  seq: number;
  at: string;
  kind: string;
  entityId: string;
  [member: string]: unknown;
}

/** The latest state of one entity in a page: its public representation, or null (remove it). */
export interface Change {
  kind: string;
  entityId: string;
  seq: number;
  member: Record<string, unknown> | null;
}

export type PageReading = { changes: Change[]; cursor: number } | { refused: string };

/**
 * Kinds whose member's `id` may be local (the entityId is `<slug>:<id>`): real nodes serve learning
 * cycles and contribution roles with global ids, which are taken as they are; and the kind keyed by slug.
 */
const LOCAL_ID_KINDS = new Set(['LEARNING_CYCLE', 'CONTRIBUTION_ROLE']);
const SLUG_KIND = 'COMMUNITY';

/** The entityId a member says it is, by how its kind names itself. */
function identityOf(kind: string, member: Record<string, unknown>, slug: string): unknown {
  if (kind === SLUG_KIND) return member.slug;
  if (LOCAL_ID_KINDS.has(kind)) {
    const id = String(member.id);
    return id.startsWith(`${slug}:`) ? id : `${slug}:${id}`;
  }
  return member.id;
}

const isOwn = (kind: string, entityId: string, slug: string) =>
  kind === SLUG_KIND ? entityId === slug : parseGlobalId(entityId)?.community === slug;

class Refusal {
  constructor(readonly reason: string) {}
}
const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

/** One event: its own entity only, the member its kind names and no other. */
function checkEvent(event: FeedEvent, path: string, slug: string, members: readonly string[]): void {
  if (!isOwn(event.kind, event.entityId, slug))
    refuse(`answered ${path}.entityId with ${shown(event.entityId)}, not an entity of its own community`);
  const own = memberOf(event.kind);
  for (const name of members) {
    if (name !== own && event[name] !== null)
      refuse(`answered ${path}.${name} on an event of kind ${event.kind}, which carries only ${own}`);
  }
  const member = event[own] as Record<string, unknown> | null;
  if (member !== null && identityOf(event.kind, member, slug) !== event.entityId)
    refuse(
      `answered ${path}.${own} with the entity ${shown(identityOf(event.kind, member, slug))} for ${shown(event.entityId)}`,
    );
}

/**
 * What of a page to apply after the cursor `after`: the latest change per entity, and the new
 * cursor. Events at or before the cursor are already applied (a replayed or duplicated page) and are
 * skipped; the rest must follow the cursor without a gap, in any order. Any event that is not the
 * node's to send refuses the whole page.
 */
export function readPage(
  page: FeedPage,
  slug: string,
  after: number,
  members: readonly string[],
): PageReading {
  try {
    const fresh = new Map<number, FeedEvent>();
    page.events.forEach((event, i) => {
      const path = `changes.events[${i}]`;
      checkEvent(event, path, slug, members);
      if (event.seq > page.head)
        refuse(`answered ${path}.seq with ${event.seq}, beyond its own head ${page.head}`);
      if (event.seq <= after) return;
      const same = fresh.get(event.seq);
      if (same && (same.kind !== event.kind || same.entityId !== event.entityId))
        refuse(`answered ${path}.seq with ${event.seq} for two entities`);
      fresh.set(event.seq, event);
    });
    let cursor = after;
    for (const seq of [...fresh.keys()].sort((a, b) => a - b)) {
      if (seq !== cursor + 1) refuse(`answered changes.events without seq ${cursor + 1}, before ${seq}`);
      cursor = seq;
    }
    if (page.next > cursor)
      refuse(`answered changes.next with ${page.next}, but its events end at ${cursor}`);
    const latest = new Map<string, Change>();
    for (const event of fresh.values()) {
      const key = `${event.kind} ${event.entityId}`;
      const known = latest.get(key);
      if (!known || known.seq < event.seq) {
        const member = event[memberOf(event.kind)] as Record<string, unknown> | null;
        latest.set(key, { kind: event.kind, entityId: event.entityId, seq: event.seq, member });
      }
    }
    return { changes: [...latest.values()], cursor };
  } catch (error) {
    if (error instanceof Refusal) return { refused: error.reason };
    throw error;
  }
}
