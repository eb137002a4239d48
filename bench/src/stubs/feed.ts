import { encodeArtifactCursor } from '@commons-graph/schema';
import type { NodeData } from './synthetic';

/**
 * A stub node's change feed (docs/feed-protocol.md) over its synthetic data: one event per public
 * entity, its member the entity as the stub serves it, so a follower's index holds what the live
 * path reads. `publishNext` adds an artifact as a node's publication would, and its event.
 */
type Row = Record<string, any>;
export interface StubEvent {
  seq: number;
  at: string;
  kind: string;
  entityId: string;
  member: Row;
}

const MEMBER: Record<string, string> = {
  ARTIFACT: 'artifact',
  DERIVATION: 'derivation',
  ADOPTION: 'adoption',
  FEEDBACK: 'feedback',
  RESPONSE: 'response',
  NEED: 'need',
  NEED_ANSWER: 'needAnswer',
  COMMUNITY: 'community',
  LEARNING_CYCLE: 'learningCycle',
  CONTRIBUTION_ROLE: 'contributionRole',
};
const AT = '2026-10-01T00:00:00.000Z';

const feeds = new WeakMap<NodeData, StubEvent[]>();

export function feedOf(node: NodeData): StubEvent[] {
  let events = feeds.get(node);
  if (events) return events;
  events = [];
  const add = (kind: string, entityId: string, member: Row) =>
    events!.push({ seq: events!.length + 1, at: AT, kind, entityId, member });
  add('COMMUNITY', node.slug, node.profile);
  for (const a of [...node.artifacts].reverse()) add('ARTIFACT', a.id, a);
  for (const d of node.derivations) add('DERIVATION', d.id, d);
  for (const a of node.adoptions) add('ADOPTION', a.id, a);
  for (const f of node.feedback) add('FEEDBACK', f.id, f);
  for (const r of node.responses) add('RESPONSE', r.id, r);
  for (const x of node.needs) add('NEED', x.id, x);
  for (const x of node.answers) add('NEED_ANSWER', x.id, x);
  for (const c of node.profile.learningCycles ?? []) add('LEARNING_CYCLE', c.id, c);
  for (const r of node.profile.contributionRoles ?? []) add('CONTRIBUTION_ROLE', r.id, r);
  feeds.set(node, events);
  return events;
}

/** `changes(after, first)` as a node answers it: members by kind, the others null. */
export function changesPage(node: NodeData, epoch: string, after: number, first: number) {
  const events = feedOf(node);
  const page = events.slice(after, after + first).map(({ member, ...event }) => ({
    ...event,
    ...Object.fromEntries(Object.values(MEMBER).map((name) => [name, null])),
    [MEMBER[event.kind]]: member,
  }));
  const next = page.length ? page[page.length - 1].seq : after;
  return { epoch, head: events.length, events: page, next, hasMore: next < events.length };
}

/** Publishes a new artifact on a stub node (newest of all) and appends its event; returns its id and seq. */
export function publishNext(node: NodeData): { id: string; seq: number } {
  const template = node.artifacts[node.artifacts.length - 1];
  const number = node.artifacts.length + feedOf(node).length;
  const id = `${node.slug}:p${number}`;
  const publishedAt = new Date().toISOString();
  const artifact = {
    ...template,
    id,
    title: `Published ${number}`,
    publishedAt,
    updatedAt: publishedAt,
    derivedFrom: [],
  };
  node.artifacts.unshift(artifact);
  node.byId.set(id, artifact);
  node.keys.set(id, encodeArtifactCursor({ publishedAt: new Date(publishedAt), id }));
  const events = feedOf(node);
  events.push({ seq: events.length + 1, at: publishedAt, kind: 'ARTIFACT', entityId: id, member: artifact });
  return { id, seq: events.length };
}
