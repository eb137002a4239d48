#!/usr/bin/env node
import 'reflect-metadata';
import { Command, Option } from 'commander';
import { keepServingOnStrayErrors } from '@commons-graph/schema';
import { createToken } from './auth/tokens';
import { ConfigError, readNodeConfig } from './config';
import { connectForCommand, stopStartedOnSignals } from '@commons-graph/postgres';
import { openDatabase } from './database/orm';
import { describeError, isConnectionFailure } from './describe-error';
import { ApiToken } from './entities';
import { Role } from './entities/enums';
import { createLogger } from './logger';
import { buildPublicSchema, printPublicSdl } from './public/schema';
import { startCommunityNode } from './server';

/** `community-node`: start a node, manage its tokens, print its public schema. */
const program = new Command('community-node').description(
  'A Commons Graph community node. Configured by environment variables; see the README.',
);

program
  .command('start')
  .description(
    'Start the node: embedded PostgreSQL unless DATABASE_URL is set, migrations, public and admin APIs.',
  )
  .action(async () => {
    const config = readNodeConfig();
    const logger = createLogger(config.logLevel);
    keepServingOnStrayErrors(logger);
    const logFailure = (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      throw error;
    };
    await stopStartedOnSignals(
      startCommunityNode(config, { logger }).then((node) => ({ stop: () => node.stop().catch(logFailure) })),
      (signal) => logger.info({ signal }, 'shutting down'),
    );
  });

async function withDatabase<T>(
  run: (orm: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = readNodeConfig();
  const database = await connectForCommand(config.databaseUrl, config.dataDir);
  try {
    const orm = await openDatabase({ databaseUrl: database.url, poolMax: 2 });
    try {
      return await run(orm);
    } finally {
      await orm.close(true);
    }
  } finally {
    await database.stop();
  }
}

const token = program
  .command('token')
  .description('Bearer tokens for the admin API (only hashes are stored).');

token
  .command('create')
  .description('Create a token and print it once.')
  .addOption(
    new Option('--role <role>', 'what the token may do').choices(Object.values(Role)).makeOptionMandatory(),
  )
  .requiredOption('--name <who>', 'whose token this is, e.g. "Maria (steward)"')
  .action(async ({ role, name }: { role: Role; name: string }) => {
    const created = await withDatabase((orm) => createToken(orm.em.fork(), name.trim(), role));
    process.stderr.write(
      `Created ${role} token "${name}" (${created.record.prefix}…). It is shown only once:\n`,
    );
    process.stdout.write(`${created.token}\n`);
  });

token
  .command('list')
  .description('List tokens (never their secrets).')
  .action(async () => {
    const rows = await withDatabase((orm) =>
      orm.em.fork().find(ApiToken, {}, { orderBy: { createdAt: 'asc' } }),
    );
    for (const row of rows) {
      const state = row.revokedAt ? `revoked ${row.revokedAt.toISOString()}` : 'active';
      process.stdout.write(`${row.id}\t${row.role}\t${row.prefix}…\t${row.name}\t${state}\n`);
    }
  });

token
  .command('revoke <id>')
  .description('Revoke a token by id.')
  .action(async (id: string) => {
    const changed = await withDatabase((orm) =>
      orm.em.fork().nativeUpdate(ApiToken, { id, revokedAt: null }, { revokedAt: new Date() }),
    );
    if (!changed) throw new ConfigError(`No active token ${id}`);
    process.stderr.write(`Revoked ${id}\n`);
  });

program
  .command('print-schema')
  .description('Print the public subgraph SDL (the node contract, schema/node.graphql).')
  .action(async () => {
    process.stdout.write(printPublicSdl(await buildPublicSchema()));
  });

program.parseAsync().catch((error: unknown) => {
  const check = isConnectionFailure(error) && process.env.DATABASE_URL ? ' Check DATABASE_URL.' : '';
  process.stderr.write(`community-node: ${describeError(error)}${check}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
