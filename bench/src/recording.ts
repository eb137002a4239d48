import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { Recording } from './servers/stub-nodes';

/**
 * A recording proxy in front of a real node: every request body a gateway sends is forwarded once
 * and its answer kept, so a replay stub can later answer exactly the requests each gateway makes.
 * Only used while warming the gateways, never under load.
 */
export interface RecordingProxy {
  url: string;
  /** Distinct request bodies recorded. */
  size(): number;
  save(path: string): Promise<void>;
  close(): Promise<void>;
}

export async function recordingProxy(slug: string, target: string): Promise<RecordingProxy> {
  const recorded: Recording[string] = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        let answer = recorded[body];
        if (!answer) {
          const response = await request(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
            body,
          });
          answer = { status: response.statusCode, body: await response.body.text() };
          if (answer.status !== 200)
            throw new Error(
              `the node answered HTTP ${answer.status} to ${body.slice(0, 200)}: ${answer.body.slice(0, 300)}`,
            );
          recorded[body] = answer;
        }
        res.writeHead(answer.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(answer.body),
        });
        res.end(answer.body);
      } catch (error) {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: `recording proxy: ${(error as Error).message}` }] }));
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    size: () => Object.keys(recorded).length,
    save: (path) => writeFile(path, JSON.stringify({ [slug]: recorded } satisfies Recording)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
