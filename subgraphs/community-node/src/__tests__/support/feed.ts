import type { TestNode } from '@commons-graph/testing';

/** Every member of a change event, each with enough fields to tell the entity and its state. */
export const EVENT_FIELDS = `seq at kind entityId
  artifact { id status version title body retiredAt }
  derivation { id artifactId sourceId relation }
  adoption { id artifactId status context adaptedAsId }
  feedback { id artifactId kind body }
  response { id feedbackId artifactId kind body }
  need { id status title closedAt }
  needAnswer { id needId artifactId note }
  community { slug name description }
  learningCycle { id becameClear harvestedArtifactIds }
  contributionRole { id personName endsOn }`;

export const CHANGES = `query($after: Int!, $first: Int!) {
  changes(after: $after, first: $first) { epoch head next hasMore events { ${EVENT_FIELDS} } }
}`;

export const MEMBERS = [
  'artifact',
  'derivation',
  'adoption',
  'feedback',
  'response',
  'need',
  'needAnswer',
  'community',
  'learningCycle',
  'contributionRole',
] as const;

export interface FeedEvent {
  seq: number;
  at: string;
  kind: string;
  entityId: string;
  [member: string]: unknown;
}

export interface FeedPage {
  epoch: string;
  head: number;
  next: number;
  hasMore: boolean;
  events: FeedEvent[];
}

export async function feedPage(node: TestNode, after = 0, first = 1000): Promise<FeedPage> {
  return (await node.publicOk<{ changes: FeedPage }>(CHANGES, { after, first })).changes;
}

/** Reads the feed from `after` to its end, page by page, as a follower does. */
export async function wholeFeed(node: TestNode, after = 0, first = 1000): Promise<FeedEvent[]> {
  const events: FeedEvent[] = [];
  for (let cursor = after; ;) {
    const page = await feedPage(node, cursor, first);
    events.push(...page.events);
    if (!page.hasMore) return events;
    cursor = page.next;
  }
}

/** The (kind, entity) pairs of events, for stories that say what changed in what order. */
export const changesOf = (events: FeedEvent[]) => events.map((e) => [e.kind, e.entityId]);

/** The member an event carries (the one its kind names); the test fails if any other is set. */
export function memberOf(event: FeedEvent): unknown {
  const set = MEMBERS.filter((member) => event[member] !== null);
  if (set.length > 1) throw new Error(`event ${event.seq} carries ${set.join(', ')}`);
  return set.length ? event[set[0]] : null;
}
