import 'reflect-metadata';
import { readGatewayConfig, startGateway } from '@commons-graph/gateway';
import pino from 'pino';
import { announceReady, failStart, serveIpc } from './ipc';

/** Our gateway as a process of its own, configured from the environment like `commons-gateway start`. */
async function main(): Promise<void> {
  // The live path: the benchmarks it serves ask the nodes at query time, with no index.
  const config = {
    ...readGatewayConfig(),
    port: 0,
    probeIntervalMs: 0,
    logLevel: 'silent',
    index: undefined,
    source: 'live' as const,
  };
  const started = performance.now();
  const gateway = await startGateway(config, { logger: pino({ level: 'silent' }) });
  const startMs = performance.now() - started;
  serveIpc({}, () => gateway.stop());
  announceReady({ url: gateway.graphqlUrl, startMs });
}
main().catch(failStart);
