import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { NODE_SDL_PATH } from '@commons-graph/schema';
import { parse } from 'graphql';
import { announceReady, failStart, serveIpc } from './ipc';

/** `@apollo/gateway` over one community node (a valid subgraph, NODE_URL), as a process of its own. */
async function main(): Promise<void> {
  const url = process.env.NODE_URL;
  if (!url) throw new Error('NODE_URL is not set');
  const started = performance.now();
  const composed = composeServices([
    { name: 'node', typeDefs: parse(readFileSync(NODE_SDL_PATH, 'utf8')), url },
  ]);
  if (!composed.supergraphSdl)
    throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const server = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl, logger: silent }),
    logger: silent,
    stopOnTerminationSignals: false,
  });
  const { url: served } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  const startMs = performance.now() - started;
  serveIpc({}, () => server.stop());
  announceReady({ url: served, startMs });
}
main().catch(failStart);
