import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NODE_PROTOCOL_VERSION, readNodeContract } from '@commons-graph/schema';

export interface FakeNode {
  url: string;
  server: Server;
}

/**
 * A real HTTP server that passes the gateway's contract check as community `slug`, then answers
 * every other request's first field (`f0`) with whatever `answer` makes of the request body — or,
 * with `everyField`, every field by its name, so what it answers does not depend on how the gateway
 * happened to batch: a node that misbehaves in one precise way.
 */
export async function startFakeNode(
  slug: string,
  answer: (body: string) => unknown,
  options: { everyField?: boolean } = {},
): Promise<FakeNode> {
  const probe = JSON.stringify({
    data: {
      _service: { sdl: readNodeContract() },
      community: {
        slug,
        name: slug,
        software: { name: 'fake', version: '0', protocol: NODE_PROTOCOL_VERSION },
      },
    },
  });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        body.includes('NodeProbe')
          ? probe
          : JSON.stringify({ data: options.everyField ? everyField(body, answer) : { f0: answer(body) } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

/** Answers each aliased field of a batch (`f0: _entities(…)`, `f1: needs(…)`) by its field name. */
function everyField(body: string, answer: (fieldName: string) => unknown): Record<string, unknown> {
  const { query } = JSON.parse(body) as { query: string };
  return Object.fromEntries(
    [...query.matchAll(/\b(f\d+): (\w+)/g)].map(([, alias, name]) => [alias, answer(name)]),
  );
}
