import 'reflect-metadata';
import { readGatewayConfig, startGateway } from '@commons-graph/gateway';
import pino from 'pino';
import { reportUsageOverIpc } from './report';

/** Our gateway as a separate process, configured from NODES like `commons-gateway start`. */
async function main(): Promise<void> {
  const config = { ...readGatewayConfig(), port: 0, probeIntervalMs: 0, logLevel: 'silent' };
  const gateway = await startGateway(config, { logger: pino({ level: 'silent' }) });
  reportUsageOverIpc();
  process.send?.({ ready: gateway.graphqlUrl });
}
void main();
