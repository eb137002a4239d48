import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import bodyParser from 'body-parser';
import cors from 'cors';
import finalhandler from 'finalhandler';
import { requestErrorAnswer } from '@commons-graph/schema';
import type { PagesHandler } from '@commons-graph/web';

/**
 * The gateway's HTTP surface on Node's own server, as Apollo's standalone server does it: CORS,
 * a bounded JSON body, then Apollo Server. Express cost about 110 µs per request here (router,
 * ETag, per-request prototypes), a tenth of the gateway's whole work on a page of 50.
 */
export interface Routes<C extends BaseContext> {
  graphqlPath: string;
  server: ApolloServer<C>;
  context(req: IncomingMessage): Promise<C>;
  corsOrigins: string[] | '*';
  health(): unknown;
  /** Hears of requests that failed on the server's side (a client's bad body is not logged). */
  onError(error: unknown): void;
  /** The explorer's pages and assets, given the path without its leading slash. */
  pages?: PagesHandler;
  /** `POST /feed/ping` from a node (when the gateway keeps an index): the parsed body in, the answer out. */
  ping?(body: unknown): Promise<{ status: number; body: string }>;
}

const PING_PATH = '/feed/ping';

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/**
 * CORS for any origin: all `cors` does on a request but a preflight is this one header, and its
 * options and callbacks cost 30 µs a request; a preflight (OPTIONS) is still its.
 */
function anyOrigin(preflight: Middleware): Middleware {
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return preflight(req, res, next);
    res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  };
}

export function routes<C extends BaseContext>(options: Routes<C>) {
  const allowOrigins =
    options.corsOrigins === '*' ? anyOrigin(cors()) : cors({ origin: options.corsOrigins });
  const json = bodyParser.json({ limit: '1mb' });
  // A ping is a few dozen bytes.
  const pingJson = bodyParser.json({ limit: '4kb' });

  async function graphql(req: IncomingMessage & { body?: unknown }, res: ServerResponse): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = req.url!.indexOf('?');
    const response = await options.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method!.toUpperCase(),
        headers,
        search: query < 0 ? '' : req.url!.slice(query),
        body: req.body,
      },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    // Made only when a request fails or misses a route.
    const done = (error?: unknown) => finalhandler(req, res, { onerror: options.onError })(error);
    const path = req.url!.split('?', 1)[0];
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(options.health()));
      return;
    }
    const ping = path === PING_PATH ? options.ping : undefined;
    if (path !== options.graphqlPath && !ping) {
      if (options.pages?.(req, res, path.slice(1))) return;
      done();
      return;
    }
    // A body that is not JSON or too large, or a failure past it: a GraphQL-shaped JSON answer.
    const fail = (error: unknown) => {
      const answer = requestErrorAnswer(error);
      if (answer.unexpected) options.onError(error);
      if (res.headersSent) return void res.destroy();
      res.statusCode = answer.status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(answer.body);
    };
    const after =
      (next: () => void): Next =>
      (error) =>
        error ? fail(error) : next();
    if (ping) {
      if (req.method !== 'POST') return fail({ status: 405, type: 'method.not.allowed', expose: true });
      pingJson(
        req,
        res,
        after(() => {
          // fail() answers a rejection, so nothing is left floating.
          void ping((req as { body?: unknown }).body).then(({ status, body }) => {
            res.statusCode = status;
            res.setHeader('content-type', 'application/json; charset=utf-8');
            res.end(body);
          }, fail);
        }),
      );
      return;
    }
    allowOrigins(
      req,
      res,
      after(() =>
        json(
          req,
          res,
          // Every failure of the request is answered by `fail`; nothing waits on the promise.
          after(() => void graphql(req, res).catch(fail)),
        ),
      ),
    );
  };
}
