#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { printSchema } from 'graphql';
import { stopStartedOnSignals } from '@commons-graph/postgres';
import { keepServingOnStrayErrors } from '@commons-graph/schema';
import pino from 'pino';
import { ConfigError, readGatewayConfig } from './config';
import { buildCommonsSchema, startGateway } from './server';

/** `commons-gateway`: start the gateway, or print the Commons schema. */
const program = new Command('commons-gateway').description(
  'The Commons Graph gateway. Configured by environment variables; see the README.',
);

program
  .command('start')
  .description('Start the gateway over the nodes in NODES / NODES_FILE.')
  .action(async () => {
    const config = readGatewayConfig();
    const logger = pino({ level: config.logLevel, base: undefined });
    keepServingOnStrayErrors(logger);
    await stopStartedOnSignals(startGateway(config, { logger }), (signal) =>
      logger.info({ signal }, 'shutting down'),
    );
  });

program
  .command('print-schema')
  .description('Print the Commons schema as the gateway serves it (read from schema/commons.graphql).')
  .option('--out <file>', 'write to a file instead of stdout')
  .action(({ out }: { out?: string }) => {
    const sdl = `${printSchema(buildCommonsSchema())}\n`;
    if (out) writeFileSync(out, sdl);
    else process.stdout.write(sdl);
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`commons-gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
