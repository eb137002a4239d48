import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NODE_PROTOCOL_VERSION, readNodeContract } from '@commons-graph/schema';

export interface FakeNode {
  url: string;
  server: Server;
}

/**
 * A real HTTP server that passes the gateway's contract check as community `slug`, then answers
 * every other request's first field (`f0`) with whatever `answer` makes of the request body: a
 * node that misbehaves in one precise way.
 */
export async function startFakeNode(slug: string, answer: (body: string) => unknown): Promise<FakeNode> {
  const probe = JSON.stringify({
    data: { _service: { sdl: readNodeContract() }, community: { slug, name: slug, software: { name: 'fake', version: '0', protocol: NODE_PROTOCOL_VERSION } } },
  });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body.includes('NodeProbe') ? probe : JSON.stringify({ data: { f0: answer(body) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}
