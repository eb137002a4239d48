import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A community node gone bad: a real HTTP server in front of a real node, passing the node's
 * honest answers through until a test tells it how to behave instead. It can rewrite an answer
 * (see `corrupt`) or break HTTP itself (drip, reset, redirect, wrong type, huge, silent).
 */
export type Reply =
  | { json: unknown; status?: number; contentType?: string }
  | { raw: string; status?: number; contentType?: string }
  /** Sends the body one byte every `everyMs`. */
  | { drip: string; everyMs: number }
  /** Sends the headers and the start of the body, then drops the connection. */
  | { reset: string }
  | { redirect: string }
  /** A valid-looking answer of `bytes` bytes, streamed. */
  | { huge: number }
  /** Accepts the request and never answers (until the server stops). */
  | { silent: true };

export interface HostileRequest {
  body: { query: string; variables: Record<string, unknown>; operationName?: string };
  isProbe: boolean;
  /** The real node's honest answer to this request. */
  honest(): Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>;
}
export type Behaviour = (request: HostileRequest) => Reply | Promise<Reply>;

export interface HostileNode {
  url: string;
  /** How to answer from now on; null passes the real node's answers through. */
  behave(behaviour: Behaviour | null): void;
  /** Requests being answered right now, and the most at once since the last reset. */
  readonly open: number;
  readonly mostOpen: number;
  resetCounts(): void;
  stop(): Promise<void>;
}

const honestAnswer = async (upstream: string, body: string) =>
  (
    await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  ).json() as Promise<Awaited<ReturnType<HostileRequest['honest']>>>;

/** Until the response can take more, or is gone; no listener left behind. */
const drained = (res: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });

async function send(res: ServerResponse, reply: Reply): Promise<void> {
  if ('silent' in reply) return;
  if ('redirect' in reply) {
    res.writeHead(307, { location: reply.redirect, 'content-type': 'application/json' }).end('{}');
  } else if ('drip' in reply) {
    res.writeHead(200, { 'content-type': 'application/json' });
    for (const char of reply.drip) {
      if (res.destroyed) return;
      res.write(char);
      await new Promise((resolve) => setTimeout(resolve, reply.everyMs));
    }
    res.end();
  } else if ('reset' in reply) {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(reply.reset.length * 4),
    });
    res.write(reply.reset, () => res.socket?.destroy());
  } else if ('huge' in reply) {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = `"${'x'.repeat(64 * 1024)}",`;
    res.write('{"data":{"f0":[');
    for (let sent = 0; sent < reply.huge && !res.destroyed; sent += chunk.length) {
      if (!res.write(chunk)) await drained(res);
    }
    res.end('"end"]}}');
  } else {
    const body = 'json' in reply ? JSON.stringify(reply.json) : reply.raw;
    res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' }).end(body);
  }
}

export async function startHostileNode(upstream: string): Promise<HostileNode> {
  let behaviour: Behaviour | null = null;
  let open = 0;
  let mostOpen = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      res.once('close', () => (open -= 1));
      const body = JSON.parse(text) as HostileRequest['body'];
      const request: HostileRequest = {
        body,
        isProbe: body.query.includes('NodeProbe'),
        honest: () => honestAnswer(upstream, text),
      };
      void (async () => {
        const reply: Reply = behaviour ? await behaviour(request) : { json: await request.honest() };
        await send(res, reply);
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    behave: (next) => (behaviour = next),
    get open() {
      return open;
    },
    get mostOpen() {
      return mostOpen;
    },
    resetCounts: () => (mostOpen = open),
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A way to corrupt an honest answer; `pick` chooses among the places it applies to. */
export type Corruption =
  /** A value replaced by one of another JSON kind (a number for a string, an object for a list…). */
  | { retype: number; with: number }
  /** null where the contract says never null. */
  | { nullify: number }
  /** An id of the node's own community rewritten as another community's. */
  | { foreignId: number; slug: string }
  /** A community field naming another community. */
  | { foreignCommunity: number; slug: string }
  | { dropKey: number }
  | { extraKey: number; name: string; value: unknown }
  /** One thing with an id listed twice. */
  | { duplicate: number }
  /** An `_entities` answer one entry short or one entry long. */
  | { entities: 'short' | 'long' };

const NON_NULL = new Set([
  'id',
  'community',
  'publishedAt',
  'totalCount',
  'edges',
  'node',
  'pageInfo',
  'hasNextPage',
  'title',
  'status',
  'artifactId',
  'sourceId',
  'slug',
]);
const COMMUNITY_KEYS = new Set(['community', 'assertedBy', 'slug']);
const OTHER_KINDS: unknown[] = [42, true, 'text', { an: 'object' }, ['a', 'list'], 1.5];
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);

interface Place {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  value: unknown;
}

function places(root: unknown): Place[] {
  const found: Place[] = [];
  const walk = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      found.push({
        parent: value as Record<string, unknown>,
        key: Array.isArray(value) ? Number(key) : key,
        value: child,
      });
      walk(child);
    }
  };
  walk(root);
  return found;
}

const pickFrom = <T>(list: T[], pick: number): T | undefined =>
  list.length ? list[pick % list.length] : undefined;
const set = (place: Place, value: unknown) =>
  ((place.parent as Record<string | number, unknown>)[place.key] = value);

/**
 * Applies one corruption to a copy of `data` (a batch answer: `{ f0: …, f1: … }`). Returns the
 * corrupted copy, or null when the corruption has nowhere to apply in this answer.
 */
export function corrupt(
  data: Record<string, unknown>,
  how: Corruption,
  slug: string,
  entitiesKeys: string[],
): Record<string, unknown> | null {
  const copy = structuredClone(data);
  const all = places(copy);
  let place: Place | undefined;
  if ('retype' in how) {
    place = pickFrom(
      all.filter((p) => p.value !== null),
      how.retype,
    );
    if (!place) return null;
    const original = kindOf(place.value);
    const others = OTHER_KINDS.filter(
      (v) => kindOf(v) !== original && !(original === 'number' && typeof v === 'number'),
    );
    set(place, others[how.with % others.length]);
  } else if ('nullify' in how) {
    place = pickFrom(
      all.filter((p) => typeof p.key === 'string' && NON_NULL.has(p.key) && p.value !== null),
      how.nullify,
    );
    if (!place) return null;
    set(place, null);
  } else if ('foreignId' in how) {
    place = pickFrom(
      all.filter((p) => p.key === 'id' && typeof p.value === 'string' && p.value.startsWith(`${slug}:`)),
      how.foreignId,
    );
    if (!place) return null;
    set(place, `${how.slug}:${(place.value as string).slice(slug.length + 1)}`);
  } else if ('foreignCommunity' in how) {
    place = pickFrom(
      all.filter((p) => typeof p.key === 'string' && COMMUNITY_KEYS.has(p.key) && p.value === slug),
      how.foreignCommunity,
    );
    if (!place) return null;
    set(place, how.slug);
  } else if ('dropKey' in how) {
    place = pickFrom(
      all.filter((p) => typeof p.key === 'string' && !Array.isArray(p.parent) && p.parent !== copy),
      how.dropKey,
    );
    if (!place) return null;
    delete (place.parent as Record<string, unknown>)[place.key];
  } else if ('extraKey' in how) {
    place = pickFrom(
      all.filter((p) => kindOf(p.value) === 'object'),
      how.extraKey,
    );
    if (!place) return null;
    (place.value as Record<string, unknown>)[`x_${how.name}`] = how.value;
  } else if ('duplicate' in how) {
    const lists = all.filter(
      (p) =>
        Array.isArray(p.value) &&
        p.value.some((item) => typeof (item as { id?: unknown } | null)?.id === 'string'),
    );
    place = pickFrom(lists, how.duplicate);
    if (!place) return null;
    const list = place.value as unknown[];
    list.push(list.find((item) => typeof (item as { id?: unknown } | null)?.id === 'string'));
  } else {
    const key = entitiesKeys.find(
      (k) => Array.isArray(copy[k]) && (how.entities === 'long' || (copy[k] as unknown[]).length > 0),
    );
    if (!key) return null;
    const list = copy[key] as unknown[];
    if (how.entities === 'short') list.pop();
    else list.push(null);
  }
  return copy;
}

/** The aliases of a batch document that ask `_entities` (`f1: _entities(…)`). */
export const entitiesAliases = (query: string) =>
  [...query.matchAll(/(f\d+): _entities\(/g)].map((m) => m[1]);
