import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { NODE_PROTOCOL_VERSION, readNodeContract } from '@commons-graph/schema';
import { graphql, parse, type ExecutionResult } from 'graphql';
import { CHANGE_KINDS, type ChangeKind, type Member, type ScriptedChange } from './feed-fixtures';

/** What the scripted node sends instead of its honest answer: a whole JSON body, or raw bytes. */
export type FeedReply = { json: unknown } | { raw: string; status?: number; contentType?: string };

/** The `changes` request a follower made: from where, how many. */
export interface FeedAsk {
  after: number;
  first: number;
}

export interface ScriptedFeedNode {
  slug: string;
  url: string;
  readonly epoch: string;
  /** The latest seq. */
  readonly head: number;
  /** Every `changes` request, in order. */
  readonly asks: FeedAsk[];
  /** Appends changes (seq 1, 2, 3 … without gaps); returns the new head. */
  append(...changes: ScriptedChange[]): number;
  /** Answers probes as a node speaking this node protocol version from now on (upgraded, say). */
  speak(protocol: string): void;
  /** The node's database recreated: a new epoch, and only these changes. */
  reset(changes?: ScriptedChange[]): void;
  /** The node restored from an older backup: the same epoch, the log cut back to `head`. */
  rollBack(head: number): void;
  /**
   * How to answer `changes` from now on: given the honest answer and what was asked, a reply to
   * send instead, or undefined for the honest one, now or once a promise settles (a slow node).
   * null answers honestly again.
   */
  behave(
    behaviour:
      | ((honest: ExecutionResult, ask: FeedAsk) => FeedReply | undefined | Promise<FeedReply | undefined>)
      | null,
  ): void;
  /** What a correct follower holds: the latest public state of each entity, by `<kind> <entityId>`. */
  latest(): Map<string, Member>;
  stop(): Promise<void>;
}

const MEMBER_OF: Record<ChangeKind, string> = Object.fromEntries(
  CHANGE_KINDS.map((kind) => [
    kind,
    kind.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
  ]),
) as Record<ChangeKind, string>;

const schema = buildSubgraphSchema(parse(readNodeContract()));

/**
 * A real HTTP server speaking the node contract's probe and the change feed from an in-memory log
 * a test controls. Like a real node, an event carries its entity as it is *now* (the latest change
 * to it), and `changes` is executed by graphql-js against the contract, so the follower gets exactly
 * the fields it selected. `behave` makes it misbehave.
 */
export async function startFeedNode(slug: string, changes: ScriptedChange[] = []): Promise<ScriptedFeedNode> {
  let log: Array<ScriptedChange & { at: string }> = [];
  let epoch = randomUUID();
  let behaviour: Parameters<ScriptedFeedNode['behave']>[0] = null;
  const asks: FeedAsk[] = [];
  const stamp = (c: ScriptedChange) => ({
    ...c,
    at: new Date(Date.UTC(2026, 0, 1) + log.length * 1000).toISOString(),
  });
  const append = (...added: ScriptedChange[]) => {
    for (const c of added) log.push(stamp(c));
    return log.length;
  };
  append(...changes);

  const now = () => {
    const state = new Map<string, Member | null>();
    for (const c of log) state.set(`${c.kind} ${c.entityId}`, c.member);
    return state;
  };

  const rootValue = {
    community: {
      slug,
      name: `${slug} (scripted)`,
      software: { name: 'scripted-feed', version: '1', protocol: NODE_PROTOCOL_VERSION as string },
    },
    changes: ({ after, first }: FeedAsk) => {
      const state = now();
      const events = log.slice(after, after + first).map((c, i) => {
        const event: Record<string, unknown> = {
          seq: after + i + 1,
          at: c.at,
          kind: c.kind,
          entityId: c.entityId,
        };
        for (const kind of CHANGE_KINDS) event[MEMBER_OF[kind]] = null;
        event[MEMBER_OF[c.kind]] = state.get(`${c.kind} ${c.entityId}`);
        return event;
      });
      const next = events.length ? after + events.length : after;
      return { epoch, head: log.length, events, next, hasMore: next < log.length };
    },
  };

  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      void (async () => {
        const { query, variables } = JSON.parse(body) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const honest = await graphql({ schema, source: query, variableValues: variables, rootValue });
        let reply: FeedReply = { json: honest };
        if (/\bchanges\s*\(/.test(query)) {
          const ask = { after: Number(variables?.after), first: Number(variables?.first) };
          asks.push(ask);
          reply = (await behaviour?.(honest, ask)) ?? reply;
        }
        if ('raw' in reply) {
          res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' });
          res.end(reply.raw);
        } else {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(reply.json));
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    slug,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get epoch() {
      return epoch;
    },
    get head() {
      return log.length;
    },
    asks,
    append,
    speak(protocol) {
      rootValue.community.software.protocol = protocol;
    },
    reset(changes = []) {
      epoch = randomUUID();
      log = [];
      append(...changes);
    },
    rollBack(head) {
      log = log.slice(0, head);
    },
    behave(next) {
      behaviour = next;
    },
    latest() {
      const latest = new Map<string, Member>();
      for (const [key, member] of now()) if (member) latest.set(key, member);
      return latest;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
