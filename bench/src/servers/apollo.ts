import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { NODE_SDL_PATH } from '@commons-graph/schema';
import { parse } from 'graphql';
import { reportUsageOverIpc } from './report';

/** Apollo Gateway over one community node (a valid subgraph), as a separate process. */
async function main(): Promise<void> {
  const url = process.env.NODE_URL!;
  const composed = composeServices([{ name: 'node', typeDefs: parse(readFileSync(NODE_SDL_PATH, 'utf8')), url }]);
  if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((e) => e.message).join('; ')}`);
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }), logger: { debug() {}, info() {}, warn() {}, error() {} } });
  const { url: served } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  reportUsageOverIpc();
  process.send?.({ ready: served });
}
void main();
