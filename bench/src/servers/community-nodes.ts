import 'reflect-metadata';
import { subscribe } from 'node:diagnostics_channel';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { startCommunityNode, type RunningNode } from '@commons-graph/community-node';
import pino from 'pino';
import { announceReady, failStart, readConfig, serveIpc } from './ipc';

/**
 * Real community nodes, any number of them in this one process, each on its own port and database.
 * Counts the HTTP requests each node receives and, when asked to, the SQL statements it runs.
 */
export interface CommunityNodesConfig {
  nodes: Array<{ slug: string; databaseUrl: string }>;
  countSql: boolean;
}

const STATEMENT = /\b(select|insert|update|delete)\b/i;
const KEEP_ALIVE_MS = 65_000;

async function main(): Promise<void> {
  const config = readConfig<CommunityNodesConfig>('BENCH_NODES_CONFIG');
  const requests: Record<string, number> = {};
  const statements: Record<string, number> = {};
  const slugByPort = new Map<number, string>();
  subscribe('http.server.request.start', (message) => {
    const { server } = message as { server: Server };
    // Node's default of 5 s is about how long a round of the quick run leaves a client idle between
    // its runs, and a pooled connection the node closes just as a client reuses it fails the
    // request (Apollo's fetcher does not retry): keep them open longer, as deployments behind a
    // proxy do. Applied to each connection after its next answer.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    const port = (server.address() as AddressInfo | null)?.port;
    const slug = port === undefined ? undefined : slugByPort.get(port);
    if (slug) requests[slug] = (requests[slug] ?? 0) + 1;
  });
  const logger = pino({ level: 'silent' });
  const nodes: RunningNode[] = [];
  const stop = () => Promise.all(nodes.map((node) => node.stop())).then(() => undefined);
  serveIpc({ counters: () => ({ requests, statements }) }, stop);
  await Promise.all(
    config.nodes.map(async ({ slug, databaseUrl }) => {
      statements[slug] = 0;
      requests[slug] = 0;
      const node = await startCommunityNode(
        { slug, name: slug, host: '127.0.0.1', port: 0, databaseUrl, dataDir: tmpdir(), logLevel: 'silent' },
        {
          logger,
          onQuery: config.countSql ? (sql) => STATEMENT.test(sql) && (statements[slug] += 1) : undefined,
        },
      );
      nodes.push(node);
      slugByPort.set(Number(new URL(node.url).port), slug);
    }),
  );
  announceReady({ urls: Object.fromEntries(nodes.map((node) => [node.identity.slug, node.publicUrl])) });
}
main().catch(failStart);
