import { ok, type TestNode } from '@commons-graph/testing';

/** Whatever answers the node's public API: a TestNode, or a node a test started itself. */
export type PublicReader = Pick<TestNode, 'publicOk'>;

/** The public API of a node a test started without the harness (by its /graphql URL). */
export const readerAt = (publicUrl: string): PublicReader => ({
  publicOk: (query, variables) => ok(publicUrl, query, variables),
});

/** What a test reads of each member: enough to tell the entity and its state. */
export const SELECTIONS = {
  artifact: '{ id status version title body publishedAt updatedAt retiredAt derivedFrom { id } }',
  derivation: '{ id artifactId sourceId relation note assertedAt }',
  adoption: '{ id artifactId status context impact adaptedAsId recordedAt updatedAt }',
  feedback: '{ id artifactId kind body givenAt }',
  response: '{ id feedbackId artifactId kind body resultingVersion respondedAt }',
  need: '{ id status title tags postedAt closedAt }',
  needAnswer: '{ id needId artifactId note answeredAt }',
  community: '{ slug name description region website }',
  learningCycle: '{ id becameClear harvestedArtifactIds }',
  contributionRole: '{ id personName role endsOn }',
} as const;

export type Member = keyof typeof SELECTIONS;
export const MEMBERS = Object.keys(SELECTIONS) as Member[];

export const EVENT_FIELDS = `seq at kind entityId ${MEMBERS.map((m) => `${m} ${SELECTIONS[m]}`).join(' ')}`;

export const CHANGES = `query($after: Int!, $first: Int!) {
  changes(after: $after, first: $first) { epoch head next hasMore events { ${EVENT_FIELDS} } }
}`;

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

export async function feedPage(node: PublicReader, after = 0, first = 1000): Promise<FeedPage> {
  return (await node.publicOk<{ changes: FeedPage }>(CHANGES, { after, first })).changes;
}

/** Reads the feed from `after` to its end, page by page, as a follower does. */
export async function wholeFeed(node: PublicReader, after = 0, first = 1000): Promise<FeedEvent[]> {
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

type Entity = Record<string, unknown>;

/** A follower's index: the feed replayed as upserts keyed by entity id; a null member removes it. */
export function replay(events: FeedEvent[]): Map<string, Entity> {
  const index = new Map<string, Entity>();
  for (const event of events) {
    const member = memberOf(event) as Entity | null;
    if (member) index.set(`${event.kind} ${event.entityId}`, member);
    else index.delete(`${event.kind} ${event.entityId}`);
  }
  return index;
}

const KIND_OF: Record<Member, string> = {
  artifact: 'ARTIFACT',
  derivation: 'DERIVATION',
  adoption: 'ADOPTION',
  feedback: 'FEEDBACK',
  response: 'RESPONSE',
  need: 'NEED',
  needAnswer: 'NEED_ANSWER',
  community: 'COMMUNITY',
  learningCycle: 'LEARNING_CYCLE',
  contributionRole: 'CONTRIBUTION_ROLE',
};

interface ArtifactsPage {
  edges: Array<{ node: Entity }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Everything the node's public queries serve, keyed as `replay` keys it. */
export async function publicData(node: PublicReader): Promise<Map<string, Entity>> {
  const { community } = await node.publicOk(`{ community {
    ${SELECTIONS.community.slice(1, -1)}
    derivations ${SELECTIONS.derivation} adoptionsGiven ${SELECTIONS.adoption}
    feedbackGiven ${SELECTIONS.feedback} responsesGiven ${SELECTIONS.response} needs ${SELECTIONS.need}
    needAnswersGiven ${SELECTIONS.needAnswer} learningCycles ${SELECTIONS.learningCycle}
    contributionRoles ${SELECTIONS.contributionRole}
  } }`);
  const artifacts: Entity[] = [];
  for (let after: string | null = null; ;) {
    const { artifacts: page }: { artifacts: ArtifactsPage } = await node.publicOk(
      `query($after: String) { artifacts(first: 100, after: $after) {
        edges { node ${SELECTIONS.artifact} } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    artifacts.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  const lists: Record<Member, Entity[]> = {
    artifact: artifacts,
    derivation: community.derivations,
    adoption: community.adoptionsGiven,
    feedback: community.feedbackGiven,
    response: community.responsesGiven,
    need: community.needs,
    needAnswer: community.needAnswersGiven,
    community: [
      Object.fromEntries(
        Object.keys(community)
          .filter((k) => SELECTIONS.community.includes(` ${k} `))
          .map((k) => [k, community[k]]),
      ),
    ],
    learningCycle: community.learningCycles,
    contributionRole: community.contributionRoles,
  };
  const data = new Map<string, Entity>();
  for (const member of MEMBERS) {
    for (const entity of lists[member]) data.set(`${KIND_OF[member]} ${entity.id ?? entity.slug}`, entity);
  }
  return data;
}
